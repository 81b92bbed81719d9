package reports

// reportItalian holds the Italian of the texts the report's headline,
// reasons and evidence add; they join the shared table when the package
// loads.
var reportItalian = map[string]string{
	"Reason":             "Motivo",
	"Candidate suspects": "Indagati possibili",
	"omocodia: the same tax code with letters in place of digits":        "omocodia: lo stesso codice fiscale con lettere al posto delle cifre",
	"only the check character differs: one of the two codes is mistyped": "differisce solo il carattere di controllo: uno dei due codici è errato",
	"Suspect name": "Nominativo indagato",
	"review again": "da rivedere",
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
