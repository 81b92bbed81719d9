package ingest

import (
	"strings"

	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/msg"
)

// FormValue is what a field's column in an input template accepts.
type FormValue int

const (
	FormText FormValue = iota
	FormDate
	FormDecimal
	FormList
)

// Form is how a field is offered in crosscheck's input templates: what
// its column accepts, a help text and, for a list, the values, in English
// and Italian. The values of a list are words the reader takes back.
type Form struct {
	Value          FormValue
	HelpEN, HelpIT string
	ListEN, ListIT []string
}

// Header is the field's canonical header in lang: the one crosscheck's
// input templates write. A field with no header of its own has its name
// in words in English and its first synonym in Italian.
func (fl Field) Header(lang string) string {
	if lang == msg.IT {
		if fl.HeaderIT != "" {
			return fl.HeaderIT
		}
		if len(fl.Synonyms) > 0 {
			return capitalise(fl.Synonyms[0])
		}
	}
	if fl.HeaderEN != "" {
		return fl.HeaderEN
	}
	return capitalise(strings.ReplaceAll(fl.Name, "_", " "))
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// FormFields lists the fields of kind's input template, in the order of
// its columns, each with its header and Form.
func FormFields(kind ledger.Kind) []Field {
	var out []Field
	for _, fl := range Fields(kind) {
		if fl.Form != nil {
			out = append(out, fl)
		}
	}
	return out
}

// Form kinds shared by many fields.
var (
	formDate = &Form{Value: FormDate, HelpEN: "A date: dd/mm/yyyy or yyyy-mm-dd.", HelpIT: "Una data: gg/mm/aaaa o aaaa-mm-gg."}
	// formCurrencies offers the usual currencies; any other code or
	// ticker is accepted as typed.
	formCurrencies = &Form{Value: FormList, HelpEN: "ISO code or crypto ticker; empty means EUR.", HelpIT: "Codice ISO o ticker cripto; vuoto significa EUR.",
		ListEN: currencyList, ListIT: currencyList}
	currencyList = []string{"EUR", "USD", "GBP", "CHF", "BTC", "ETH", "USDT", "USDC", "LTC", "XMR", "TRX"}
)

func text(helpEN, helpIT string) *Form { return &Form{HelpEN: helpEN, HelpIT: helpIT} }

func decimalForm(helpEN, helpIT string) *Form {
	return &Form{Value: FormDecimal, HelpEN: helpEN, HelpIT: helpIT}
}

// forms gives each kind's template columns: the field, its headers when
// they are not the default ones (see Field.Header), and its form. The
// order is the fields' order.
var forms = map[ledger.Kind][]struct {
	field  string
	en, it string
	form   *Form
}{
	ledger.KindSuspects: {
		{"id", "Suspect id", "", text("Optional: defaults to the tax code.", "Facoltativo: se vuoto vale il codice fiscale.")},
		{"tax_code", "", "", formTaxCode},
		{"surname", "", "", formSurname},
		{"name", "", "", formGivenName},
		{"birth_date", "", "", formDate},
		{"birth_place", "", "", formBirthPlace},
		{"country", "", "", text("ISO 3166 code (IT) or country name.", "Codice ISO 3166 (IT) o nome del paese.")},
		{"role", "", "", text("source, platform, reseller, ...", "sorgente, piattaforma, rivenditore, ...")},
		{"upline", "", "", text("Id of the suspect above in the pyramid.", "Id dell'indagato di livello superiore.")},
		{"iban", "IBAN", "IBAN", text("One or more IBANs separated by ';'.", "Uno o più IBAN separati da ';'.")},
		{"wallet", "", "", text("Crypto addresses separated by ';'.", "Indirizzi cripto separati da ';'.")},
		{"email", "", "Email", text("E-mail addresses separated by ';'.", "Indirizzi e-mail separati da ';'.")},
		{"phone", "", "", text("Phone numbers separated by ';'.", "Numeri di telefono separati da ';'.")},
		{"telegram", "", "Telegram", text("Telegram usernames separated by ';'.", "Utenti Telegram separati da ';'.")},
		{"card", "", "", text("Card numbers separated by ';'.", "Numeri di carta separati da ';'.")},
	},
	ledger.KindIdentifiers: {
		{"suspect", "", "", text("Suspect id or tax code.", "Id o codice fiscale dell'indagato.")},
		{"kind", "", "", &Form{Value: FormList, HelpEN: "Kind of identifier.", HelpIT: "Tipo di identificativo.", ListEN: identKindList(msg.EN), ListIT: identKindList(msg.IT)}},
		{"value", "", "", text("The IBAN, address, number... as known.", "L'IBAN, l'indirizzo, il numero... come noto.")},
	},
	ledger.KindPayments: {
		{"date", "", "", formDate},
		{"amount", "", "", decimalForm("Signed amount: negative for a refund.", "Importo con segno: negativo per un rimborso.")},
		{"currency", "", "", formCurrencies},
		{"payer", "", "", text("Who paid: name or identifier.", "Chi ha pagato: nome o identificativo.")},
		{"payer_account", "", "IBAN ordinante", text("IBAN, card or address the money came from.", "IBAN, carta o indirizzo di provenienza.")},
		{"payee", "", "", text("Who received the money.", "Chi ha ricevuto il denaro.")},
		{"payee_account", "", "IBAN beneficiario", text("IBAN, card or address the money went to.", "IBAN, carta o indirizzo di destinazione.")},
		{"reference", "", "", text("Unique id of the payment (CRO, TRN, tx hash).", "Identificativo univoco (CRO, TRN, hash).")},
		{"description", "", "", text("Payment description.", "Causale del pagamento.")},
		{"channel", "", "", text("Bank transfer, PayPal, prepaid card, crypto...", "Bonifico, PayPal, carta prepagata, cripto...")},
		{"suspect", "", "", text("Optional: the suspect this payment belongs to.", "Facoltativo: l'indagato a cui attribuire il pagamento.")},
	},
	ledger.KindAssets: {
		{"id", "", "", text("Exhibit or record number.", "Numero di reperto o di verbale.")},
		{"owner", "", "", text("Suspect id or tax code.", "Id o codice fiscale dell'indagato.")},
		{"type", "", "", &Form{Value: FormList, HelpEN: "Asset type.", HelpIT: "Tipo di bene.", ListEN: assetTypeList(msg.EN), ListIT: assetTypeList(msg.IT)}},
		{"description", "", "", text("What was seized.", "Cosa è stato sequestrato.")},
		{"value", "", "", decimalForm("Value in the currency column.", "Valore nella valuta indicata.")},
		{"quantity", "", "Quantità", decimalForm("Units, for crypto and securities.", "Unità, per cripto e titoli.")},
		{"currency", "", "", formCurrencies},
		{"seizure_date", "", "", formDate},
		{"country", "", "", text("Where the asset was seized.", "Dove è stato sequestrato.")},
		{"measure", "", "", text("sequestro preventivo, confisca, ...", "sequestro preventivo, confisca, ...")},
		{"share", "", "", decimalForm("Ownership share: 50% or 0.5; empty means 100%.", "Quota di possesso: 50% o 0,5; vuoto significa 100%.")},
		{"status", "", "", &Form{Value: FormList, HelpEN: "Released items are listed, not counted.", HelpIT: "I beni dissequestrati sono elencati ma non conteggiati.",
			ListEN: []string{"seized", "confiscated", "released"}, ListIT: []string{"sequestrato", "confiscato", "dissequestrato"}}},
	},
	ledger.KindBenefits: {
		{"application", "", "", formApplication},
		{"tax_code", "", "", formTaxCode},
		{"surname", "", "", formSurname},
		{"name", "", "", formGivenName},
		{"birth_date", "", "", formDate},
		{"birth_place", "", "", formBirthPlace},
		{"month", "", "", text("Month paid: yyyy-mm or mm/yyyy.", "Mensilità: aaaa-mm o mm/aaaa.")},
		{"amount", "", "", decimalForm("EUR paid that month.", "EUR erogati nel mese.")},
	},
	ledger.KindHousehold: {
		{"application", "", "", formApplication},
		{"tax_code", "", "", formTaxCode},
		{"surname", "", "", formSurname},
		{"name", "", "", formGivenName},
		{"birth_date", "", "", formDate},
		{"relation", "", "", text("Relation to the applicant.", "Parentela con il richiedente.")},
	},
	ledger.KindRates: {
		{"date", "", "", formDate},
		{"currency", "", "", formCurrencies},
		{"eur_per_unit", "", "Prezzo", decimalForm("EUR for one unit (crypto prices).", "EUR per un'unità (prezzi cripto).")},
		{"units_per_eur", "Units per EUR", "Tasso di cambio", decimalForm("Units for one EUR (ECB quotation).", "Unità di valuta per un euro (quotazione BCE).")},
	},
}

var (
	formTaxCode     = text("Italian codice fiscale (16 characters); empty for foreigners.", "Codice fiscale (16 caratteri); vuoto per gli stranieri.")
	formSurname     = text("Surname as on the ID document.", "Cognome come sul documento.")
	formGivenName   = text("Given name(s).", "Nome o nomi.")
	formBirthPlace  = text("Town of birth.", "Comune di nascita.")
	formApplication = text("Benefit application id: it groups a household.", "Identificativo della domanda: raggruppa un nucleo.")
)

// identKindIT names each identifier kind in Italian with a word the
// identifiers reader takes back (identKindNames).
var identKindIT = map[ledger.IdentKind]string{
	ledger.IdentIBAN: "iban", ledger.IdentWallet: "wallet", ledger.IdentCard: "carta", ledger.IdentPayPal: "paypal",
	ledger.IdentEmail: "email", ledger.IdentPhone: "telefono", ledger.IdentTelegram: "telegram", ledger.IdentAccount: "utente",
}

func identKindList(lang string) []string {
	out := make([]string, len(ledger.IdentKinds))
	for i, k := range ledger.IdentKinds {
		out[i] = string(k)
		if it := identKindIT[k]; lang == msg.IT && it != "" {
			out[i] = it
		}
	}
	return out
}

func assetTypeList(lang string) []string {
	out := make([]string, len(ledger.AssetTypes))
	for i, t := range ledger.AssetTypes {
		out[i] = msg.Label(string(t), lang)
	}
	return out
}

// withForms gives kind's fields their template headers and forms.
func withForms(kind ledger.Kind, fields []Field) []Field {
	for _, fm := range forms[kind] {
		for i := range fields {
			if fields[i].Name == fm.field {
				fields[i].HeaderEN, fields[i].HeaderIT, fields[i].Form = fm.en, fm.it, fm.form
				break
			}
		}
	}
	return fields
}
