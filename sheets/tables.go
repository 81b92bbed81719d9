package sheets

// Suspects lists each suspect with their totals, a row highlighted when
// the suspect has a benefit flag; a totals row sums the Total columns.
var Suspects = Sheet{
	Name: "Suspects",
	// A highlighted row's cells carry the highlight: the columns have
	// no style of their own.
	CellStyles: true,
	Columns: []Column{
		{Key: "id", Label: "ID"},
		{Key: "tax_code", Label: "Tax code"},
		{Key: "surname", Label: "Surname"},
		{Key: "name", Label: "Name"},
		{Key: "role", Label: "Role"},
		{Key: "upline", Label: "Upline"},
		{Key: "payments", Label: "Payments count", Format: Integer, Total: true},
		{Key: "income_eur", Label: "Income EUR", Format: Euro, Total: true},
		{Key: "seized_eur", Label: "Seized EUR", Format: Euro, Total: true},
		{Key: "shortfall_eur", Label: "Shortfall EUR", Format: Euro, Total: true},
		{Key: "network_income_eur", Label: "Network income EUR", Format: Euro},
		{Key: "first_payment", Label: "First payment", Format: Date},
		{Key: "last_payment", Label: "Last payment", Format: Date},
		{Key: "payers", Label: "Payers", Format: Integer},
		{Key: "no_rate", Label: "No rate", Format: Integer, Total: true},
		{Key: "currencies", Label: "Currencies"},
		{Key: "benefit_flag", Label: "Benefit flag"},
	},
}

// Assets lists the seizure records, one row per asset; a totals row sums
// the Total columns.
var Assets = Sheet{
	Name: "Assets",
	Columns: []Column{
		{Key: "id", Label: "ID"},
		{Key: "owner", Label: "Owner"},
		{Key: "suspect", Label: "Suspect"},
		{Key: "type", Label: "Type"},
		{Key: "description", Label: "Description"},
		{Key: "value", Label: "Value", Format: Amount},
		{Key: "quantity", Label: "Quantity", Format: Amount},
		{Key: "currency", Label: "Currency"},
		{Key: "seizure_date", Label: "Seizure date", Format: Date},
		{Key: "country", Label: "Country"},
		{Key: "measure", Label: "Measure"},
		{Key: "share", Label: "Share %", Format: Percent},
		{Key: "eur", Label: "EUR", Format: Euro, Total: true},
		{Key: "rate", Label: "Rate", Format: Rate},
		{Key: "rate_date", Label: "Rate date", Format: Date},
		{Key: "counted", Label: "Counted"},
		{Key: "status", Label: "Status"},
		{Key: "report_eur", Label: "EUR at report date", Format: Euro, Total: true},
		{Key: "problem", Label: "Problem"},
	},
}

// Network lists each suspect's place in the pyramid: who is above, how
// many below, and the income of both.
var Network = Sheet{
	Name: "Network",
	Columns: []Column{
		{Key: "suspect", Label: "Suspect"},
		{Key: "upline", Label: "Upline"},
		{Key: "downline", Label: "Downline count", Format: Integer},
		{Key: "own_income_eur", Label: "Own income EUR", Format: Euro},
		{Key: "network_income_eur", Label: "Network income EUR", Format: Euro},
	},
}

// DataIssues lists the problems found in the inputs, grouped: the same
// problem over many rows is one line with its rows and count.
var DataIssues = Sheet{
	Name: "Data issues",
	Columns: []Column{
		{Key: "level", Label: "Level"},
		{Key: "path", Label: "Path"},
		{Key: "sheet", Label: "Sheet"},
		{Key: "rows", Label: "Rows"},
		{Key: "count", Label: "Count", Format: Integer},
		{Key: "column", Label: "Column"},
		{Key: "value", Label: "Value"},
		{Key: "problem", Label: "Problem"},
	},
}

// Sources lists every input read (and the payment detail written beside
// the report), with its SHA-256 and what became of its rows.
var Sources = Sheet{
	Name: "Sources",
	Columns: []Column{
		{Key: "path", Label: "Path"},
		{Key: "sheet", Label: "Sheet"},
		{Key: "kind", Label: "Kind"},
		// The export profile that read a payments file, or that it was
		// read by its headers.
		{Key: "profile", Label: "Profile"},
		{Key: "sha256", Label: "SHA-256"},
		{Key: "rows", Label: "Rows", Format: Integer},
		{Key: "accepted", Label: "Accepted", Format: Integer},
		{Key: "rejected", Label: "Rejected", Format: Integer},
		{Key: "duplicates", Label: "Duplicates", Format: Integer},
		{Key: "file_suspect", Label: "File suspect"},
		{Key: "unknown", Label: "Unknown columns"},
	},
}

// RatesUsed lists every rate a figure was converted with, day by day.
var RatesUsed = Sheet{
	Name: "Rates used",
	Columns: []Column{
		{Key: "currency", Label: "Currency"},
		{Key: "date", Label: "Date", Format: Date},
		{Key: "value", Label: "Value", Format: Rate},
		{Key: "quotation", Label: "Quotation"},
		{Key: "uses", Label: "Uses", Format: Integer},
		{Key: "source", Label: "Source"},
	},
}

// RatesSummary is the Rates used sheet of a report whose payments are in
// a detail workbook: one row per currency, quotation and rate file; the
// rates day by day go with the payments.
var RatesSummary = Sheet{
	Name: "Rates used",
	Columns: []Column{
		{Key: "currency", Label: "Currency"},
		{Key: "quotation", Label: "Quotation"},
		{Key: "first_day", Label: "First day", Format: Date},
		{Key: "last_day", Label: "Last day", Format: Date},
		{Key: "days", Label: "Days", Format: Integer},
		{Key: "uses", Label: "Uses", Format: Integer},
		{Key: "lowest", Label: "Lowest", Format: Rate},
		{Key: "highest", Label: "Highest", Format: Rate},
		{Key: "source", Label: "Source"},
	},
}

// ReviewLog lists every decision carried into a run, with the workbook it
// came from and that file's SHA-256.
var ReviewLog = Sheet{
	Name: "Review log",
	Columns: append(BenefitFlags.pick(FlagID, Suspect, "suspect_name", Application),
		Column{Key: Decision, Label: "Decision"},
		Column{Key: Reviewer, Label: "Reviewer"},
		Column{Key: ReviewDate, Label: "Review date", Format: Date},
		Column{Key: Note, Label: "Note"},
		Column{Key: ReviewState, Label: "Review state"},
		Column{Key: "source", Label: "Source workbook"},
		Column{Key: "sheet", Label: "Sheet"},
		Column{Key: "row", Label: "Row", Format: Integer},
		Column{Key: "sha256", Label: "SHA-256"},
	),
}

// All lists every table sheet's specification (the Summary and Timeline
// are laid out apart: a Timeline column per month).
var All = []*Sheet{&Suspects, &Payments, &Unattributed, &Assets, &BenefitFlags, &WithdrawnFlags, &Network,
	&DataIssues, &Sources, &RatesUsed, &RatesSummary, &ReviewLog}
