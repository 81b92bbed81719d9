package msg

// What the commands print around the report: where the outputs went, how
// to run the sample again, why the exit status is not 0.
const (
	CLIDemoWritten      Key = "cli_demo_written"
	CLIOpenWorkbook     Key = "cli_open_workbook"
	CLIDetailNamed      Key = "cli_detail_named"
	CLICaseFileLists    Key = "cli_case_file_lists"
	CLIRunAgain         Key = "cli_run_again"
	CLINoCommand        Key = "cli_no_command"
	CLIDossiersWritten  Key = "cli_dossiers_written"
	CLIValidateFound    Key = "cli_validate_found"
	CLIProblemsOne      Key = "cli_problems_one"
	CLIProblemsMany     Key = "cli_problems_many"
	CLIRowsOne          Key = "cli_rows_one"
	CLIRowsMany         Key = "cli_rows_many"
	CLIStrictRejected   Key = "cli_strict_rejected"
	CLIInitWrote        Key = "cli_init_wrote"
	CLIInitSuspect      Key = "cli_init_suspect"
	CLIInitUnclassified Key = "cli_init_unclassified"
)

func init() {
	add(map[Key]entry{
		CLIDemoWritten: {[]Kind{KText},
			"Sample case written to {0} and run.",
			"Caso di esempio scritto in {0} ed eseguito."},
		CLIOpenWorkbook: {[]Kind{KTerm},
			"(open it in Excel or LibreOffice: start from the {0} sheet)",
			"(si apre con Excel o LibreOffice: cominciare dal foglio {0})"},
		CLIDetailNamed: {[]Kind{KTerm},
			"(every payment row, named with its SHA-256 on the {0} sheet)",
			"(ogni riga di pagamento; il suo SHA-256 è nel foglio {0})"},
		CLICaseFileLists: {nil,
			"(the case file lists every spreadsheet)",
			"(il file del caso elenca ogni foglio di calcolo)"},
		CLIRunAgain: {nil,
			"Run it again yourself with:",
			"Per eseguirlo di nuovo:"},
		CLINoCommand: {nil,
			"(no crosscheck command? In the source folder, go install ./cmd/crosscheck puts it in $(go env GOPATH)/bin.)",
			"(manca il comando crosscheck? Nella cartella dei sorgenti, go install ./cmd/crosscheck lo installa in $(go env GOPATH)/bin.)"},
		CLIDossiersWritten: {[]Kind{KInt, KText},
			"{0} dossiers written to {1}",
			"{0} schede scritte in {1}"},
		CLIValidateFound: {[]Kind{KMsg, KMsg},
			"validate found {0} ({1} rejected)",
			"validate ha trovato {0} (scartate {1})"},
		CLIProblemsOne:  {nil, "1 problem", "1 problema"},
		CLIProblemsMany: {[]Kind{KInt}, "{0} problems", "{0} problemi"},
		CLIRowsOne:      {nil, "1 row", "1 riga"},
		CLIRowsMany:     {[]Kind{KInt}, "{0} rows", "{0} righe"},
		CLIInitWrote: {[]Kind{KText, KInt},
			"Wrote {0} with {1} tables.",
			"Scritto {0} con {1} tabelle."},
		CLIInitSuspect:      {[]Kind{KText}, "(suspect {0})", "(indagato {0})"},
		CLIInitUnclassified: {nil, "Not classified:", "Non classificati:"},
		CLIStrictRejected: {[]Kind{KInt, KTerm},
			"{0} input rows were rejected (see the {1} sheet)",
			"{0} righe in ingresso scartate (vedere il foglio {1})"},
	})
}

// Count is "1 problem" or "n problems" (one and many are two keys: the
// catalogue has no plural rules).
func Count(n int, one, many Key) Message {
	if n == 1 {
		return New(one)
	}
	return New(many, Int(n))
}
