package reports

// reportItalian holds the Italian of the texts the report's headline,
// reasons and evidence add; they join the shared table when the package
// loads.
var reportItalian = map[string]string{
	"Reason":             "Motivo",
	"Candidate suspects": "Indagati possibili",
	"Suspect name":       "Nominativo indagato",
	"review again":       "da rivedere",
	"Recovery over flags awaiting review EUR":  "Da recuperare, segnalazioni da decidere EUR",
	"Rejected flags (left out)":                "Segnalazioni respinte (escluse)",
	"Recovery of rejected flags, left out EUR": "Importo delle respinte, escluso EUR",
	"awaiting review":                          "da decidere",
	"rejected, left out":                       "respinte, escluse",
}

func init() {
	for k, v := range reportItalian {
		if _, dup := italian[k]; !dup {
			italian[k] = v
		}
	}
}
