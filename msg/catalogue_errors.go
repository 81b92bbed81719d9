package msg

// Usage errors and errors that stop a command before it reads its data
// (exit status 2): the person reads them in --lang's language, or the
// case's.
const (
	ErrNotExist      Key = "err_not_exist"
	ErrPermission    Key = "err_permission"
	ErrReadCaseFile  Key = "err_read_case_file"
	ErrLang          Key = "err_lang"
	ErrNothingToDo   Key = "err_nothing_to_write"
	ErrNotXLSX       Key = "err_not_xlsx"
	ErrExists        Key = "err_exists"
	ErrOverwriteIn   Key = "err_overwrite_input"
	ErrSameFile      Key = "err_same_file"
	ErrChooseSuspect Key = "err_choose_suspects"
	ErrOutFolder     Key = "err_out_folder"
	ErrNoSuspect     Key = "err_no_suspect"
	ErrFormat        Key = "err_format"
	ErrOutFile       Key = "err_out_file"
	ErrPartParquet   Key = "err_part_parquet"
	ErrPart          Key = "err_part"
	ErrWhatCaseFile  Key = "err_what_case_file"
	ErrWhatInput     Key = "err_what_input"
	ErrWhatReviewed  Key = "err_what_reviewed"
	// The case's parameters and entries (casefile.Check).
	ErrLangCase        Key = "err_lang_case"
	ErrTarget          Key = "err_target"
	ErrTargetAmount    Key = "err_target_amount"
	ErrTargetAmbiguous Key = "err_target_ambiguous"
	ErrReportDate      Key = "err_report_date"
	ErrNoPath          Key = "err_no_path"
	ErrProgrammeKind   Key = "err_programme_kind"
	ErrProgramme       Key = "err_programme"
	ErrNoInputs        Key = "err_no_inputs"
	ErrCaseFile        Key = "err_case_file"
	ErrKeyTop          Key = "err_key_top"
	ErrKeyTopNear      Key = "err_key_top_near"
	ErrKeyUnder        Key = "err_key_under"
	ErrKeyUnderNear    Key = "err_key_under_near"
	// An input that cannot be read at all.
	ErrInput      Key = "err_input"
	ErrUnreadable Key = "err_unreadable"
	ErrIsDir      Key = "err_is_dir"
	ErrIsEmpty    Key = "err_is_empty"
)

func init() {
	add(map[Key]entry{
		ErrNotExist:   {[]Kind{KText}, "open {0}: no such file or directory", "{0}: file o cartella inesistente"},
		ErrPermission: {[]Kind{KText}, "open {0}: permission denied", "{0}: permesso negato"},
		ErrReadCaseFile: {nil,
			"read case file",
			"lettura del file del caso"},
		ErrLang: {[]Kind{KText},
			"--lang \"{0}\": use en or it",
			"--lang \"{0}\": usare en o it"},
		ErrNothingToDo: {nil,
			"nothing to write: give -o report.xlsx and/or --json report.json",
			"niente da scrivere: indicare -o rapporto.xlsx e/o --json rapporto.json"},
		ErrNotXLSX: {[]Kind{KText},
			"-o {0}: the workbook must end in .xlsx",
			"-o {0}: il nome della cartella di lavoro deve finire in .xlsx"},
		ErrExists: {[]Kind{KText},
			"{0} exists: use --force to overwrite it",
			"{0} esiste già: usare --force per sovrascriverlo"},
		ErrOverwriteIn: {[]Kind{KText, KText, KMsg},
			"{0} {1} is {2}: it would be overwritten; write the output elsewhere",
			"{0} {1} è {2}: verrebbe sovrascritto; scrivere il risultato altrove"},
		ErrSameFile: {[]Kind{KText, KText, KText},
			"{0} and {1} name the same file {2}: give each output its own file",
			"{0} e {1} indicano lo stesso file {2}: dare a ogni risultato un file distinto"},
		ErrChooseSuspect: {nil,
			"choose the suspects with one of --suspect, --flagged or --all",
			"scegliere gli indagati con --suspect, --flagged o --all"},
		ErrOutFolder: {nil,
			"--out: give the folder to write the dossiers in",
			"--out: indicare la cartella in cui scrivere le schede"},
		ErrNoSuspect: {[]Kind{KText},
			"--suspect {0}: no such suspect in the case",
			"--suspect {0}: indagato non presente nel caso"},
		ErrFormat: {[]Kind{KText, KText},
			"--format \"{0}\": use one of {1}",
			"--format \"{0}\": usare uno tra {1}"},
		ErrOutFile: {nil,
			"--out: give the file or directory to write",
			"--out: indicare il file o la cartella da scrivere"},
		ErrPartParquet: {nil,
			"--part: only the parquet format is written in parts",
			"--part: solo il formato parquet si scrive in parti"},
		ErrWhatCaseFile: {nil, "the case file", "il file del caso"},
		ErrWhatInput: {[]Kind{KText},
			"the {0} input",
			"l'ingresso --{0}"},
		ErrWhatReviewed: {nil,
			"the reviewed workbook (--reviews)",
			"la cartella di lavoro revisionata (--reviews)"},
		ErrLangCase: {[]Kind{KText},
			"lang \"{0}\": use en or it",
			"lang \"{0}\": usare en o it"},
		ErrTarget: {[]Kind{KText},
			"target_eur \"{0}\"",
			"target_eur \"{0}\""},
		ErrTargetAmount: {nil,
			"want a positive amount in euro such as 10000000 or 10.000.000",
			"serve un importo positivo in euro, come 10000000 o 10.000.000"},
		ErrTargetAmbiguous: {[]Kind{KNum, KNum},
			"could be {0} or {1}: write the digits alone, as in 10000000",
			"potrebbe essere {0} o {1}: scrivere le sole cifre, come in 10000000"},
		ErrReportDate: {[]Kind{KText},
			"report_date \"{0}\": want a day such as 2020-11-06 or 06/11/2020",
			"report_date \"{0}\": serve un giorno come 06/11/2020 o 2020-11-06"},
		ErrNoPath: {[]Kind{KText},
			"{0}: an entry has no path",
			"{0}: una voce non ha il percorso"},
		ErrProgrammeKind: {[]Kind{KText, KText},
			"{0} {1}: programme is for benefits entries only",
			"{0} {1}: programme vale solo per le voci benefits"},
		ErrProgramme: {[]Kind{KText, KText, KText},
			"benefits {0}: unknown programme \"{1}\" (expected {2})",
			"benefits {0}: programme \"{1}\" sconosciuto (previsti {2})"},
		ErrNoInputs: {nil,
			"no inputs: give a case file (--case case.yaml) or input flags such as --payments and --suspects",
			"nessun dato in ingresso: indicare un file del caso (--case case.yaml) o opzioni come --payments e --suspects"},
		ErrInput: {[]Kind{KTerm, KText}, "{0} {1}", "{0} {1}"},
		ErrUnreadable: {nil,
			"unreadable input",
			"file illeggibile"},
		ErrIsDir: {[]Kind{KText},
			"unreadable input: {0} is a directory",
			"file illeggibile: {0} è una cartella"},
		ErrIsEmpty: {[]Kind{KText},
			"unreadable input: {0} is empty",
			"file illeggibile: {0} è vuoto"},
		ErrCaseFile: {[]Kind{KText}, "case file {0}", "file del caso {0}"},
		ErrKeyTop: {[]Kind{KInt, KText, KText},
			"line {0}: unknown key `{1}` at the top of the case file: the keys here are `{2}`",
			"riga {0}: chiave `{1}` sconosciuta al primo livello del file del caso: le chiavi ammesse qui sono `{2}`"},
		ErrKeyTopNear: {[]Kind{KInt, KText, KText},
			"line {0}: unknown key `{1}` at the top of the case file: did you mean `{2}`?",
			"riga {0}: chiave `{1}` sconosciuta al primo livello del file del caso: forse `{2}`?"},
		ErrKeyUnder: {[]Kind{KInt, KText, KText, KText},
			"line {0}: unknown key `{1}` under {2}: the keys here are `{3}`",
			"riga {0}: chiave `{1}` sconosciuta sotto {2}: le chiavi ammesse qui sono `{3}`"},
		ErrKeyUnderNear: {[]Kind{KInt, KText, KText, KText},
			"line {0}: unknown key `{1}` under {2}: did you mean `{3}`?",
			"riga {0}: chiave `{1}` sconosciuta sotto {2}: forse `{3}`?"},
		ErrPart: {[]Kind{KText},
			"--part: {0}",
			"--part: {0}"},
	})
}
