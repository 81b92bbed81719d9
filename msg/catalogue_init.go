package msg

// The comments `crosscheck init` writes in case.yaml: in the language it
// chose for the case (from the headers), so the person who checks the
// file reads them in the report's language.
const (
	InitHead          Key = "init_head"
	InitHeadRun       Key = "init_head_run"
	InitHeadPaths     Key = "init_head_paths"
	InitNameAsk       Key = "init_name_ask"
	InitLang          Key = "init_lang"
	InitLangUnknown   Key = "init_lang_unknown"
	InitLangItalian   Key = "init_lang_italian"
	InitLangEnglish   Key = "init_lang_english"
	InitNoneFound     Key = "init_none_found"
	InitNotClassified Key = "init_not_classified"
	InitProfileIf     Key = "init_profile_if"
	InitProfileCols   Key = "init_profile_columns"
	InitHeaderOn      Key = "init_header_on"
	InitDetail        Key = "init_detail"
	InitRowsSuspect   Key = "init_rows_suspect"
	InitRowsPayee     Key = "init_rows_payee"
	InitRowsWhose     Key = "init_rows_whose"
	InitHolderIBAN    Key = "init_holder_iban"
	InitHolderAccount Key = "init_holder_account"
	InitHolderCard    Key = "init_holder_card"
	InitHolderName    Key = "init_holder_name"
	InitHolderNone    Key = "init_holder_none"
	InitHolderTried   Key = "init_holder_tried"
)

func init() {
	add(map[Key]entry{
		InitHead: {nil,
			"case.yaml written by `crosscheck init`: check it, then run",
			"case.yaml scritto da `crosscheck init`: controllarlo, poi eseguire"},
		InitHeadRun: {nil,
			"  crosscheck run --case case.yaml -o report.xlsx --json report.json",
			"  crosscheck run --case case.yaml -o rapporto.xlsx --json rapporto.json"},
		InitHeadPaths: {nil,
			"Paths are relative to this file. Each comment says how init decided.",
			"I percorsi sono relativi a questo file. Ogni commento spiega come ha deciso init."},
		InitNameAsk: {nil,
			"name the case: neither the folder nor the files' names tell it",
			"il nome del caso: né la cartella né i nomi dei file lo indicano"},
		InitLang: {[]Kind{KMsg},
			"en or it: {0}",
			"en o it: {0}"},
		InitLangUnknown: {nil,
			"the headers did not tell; change to it for Italian outputs",
			"le intestazioni non lo dicono; it per avere i risultati in italiano"},
		InitLangItalian: {[]Kind{KInt, KInt},
			"the headers are Italian ({0} Italian words, {1} English)",
			"le intestazioni sono in italiano ({0} parole italiane, {1} inglesi)"},
		InitLangEnglish: {[]Kind{KInt, KInt},
			"the headers are English ({0} English words, {1} Italian)",
			"le intestazioni sono in inglese ({0} parole inglesi, {1} italiane)"},
		InitNoneFound: {nil, "none found", "nessuno trovato"},
		InitNotClassified: {nil,
			"Not classified (add them by hand under the right kind, or use `columns:`):",
			"Non classificati (aggiungerli a mano sotto il tipo giusto, o usare `columns:`):"},
		InitProfileIf: {[]Kind{KText},
			"If {0} is a payments export, describe it with a profile",
			"Se {0} è un export di pagamenti, descriverlo con un profilo"},
		InitProfileCols: {[]Kind{KInt},
			"(docs/directions.md) and uncomment both parts. Columns seen on row {0}:",
			"(docs/directions.md) e togliere il commento alle due parti. Colonne viste alla riga {0}:"},
		InitHeaderOn: {[]Kind{KTerm, KInt, KText},
			"{0}: header on row {1} ({2})",
			"{0}: intestazione alla riga {1} ({2})"},
		InitDetail: {[]Kind{KText}, "{0}", "{0}"},
		InitRowsSuspect: {nil,
			"rows name their suspect in a column",
			"le righe indicano l'indagato in una colonna"},
		InitRowsPayee: {nil,
			"rows are attributed by the payee's account or name; if every row is one suspect's income, add `suspect: ID`",
			"le righe sono attribuite dal conto o dal nome del beneficiario; se tutte le righe sono proventi di un solo indagato, aggiungere `suspect: ID`"},
		InitRowsWhose: {nil,
			"whose payments are these? No column names the payee: add `suspect: ID` if every row is one suspect's income",
			"di chi sono questi pagamenti? Nessuna colonna indica il beneficiario: aggiungere `suspect: ID` se tutte le righe sono proventi di un solo indagato"},
		InitHolderIBAN: {[]Kind{KText, KText},
			"suspect {0}: the title rows name IBAN {1}, which is {0}'s",
			"indagato {0}: le righe del titolo indicano l'IBAN {1}, che è di {0}"},
		InitHolderAccount: {[]Kind{KText, KText, KText},
			"suspect {0}: the title rows name account {1}, the tail of {0}'s IBAN {2}",
			"indagato {0}: le righe del titolo indicano il conto {1}, la parte finale dell'IBAN {2} di {0}"},
		InitHolderCard: {[]Kind{KText, KText},
			"suspect {0}: the title rows name card {1}, which matches {0}'s card",
			"indagato {0}: le righe del titolo indicano la carta {1}, che corrisponde alla carta di {0}"},
		InitHolderName: {[]Kind{KText, KText},
			"suspect {0}: the title rows name the holder {1}, who is {0}",
			"indagato {0}: le righe del titolo indicano l'intestatario {1}, che è {0}"},
		InitHolderNone: {nil,
			"whose account is this? The title rows name no holder, IBAN or card: add `suspect: ID` if every row is one suspect's income",
			"di chi è questo conto? Le righe del titolo non indicano intestatario, IBAN o carta: aggiungere `suspect: ID` se tutte le righe sono proventi di un solo indagato"},
		InitHolderTried: {[]Kind{KText},
			"whose account is this? The title rows name {0}, and no suspect matches: add `suspect: ID` if every row is one suspect's income",
			"di chi è questo conto? Le righe del titolo indicano {0}, e nessun indagato corrisponde: aggiungere `suspect: ID` se tutte le righe sono proventi di un solo indagato"},
	})
}
