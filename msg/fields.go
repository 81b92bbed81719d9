package msg

// fieldNames are the names of input fields in words, for an issue about
// a field the file has no column for (a suspect named by the case file,
// a value compared across tables): the outputs never show an internal
// field name.
var fieldNames = map[string][2]string{
	"id":                  {"ID", "ID"},
	"tax_code":            {"Tax code", "Codice fiscale"},
	"surname":             {"Surname", "Cognome"},
	"name":                {"Name", "Nome"},
	"birth_date":          {"Birth date", "Data di nascita"},
	"birth_place":         {"Birth place", "Luogo di nascita"},
	"sex":                 {"Sex", "Sesso"},
	"upline":              {"Upline", "Referente"},
	"suspect":             {"Suspect", "Indagato"},
	"suspect (case file)": {"Suspect (case file)", "Indagato (file del caso)"},
	"kind":                {"Kind", "Tipo"},
	"value":               {"Value", "Valore"},
	"reference":           {"Reference", "Riferimento"},
	"currency":            {"Currency", "Valuta"},
	"amount":              {"Amount", "Importo"},
	"date":                {"Date", "Data"},
	"payee":               {"Payee", "Beneficiario"},
	"payee_account":       {"Payee account", "Conto beneficiario"},
	"payer":               {"Payer", "Ordinante"},
	"payer_account":       {"Payer account", "Conto ordinante"},
	"owner":               {"Owner", "Intestatario"},
	"share":               {"Share", "Quota"},
	"seizure_date":        {"Seizure date", "Data sequestro"},
	"application":         {"Application", "Domanda"},
	"month":               {"Month", "Mese"},
	"from":                {"From", "Dal"},
	"to":                  {"To", "Al"},
	"identifier":          {"Identifier", "Identificativo"},
	"tax code or id":      {"Tax code or ID", "Codice fiscale o ID"},
	"iban":                {"IBAN", "IBAN"},
	"wallet":              {"Wallet", "Wallet"},
	"card":                {"Card", "Carta"},
	"paypal":              {"PayPal", "PayPal"},
	"email":               {"E-mail", "E-mail"},
	"phone":               {"Phone", "Telefono"},
	"telegram":            {"Telegram", "Telegram"},
	"account":             {"Account", "Conto"},
}

// FieldName names an input field in words in the language; a field the
// table lacks is recorded for the tests and shown as it is.
func FieldName(field, lang string) string {
	n, ok := fieldNames[field]
	if !ok {
		missing.Store("field "+field, true)
		return field
	}
	if lang == IT {
		return n[1]
	}
	return n[0]
}
