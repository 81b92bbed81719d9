package reports

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/msg"
	"github.com/crosscheck/crosscheck/outfile"
	"github.com/xuri/excelize/v2"
)

// colKind is what a template column accepts.
type colKind int

const (
	colText colKind = iota
	colDate
	colDecimal
	colList
)

// templateCol is one column of an input template: its header in English
// and Italian (docs/rules.md#inputs: the field name humanised, and the first
// Italian synonym), what it accepts, a help text and, for lists, the
// values in each language.
type templateCol struct {
	en, it string
	kind   colKind
	helpEN string
	helpIT string
	listEN []string
	listIT []string
}

// templateRows is how far below the header the validations reach.
const templateRows = 10000

var (
	currencyList = []string{"EUR", "USD", "GBP", "CHF", "BTC", "ETH", "USDT", "USDC", "LTC", "XMR", "TRX"}
	statusEN     = []string{"seized", "confiscated", "released"}
	statusIT     = []string{"sequestrato", "confiscato", "dissequestrato"}
)

func assetTypeLists() (en, it []string) {
	for _, t := range ledger.AssetTypes {
		en = append(en, string(t))
		it = append(it, msg.Label(string(t), msg.IT))
	}
	return en, it
}

func identKindList() []string {
	out := make([]string, len(ledger.IdentKinds))
	for i, k := range ledger.IdentKinds {
		out[i] = string(k)
	}
	return out
}

// identKindIT names each identifier kind in Italian with a word the
// identifiers reader takes back (ingest's kind names).
var identKindIT = map[ledger.IdentKind]string{
	ledger.IdentIBAN: "iban", ledger.IdentWallet: "wallet", ledger.IdentCard: "carta", ledger.IdentPayPal: "paypal",
	ledger.IdentEmail: "email", ledger.IdentPhone: "telefono", ledger.IdentTelegram: "telegram", ledger.IdentAccount: "utente",
}

func identKindListIT() []string {
	out := make([]string, len(ledger.IdentKinds))
	for i, k := range ledger.IdentKinds {
		out[i] = identKindIT[k]
		if out[i] == "" {
			out[i] = string(k)
		}
	}
	return out
}

// templateFileIT is each template's file name in Italian, as an Italian
// office names these lists.
var templateFileIT = map[ledger.Kind]string{
	ledger.KindSuspects: "indagati", ledger.KindIdentifiers: "identificativi", ledger.KindPayments: "pagamenti",
	ledger.KindAssets: "sequestri", ledger.KindBenefits: "prestazioni", ledger.KindHousehold: "nuclei", ledger.KindRates: "cambi",
}

// TemplateFileName is the file name of kind's input template in lang.
func TemplateFileName(kind ledger.Kind, lang string) string {
	if name := templateFileIT[kind]; lang == "it" && name != "" {
		return name + ".xlsx"
	}
	return string(kind) + ".xlsx"
}

func text(en, it, helpEN, helpIT string) templateCol {
	return templateCol{en: en, it: it, helpEN: helpEN, helpIT: helpIT}
}

func dateCol(en, it string) templateCol {
	return templateCol{en: en, it: it, kind: colDate, helpEN: "A date: dd/mm/yyyy or yyyy-mm-dd.", helpIT: "Una data: gg/mm/aaaa o aaaa-mm-gg."}
}

func decimalCol(en, it, helpEN, helpIT string) templateCol {
	return templateCol{en: en, it: it, kind: colDecimal, helpEN: helpEN, helpIT: helpIT}
}

func listCol(en, it, helpEN, helpIT string, listEN, listIT []string) templateCol {
	return templateCol{en: en, it: it, kind: colList, helpEN: helpEN, helpIT: helpIT, listEN: listEN, listIT: listIT}
}

var (
	colTaxCode   = text("Tax code", "Codice fiscale", "Italian codice fiscale (16 characters); empty for foreigners.", "Codice fiscale (16 caratteri); vuoto per gli stranieri.")
	colSurname   = text("Surname", "Cognome", "Surname as on the ID document.", "Cognome come sul documento.")
	colGivenName = text("Name", "Nome", "Given name(s).", "Nome o nomi.")
	colBirthDate = dateCol("Birth date", "Data di nascita")
	colBirthPl   = text("Birth place", "Luogo di nascita", "Town of birth.", "Comune di nascita.")
	colCurrency  = listCol("Currency", "Valuta", "ISO code or crypto ticker; empty means EUR.", "Codice ISO o ticker cripto; vuoto significa EUR.", currencyList, currencyList)
	colApp       = text("Application", "Id domanda", "Benefit application id: it groups a household.", "Identificativo della domanda: raggruppa un nucleo.")
)

// templateKinds lists each input kind's template columns.
func templateKinds() []struct {
	kind ledger.Kind
	cols []templateCol
} {
	typeEN, typeIT := assetTypeLists()
	kinds := identKindList()
	return []struct {
		kind ledger.Kind
		cols []templateCol
	}{
		{ledger.KindSuspects, []templateCol{
			text("Suspect id", "Id indagato", "Optional: defaults to the tax code.", "Facoltativo: se vuoto vale il codice fiscale."),
			colTaxCode, colSurname, colGivenName, colBirthDate, colBirthPl,
			text("Country", "Paese", "ISO 3166 code (IT) or country name.", "Codice ISO 3166 (IT) o nome del paese."),
			text("Role", "Ruolo", "source, platform, reseller, ...", "sorgente, piattaforma, rivenditore, ..."),
			text("Upline", "Referente", "Id of the suspect above in the pyramid.", "Id dell'indagato di livello superiore."),
			text("IBAN", "IBAN", "One or more IBANs separated by ';'.", "Uno o più IBAN separati da ';'."),
			text("Wallet", "Indirizzo wallet", "Crypto addresses separated by ';'.", "Indirizzi cripto separati da ';'."),
			text("Email", "Email", "E-mail addresses separated by ';'.", "Indirizzi e-mail separati da ';'."),
			text("Phone", "Telefono", "Phone numbers separated by ';'.", "Numeri di telefono separati da ';'."),
			text("Telegram", "Telegram", "Telegram usernames separated by ';'.", "Utenti Telegram separati da ';'."),
			text("Card", "Carta", "Card numbers separated by ';'.", "Numeri di carta separati da ';'."),
		}},
		{ledger.KindIdentifiers, []templateCol{
			text("Suspect", "Indagato", "Suspect id or tax code.", "Id o codice fiscale dell'indagato."),
			listCol("Kind", "Tipo", "Kind of identifier.", "Tipo di identificativo.", kinds, identKindListIT()),
			text("Value", "Valore", "The IBAN, address, number... as known.", "L'IBAN, l'indirizzo, il numero... come noto."),
		}},
		{ledger.KindPayments, []templateCol{
			dateCol("Date", "Data"),
			decimalCol("Amount", "Importo", "Signed amount: negative for a refund.", "Importo con segno: negativo per un rimborso."),
			colCurrency,
			text("Payer", "Ordinante", "Who paid: name or identifier.", "Chi ha pagato: nome o identificativo."),
			text("Payer account", "IBAN ordinante", "IBAN, card or address the money came from.", "IBAN, carta o indirizzo di provenienza."),
			text("Payee", "Beneficiario", "Who received the money.", "Chi ha ricevuto il denaro."),
			text("Payee account", "IBAN beneficiario", "IBAN, card or address the money went to.", "IBAN, carta o indirizzo di destinazione."),
			text("Reference", "Riferimento", "Unique id of the payment (CRO, TRN, tx hash).", "Identificativo univoco (CRO, TRN, hash)."),
			text("Description", "Causale", "Payment description.", "Causale del pagamento."),
			text("Channel", "Canale", "Bank transfer, PayPal, prepaid card, crypto...", "Bonifico, PayPal, carta prepagata, cripto..."),
			text("Suspect", "Indagato", "Optional: the suspect this payment belongs to.", "Facoltativo: l'indagato a cui attribuire il pagamento."),
		}},
		{ledger.KindAssets, []templateCol{
			text("Id", "N reperto", "Exhibit or record number.", "Numero di reperto o di verbale."),
			text("Owner", "Intestatario", "Suspect id or tax code.", "Id o codice fiscale dell'indagato."),
			listCol("Type", "Tipo", "Asset type.", "Tipo di bene.", typeEN, typeIT),
			text("Description", "Descrizione", "What was seized.", "Cosa è stato sequestrato."),
			decimalCol("Value", "Valore", "Value in the currency column.", "Valore nella valuta indicata."),
			decimalCol("Quantity", "Quantità", "Units, for crypto and securities.", "Unità, per cripto e titoli."),
			colCurrency,
			dateCol("Seizure date", "Data sequestro"),
			text("Country", "Paese", "Where the asset was seized.", "Dove è stato sequestrato."),
			text("Measure", "Provvedimento", "sequestro preventivo, confisca, ...", "sequestro preventivo, confisca, ..."),
			decimalCol("Share", "Quota", "Ownership share: 50% or 0.5; empty means 100%.", "Quota di possesso: 50% o 0,5; vuoto significa 100%."),
			listCol("Status", "Stato", "Released items are listed, not counted.", "I beni dissequestrati sono elencati ma non conteggiati.", statusEN, statusIT),
		}},
		{ledger.KindBenefits, []templateCol{
			colApp, colTaxCode, colSurname, colGivenName, colBirthDate, colBirthPl,
			text("Month", "Mese", "Month paid: yyyy-mm or mm/yyyy.", "Mensilità: aaaa-mm o mm/aaaa."),
			decimalCol("Amount", "Importo", "EUR paid that month.", "EUR erogati nel mese."),
		}},
		{ledger.KindHousehold, []templateCol{
			colApp, colTaxCode, colSurname, colGivenName, colBirthDate,
			text("Relation", "Parentela", "Relation to the applicant.", "Parentela con il richiedente."),
		}},
		{ledger.KindRates, []templateCol{
			dateCol("Date", "Data"),
			colCurrency,
			decimalCol("Eur per unit", "Prezzo", "EUR for one unit (crypto prices).", "EUR per un'unità (prezzi cripto)."),
			decimalCol("Units per EUR", "Tasso di cambio", "Units for one EUR (ECB quotation).", "Unità di valuta per un euro (quotazione BCE)."),
		}},
	}
}

// WriteTemplates writes one empty xlsx input template per table kind into
// dir, with headers in Italian (lang "it") or English, dropdown lists,
// date and decimal validation below the header and a help text on each
// header cell. It returns the paths written.
func WriteTemplates(dir, lang string) ([]string, error) {
	it := lang == "it"
	var paths []string
	for _, k := range templateKinds() {
		path := filepath.Join(dir, TemplateFileName(k.kind, lang))
		if err := writeTemplate(path, string(k.kind), k.cols, it); err != nil {
			return paths, err
		}
		paths = append(paths, path)
	}
	return paths, nil
}

func writeTemplate(path, sheet string, cols []templateCol, it bool) error {
	f := excelize.NewFile()
	defer f.Close()
	if it {
		sheet = msg.Label(sheet, msg.IT)
	}
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return fmt.Errorf("template %s: %w", path, err)
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}})
	if err != nil {
		return fmt.Errorf("template %s: %w", path, err)
	}
	dateFmt := dateFmtEN
	if it {
		dateFmt = dateFmtIT
	}
	dateStyle, err := f.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt})
	if err != nil {
		return fmt.Errorf("template %s: %w", path, err)
	}
	for i, c := range cols {
		if err := templateColumn(f, sheet, i+1, c, it, bold, dateStyle); err != nil {
			return fmt.Errorf("template %s column %q: %w", path, c.en, err)
		}
	}
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return fmt.Errorf("template %s: %w", path, err)
	}
	// Templates are empty forms, shared like any document (0644).
	// excelize chooses the content types by the file's extension.
	f.Path = path
	if err := outfile.WriteFile(path, outfile.Public, func(w io.Writer) error {
		_, err := f.WriteTo(w)
		return err
	}); err != nil {
		return fmt.Errorf("save template %s: %w", path, err)
	}
	return nil
}

func templateColumn(f *excelize.File, sheet string, col int, c templateCol, it bool, bold, dateStyle int) error {
	name := colName(col)
	header, help, list := c.en, c.helpEN, c.listEN
	if it {
		header, help, list = c.it, c.helpIT, c.listIT
	}
	cell := name + "1"
	if err := f.SetCellStr(sheet, cell, header); err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, cell, cell, bold); err != nil {
		return err
	}
	if err := f.SetColWidth(sheet, name, name, float64(min(max(len([]rune(header))+4, 14), 40))); err != nil {
		return err
	}
	// The help text shows when the header cell is selected.
	hv := excelize.NewDataValidation(true)
	hv.Sqref = cell
	hv.SetInput(truncate(header, 32), truncate(help, 255))
	if err := f.AddDataValidation(sheet, hv); err != nil {
		return err
	}
	body := fmt.Sprintf("%s2:%s%d", name, name, templateRows+1)
	dv := excelize.NewDataValidation(true)
	dv.Sqref = body
	switch c.kind {
	case colDate:
		// Serial 1 is 1900-01-01, 2958465 is 9999-12-31.
		if err := dv.SetRange(1, 2958465, excelize.DataValidationTypeDate, excelize.DataValidationOperatorBetween); err != nil {
			return err
		}
		if err := f.SetColStyle(sheet, name, dateStyle); err != nil {
			return err
		}
	case colDecimal:
		if err := dv.SetRange(-1e15, 1e15, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween); err != nil {
			return err
		}
	case colList:
		if err := dv.SetDropList(list); err != nil {
			return err
		}
	default:
		return nil
	}
	dv.SetInput(truncate(header, 32), truncate(help, 255))
	if it {
		dv.SetError(excelize.DataValidationErrorStyleStop, "Valore non valido", help)
	} else {
		dv.SetError(excelize.DataValidationErrorStyleStop, "Invalid value", help)
	}
	return f.AddDataValidation(sheet, dv)
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n]))
}
