package sheets

// Payments lists every payment row read, one row each: where it was read,
// what it says, what it came to in EUR and to whom it was attributed.
var Payments = Sheet{
	Name: "Payments",
	// Source, sheet and row identify a printed row.
	KeyCols: 3,
	Columns: []Column{
		{Key: "source", Label: "Source"},
		{Key: "sheet", Label: "Sheet"},
		{Key: "row", Label: "Row"},
		{Key: "date", Label: "Date", Format: Date},
		{Key: "amount", Label: "Amount", Format: Amount},
		{Key: "currency", Label: "Currency"},
		{Key: "eur", Label: "EUR", Format: Euro},
		{Key: "rate", Label: "Rate", Format: Rate},
		{Key: "rate_date", Label: "Rate date", Format: Date},
		{Key: "payer", Label: "Payer"},
		{Key: "payer_account", Label: "Payer account"},
		{Key: "payee", Label: "Payee"},
		{Key: "payee_account", Label: "Payee account"},
		{Key: "reference", Label: "Reference"},
		{Key: "description", Label: "Description"},
		{Key: "channel", Label: "Channel"},
		{Key: "direction", Label: "Direction"},
		{Key: "status", Label: "Status"},
		{Key: "duplicate_of", Label: "Duplicate of"},
		{Key: "suspect", Label: "Suspect"},
		{Key: "rule", Label: "Rule"},
		{Key: "decided_by", Label: "Decided by"},
		{Key: "direction_reason", Label: "Direction reason"},
	},
}

// Unattributed lists the payments attributed to no suspect: the Payments
// columns that say what the payment was, then why it is unattributed and
// the suspects it may belong to.
var Unattributed = Sheet{
	Name:    "Unattributed",
	KeyCols: 3,
	// An unattributed payment is read across all its columns, up to
	// its reason and candidates: on paper, one page wide, the longer
	// texts wrapped at 30 characters.
	OnePageWide: true,
	TextCap:     30,
	Columns: append(Payments.pick("source", "sheet", "row", "date", "amount", "currency", "eur",
		"payer", "payer_account", "payee", "payee_account", "reference", "description", "channel"),
		Column{Key: "reason", Label: "Reason"},
		Column{Key: "candidates", Label: "Candidate suspects"},
	),
}

// pick copies the columns with keys, in that order: a sheet that shows
// the same values as another shows them under the same headers.
func (s *Sheet) pick(keys ...string) []Column {
	out := make([]Column, 0, len(keys))
	for _, k := range keys {
		c, ok := s.Column(k)
		if !ok {
			// A misspelt key is a programming error in this file's
			// declarations, caught by its tests.
			c = Column{Key: k, Label: k}
		}
		out = append(out, c)
	}
	return out
}
