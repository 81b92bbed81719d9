package reports

import "sync"

// italian holds every label, header and format text the outputs show,
// keyed by its English form. English output uses the key itself, so a
// missing translation degrades to English instead of an empty cell.
var italian = map[string]string{
	// Sheet names.
	"Summary":       "Riepilogo",
	"Suspects":      "Indagati",
	"Payments":      "Pagamenti",
	"Unattributed":  "Non attribuiti",
	"Assets":        "Beni sequestrati",
	"Benefit flags": "Segnalazioni RdC",
	"Network":       "Rete",
	"Data issues":   "Problemi nei dati",
	"Sources":       "Fonti",
	"Rates used":    "Cambi usati",

	// Summary labels.
	"Case":                              "Caso",
	"Report date":                       "Data del rapporto",
	"Target EUR":                        "Obiettivo EUR",
	"Seized EUR":                        "Sequestrato EUR",
	"Percent of target reached":         "Percentuale dell'obiettivo raggiunta",
	"Remaining EUR":                     "Mancante EUR",
	"Seized":                            "Sequestrato",
	"Target":                            "Obiettivo",
	"Seized value against target":       "Valore sequestrato rispetto all'obiettivo",
	"Seized value by asset type":        "Valore sequestrato per tipo di bene",
	"Crypto at seizure date EUR":        "Cripto alla data del sequestro EUR",
	"Crypto at report date EUR":         "Cripto alla data del rapporto EUR",
	"Released assets (not counted)":     "Beni dissequestrati (non conteggiati)",
	"Suspects count":                    "Indagati (numero)",
	"Payments (accepted)":               "Pagamenti (accettati)",
	"Attributed payments":               "Pagamenti attribuiti",
	"Attributed EUR":                    "Attribuito EUR",
	"Attributed share of EUR":           "Quota attribuita degli EUR",
	"Unattributed payments":             "Pagamenti non attribuiti",
	"Unattributed EUR":                  "Non attribuito EUR",
	"Duplicates":                        "Duplicati",
	"Rows with no rate":                 "Righe senza cambio",
	"Data issues count":                 "Problemi nei dati (numero)",
	"Benefit flags: exact":              "Segnalazioni RdC: esatte",
	"Benefit flags: probable":           "Segnalazioni RdC: probabili",
	"Benefit flags: possible":           "Segnalazioni RdC: possibili",
	"Benefit proposed for recovery EUR": "RdC proposto per il recupero EUR",
	"Seized by type":                    "Sequestrato per tipo",
	"Seized by country":                 "Sequestrato per paese",
	"Takedowns (not valued)":            "Oscuramenti e sequestri non monetari",
	"Type":                              "Tipo",
	"Country":                           "Paese",
	"Count":                             "Numero",
	"Notes":                             "Note",
	"The benefit cross-check covered applicants only: no household table was given.": "Il controllo RdC ha riguardato solo i richiedenti: non è stata fornita la tabella dei nuclei familiari.",
	"continued in": "continua in",
	"(unknown)":    "(sconosciuto)",

	// Suspects.
	"ID":                 "ID",
	"Tax code":           "Codice fiscale",
	"Surname":            "Cognome",
	"Name":               "Nome",
	"Role":               "Ruolo",
	"Upline":             "Referente",
	"Payments count":     "Pagamenti",
	"Income EUR":         "Proventi EUR",
	"Shortfall EUR":      "Differenza da confiscare EUR",
	"Network income EUR": "Proventi della rete EUR",
	"First payment":      "Primo pagamento",
	"Last payment":       "Ultimo pagamento",
	"Payers":             "Pagatori",
	"No rate":            "Senza cambio",
	"Currencies":         "Valute",
	"Benefit flag":       "Segnalazione RdC",
	"Total":              "Totale",

	// Payments.
	"Source":             "Fonte",
	"Sheet":              "Foglio",
	"Row":                "Riga",
	"Date":               "Data",
	"Amount":             "Importo",
	"Currency":           "Valuta",
	"EUR":                "EUR",
	"Rate":               "Cambio",
	"Rate date":          "Data cambio",
	"Payer":              "Ordinante",
	"Payer account":      "Conto ordinante",
	"Payee":              "Beneficiario",
	"Payee account":      "Conto beneficiario",
	"Reference":          "Riferimento",
	"Description":        "Descrizione",
	"Channel":            "Canale",
	"Status":             "Stato",
	"Duplicate of":       "Duplicato di",
	"Suspect":            "Indagato",
	"Rule":               "Regola",
	"Decided by":         "Deciso da",
	"Debit":              "Addebito",
	"Total (all sheets)": "Totale (tutti i fogli)",
	"ok":                 "ok",
	"duplicate":          "duplicato",
	"conflict":           "conflitto",
	"suspect_column":     "colonna indagato",
	"file_suspect":       "indagato del file",
	"payee_account":      "conto beneficiario",
	"payee":              "beneficiario",
	"yes":                "sì",
	"no":                 "no",

	// Assets.
	"Owner":              "Intestatario",
	"Value":              "Valore",
	"Quantity":           "Quantità",
	"Seizure date":       "Data sequestro",
	"Measure":            "Provvedimento",
	"Share %":            "Quota %",
	"Counted":            "Conteggiato",
	"EUR at report date": "EUR alla data del rapporto",
	"Problem":            "Problema",
	"seized":             "sequestrato",
	"confiscated":        "confiscato",
	"released":           "dissequestrato",
	"bank_account":       "conto corrente",
	"crypto":             "criptovalute",
	"cash":               "contanti",
	"real_estate":        "immobile",
	"vehicle":            "veicolo",
	"company":            "quote societarie",
	"securities":         "titoli",
	"valuables":          "preziosi",
	"server":             "server",
	"domain":             "dominio",
	"platform":           "piattaforma",
	"telegram_channel":   "canale telegram",
	"smart_card":         "smart card",
	"other":              "altro",

	// Benefit flags.
	"Flag ID":                   "ID segnalazione",
	"Application":               "Domanda",
	"Class":                     "Classe",
	"Birth date":                "Data di nascita",
	"Birth place":               "Luogo di nascita",
	"Sex":                       "Sesso",
	"Months paid":               "Mensilità pagate",
	"Months":                    "Mesi",
	"Benefit EUR":               "RdC percepito EUR",
	"Overlap months":            "Mesi sovrapposti",
	"Overlap":                   "Sovrapposizione",
	"Recovery EUR":              "Da recuperare EUR",
	"Income during benefit EUR": "Proventi durante il RdC EUR",
	"to review":                 "da verificare",
	"exact":                     "esatto",
	"probable":                  "probabile",
	"possible":                  "possibile",
	"close":                     "simile",
	"missing":                   "mancante",
	"applicant":                 "richiedente",
	"household member":          "componente del nucleo",

	// Network.
	"Downline count":         "Sottoposti",
	"Own income EUR":         "Proventi propri EUR",
	"Cycles in upline links": "Cicli nei collegamenti con i referenti",

	// Data issues.
	"Path":   "Percorso",
	"Column": "Colonna",

	// Sources.
	"Kind":            "Tipo",
	"SHA-256":         "SHA-256",
	"Rows":            "Righe",
	"Accepted":        "Accettate",
	"Rejected":        "Scartate",
	"File suspect":    "Indagato del file",
	"Unknown columns": "Colonne non riconosciute",
	"Run parameters":  "Parametri dell'esecuzione",
	"Case file":       "File del caso",
	"Language":        "Lingua",
	"Version":         "Versione",
	"suspects":        "indagati",
	"identifiers":     "identificativi",
	"payments":        "pagamenti",
	"assets":          "beni",
	"benefits":        "RdC",
	"household":       "nuclei",
	"rates":           "cambi",

	// Rates used.
	"Quotation":     "Quotazione",
	"Uses":          "Utilizzi",
	"units per EUR": "unità per EUR",

	// Terminal summary.
	"Remaining":             "Mancante",
	"of target":             "dell'obiettivo",
	"Attributed":            "Attribuiti",
	"of EUR":                "degli EUR",
	"proposed for recovery": "da recuperare",
	"EUR per unit":          "EUR per unità",
}

// translator turns English labels into the report's language.
type translator struct{ it bool }

func newTranslator(lang string) translator { return translator{it: lang == "it"} }

// missingLabels records labels asked for in Italian that have no
// translation, so that a test can list them.
var missingLabels sync.Map

func (t translator) t(s string) string {
	if !t.it || s == "" {
		return s
	}
	if v, ok := italian[s]; ok {
		return v
	}
	missingLabels.Store(s, true)
	return s
}
