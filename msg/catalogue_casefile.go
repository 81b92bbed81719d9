package msg

// The comments of a case file crosscheck writes for the templates
// (casefile.TemplateDraft): the person reads them in the templates'
// language.
const (
	CaseFileTemplateHead Key = "case_file_template_head"
	CaseFilePaths        Key = "case_file_paths"
	CaseFileNameAsk      Key = "case_file_name_ask"
	CaseFileReportDate   Key = "case_file_report_date"
	CaseFileTarget       Key = "case_file_target"
	CaseFileTemplateLang Key = "case_file_template_lang"
	CaseFilePaymentsHint Key = "case_file_payments_hint"
	CaseFileRatesHint    Key = "case_file_rates_hint"
)

func init() {
	add(map[Key]entry{
		CaseFileTemplateHead: {nil,
			"case.yaml written by `crosscheck template`: fill in the templates, then run",
			"case.yaml scritto da `crosscheck template`: compilare i modelli, poi eseguire"},
		CaseFilePaths: {nil,
			"Paths are relative to this file; list more files of a kind under its key.",
			"I percorsi sono relativi a questo file; altri file dello stesso tipo vanno elencati sotto la stessa chiave."},
		CaseFileNameAsk: {nil,
			"name the case",
			"il nome del caso"},
		CaseFileReportDate: {nil,
			"the date the report speaks of; crypto is also valued on it",
			"la data a cui si riferisce il rapporto; anche le cripto sono valutate a quella data"},
		CaseFileTarget: {nil,
			"seizure target",
			"obiettivo del sequestro"},
		CaseFileTemplateLang: {nil,
			"en or it: the templates' language",
			"en o it: la lingua dei modelli"},
		CaseFilePaymentsHint: {nil,
			"one row per payment; if every row of a file is one suspect's income, add `suspect: ID` beside its path",
			"una riga per pagamento; se tutte le righe di un file sono proventi di un solo indagato, aggiungere `suspect: ID` accanto al percorso"},
		CaseFileRatesHint: {nil,
			"rates typed in by hand; list the ECB's eurofxref-hist.csv here too for the currencies' daily rates",
			"cambi inseriti a mano; per i cambi giornalieri delle valute elencare qui anche il file eurofxref-hist.csv della BCE"},
	})
}
