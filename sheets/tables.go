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
