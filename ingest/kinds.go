package ingest

import (
	"strings"

	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/msg"
	"github.com/shopspring/decimal"
)

// currencyCache remembers the code of the few distinct currency cells a
// table has, so the hot path does not normalise every cell.
type currencyCache map[string]string

// lookup returns the code of a currency cell, "" when it is unknown.
func (c currencyCache) lookup(s string) string {
	if code, ok := c[s]; ok {
		return code
	}
	cur, ok := ledger.LookupCurrency(s)
	code := ""
	if ok {
		code = cur.Code
	}
	if len(c) < 256 {
		c[s] = code
	}
	return code
}

func (t *table) ref(row int) ledger.Ref {
	return ledger.Ref{Path: t.src.Path, Sheet: t.src.Sheet, Row: row}
}

// amount reads an optional amount of money in the column's notation.
func (t *table) amount(rec []string, col int) (d decimal.Decimal, cur string, ok bool, p *problem) {
	return t.number(rec, col, maxMoneyDigits)
}

// quantity reads an optional quantity or rate, which may be larger than
// any amount of money (a token's units, a currency's units per euro).
func (t *table) quantity(rec []string, col int) (d decimal.Decimal, cur string, ok bool, p *problem) {
	return t.number(rec, col, maxQuantityDigits)
}

func (t *table) number(rec []string, col int, maxDigits int) (d decimal.Decimal, cur string, ok bool, p *problem) {
	s := cell(rec, col)
	if s == "" {
		return decimal.Zero, "", false, nil
	}
	if t.amounts == nil {
		t.amounts = new(decimalCache)
	}
	d, cur, err := parseAmountLimited(s, t.notationAt(col), t.amounts, maxDigits)
	if err != nil {
		return decimal.Zero, "", false, rejectErr(col, s, err)
	}
	return d, cur, true, nil
}

func upperNoSpace(s string) string {
	return strings.ToUpper(strings.Join(strings.Fields(s), ""))
}

// parseSex reads M/F in Italian or English.
func parseSex(s string) (string, bool) {
	switch normKey(s) {
	case "":
		return "", true
	case "m", "maschio", "male", "uomo", "maschile":
		return "M", true
	case "f", "femmina", "female", "donna", "femminile":
		return "F", true
	}
	return "", false
}

// splitValues splits a cell holding several identifiers.
func splitValues(s string) []string {
	var out []string
	for _, v := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == ',' || r == '\n' || r == '\r' }) {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// paymentsRow types payment rows into one reused Payment.
func paymentsRow(emit func(*ledger.Payment) error) func(*table) rowFunc {
	return func(t *table) rowFunc {
		var (
			date, amount, credit, debit = t.col("date"), t.col("amount"), t.col("credit"), t.col("debit")
			sign, currency              = t.col("sign"), t.col("currency")
			payer, payerAcc             = t.col("payer"), t.col("payer_account")
			payee, payeeAcc             = t.col("payee"), t.col("payee_account")
			reference, description      = t.col("reference"), t.col("description")
			channel, suspect            = t.col("channel"), t.col("suspect")
			p                           ledger.Payment
			cache                       = currencyCache{}
		)
		return func(rec []string, row int) (*problem, error) {
			p = ledger.Payment{Ref: t.ref(row), FileSuspect: t.src.Suspect}
			if label := totalsRow(rec, date, amount, credit, debit); label != "" {
				// Its figures as far as they read, for the record.
				var cur string
				t.paymentAmount(&p, rec, amount, credit, debit, sign, &cur)
				p.Date, _ = t.date(rec, date)
				p.Currency = firstNonEmpty(cache.lookup(cell(rec, currency)), cur, "EUR")
				p.Description, p.Reference = cell(rec, description), cell(rec, reference)
				p.Direction, p.DirReason = ledger.DirNotPayment, totalsReason(label)
				return nil, emit(&p)
			}
			if cell(rec, date) == "" {
				return rejectMsg(date, "", msg.MissingDate), nil
			}
			d, prob := t.date(rec, date)
			if prob != nil {
				return prob, nil
			}
			p.Date = d
			var cellCur string
			if prob := t.paymentAmount(&p, rec, amount, credit, debit, sign, &cellCur); prob != nil {
				return prob, nil
			}
			switch c := cell(rec, currency); {
			case c != "":
				if p.Currency = cache.lookup(c); p.Currency == "" {
					return rejectMsg(currency, c, msg.UnknownCurrency), nil
				}
			case cellCur != "":
				p.Currency = cellCur
			case t.notEUR != "":
				col := amount
				if cell(rec, col) == "" {
					col = credit
				}
				if cell(rec, col) == "" {
					col = debit
				}
				return rejectMsg(col, cell(rec, col), msg.NotReadAsEUR, msg.Text(t.notEUR)), nil
			default:
				p.Currency = "EUR"
			}
			p.Payer, p.PayerAccount = cell(rec, payer), cell(rec, payerAcc)
			p.Payee, p.PayeeAccount = cell(rec, payee), cell(rec, payeeAcc)
			p.Reference, p.Description = cell(rec, reference), cell(rec, description)
			p.Channel, p.Suspect = cell(rec, channel), cell(rec, suspect)
			if p.Payer == "" && p.PayerAccount == "" && t.src.Suspect != "" && p.Direction == ledger.DirIncoming && p.Description != "" {
				// A statement of the suspect's own account names the payer
				// only in the description ("BONIFICO SEPA DA ...").
				p.Payer = PayerFromDescription(p.Description)
			}
			return nil, emit(&p)
		}
	}
}

// Reasons of the directions decided from a generic table's columns.
const (
	reasonSignDebit   = "the D/A column says debit"
	reasonDebitColumn = "amount in the debit column"
	reasonOwnNegative = "negative amount in the suspect's own statement: money out"
	reasonNegative    = "negative amount in a list of payments received: refund"
)

// paymentAmount fills Amount and Direction from a signed amount (with an
// optional D/A column) or from the credit and debit columns.
func (t *table) paymentAmount(p *ledger.Payment, rec []string, amount, credit, debit, sign int, cellCur *string) *problem {
	if cell(rec, amount) != "" {
		v, cur, _, prob := t.amount(rec, amount)
		if prob != nil {
			return prob
		}
		*cellCur = cur
		p.Amount = v
		if s := cell(rec, sign); s != "" {
			isDebit, ok := parseDirection(s)
			if !ok {
				return rejectMsg(sign, s, msg.UnknownDirection)
			}
			p.Amount = v.Abs()
			if isDebit {
				p.Direction, p.DirReason = ledger.DirOutgoing, reasonSignDebit
			}
			return nil
		}
		if v.IsNegative() {
			// In a statement of the suspect's own account (the case
			// file names its suspect) money out is negative; in a list
			// of payments received a negative row takes one back.
			if t.src.Suspect != "" {
				p.Amount, p.Direction, p.DirReason = v.Abs(), ledger.DirOutgoing, reasonOwnNegative
			} else {
				p.Direction, p.DirReason = ledger.DirRefund, reasonNegative
			}
		}
		return nil
	}
	cr, crCur, hasCr, prob := t.amount(rec, credit)
	if prob != nil {
		return prob
	}
	db, dbCur, hasDb, prob := t.amount(rec, debit)
	if prob != nil {
		return prob
	}
	if hasCr && hasDb && !cr.IsZero() && !db.IsZero() {
		return rejectMsg(credit, cell(rec, credit), msg.CreditAndDebit)
	}
	switch {
	case hasCr && (!hasDb || !cr.IsZero()):
		p.Amount, *cellCur = cr.Abs(), crCur
	case hasDb:
		p.Amount, *cellCur = db.Abs(), dbCur
		p.Direction, p.DirReason = ledger.DirOutgoing, reasonDebitColumn
	default:
		col := amount
		if col < 0 {
			col = credit
		}
		return rejectMsg(col, "", msg.MissingAmount)
	}
	return nil
}

func parseDirection(s string) (debit, ok bool) {
	switch normKey(s) {
	case "d", "dare", "debit", "dr", "addebito", "uscita", "out":
		return true, true
	case "a", "avere", "credit", "cr", "accredito", "entrata", "in":
		return false, true
	}
	switch strings.TrimSpace(s) {
	case "-":
		return true, true
	case "+":
		return false, true
	}
	return false, false
}

var identColumns = []struct {
	field string
	kind  ledger.IdentKind
}{
	{"iban", ledger.IdentIBAN}, {"wallet", ledger.IdentWallet}, {"email", ledger.IdentEmail},
	{"phone", ledger.IdentPhone}, {"telegram", ledger.IdentTelegram}, {"card", ledger.IdentCard},
	{"paypal", ledger.IdentPayPal},
}

func suspectsRow(emit func(ledger.Suspect) error) func(*table) rowFunc {
	return func(t *table) rowFunc {
		id, tax := t.col("id"), t.col("tax_code")
		return func(rec []string, row int) (*problem, error) {
			s := ledger.Suspect{
				ID: cell(rec, id), TaxCode: upperNoSpace(cell(rec, tax)),
				Surname: cell(rec, t.col("surname")), Name: cell(rec, t.col("name")),
				BirthPlace: cell(rec, t.col("birth_place")), Country: cell(rec, t.col("country")),
				Role: cell(rec, t.col("role")), Upline: cell(rec, t.col("upline")), Ref: t.ref(row),
			}
			if s.ID == "" {
				s.ID = s.TaxCode
			}
			if s.ID == "" && s.Surname != "" && s.Name != "" {
				s.ID = strings.ToUpper(s.Surname + " " + s.Name)
			}
			if s.ID == "" {
				return rejectMsg(-1, "", msg.SuspectUnnamed), nil
			}
			var prob *problem
			if s.BirthDate, prob = t.date(rec, t.col("birth_date")); prob != nil {
				return prob, nil
			}
			sex, ok := parseSex(cell(rec, t.col("sex")))
			if !ok {
				return rejectMsg(t.col("sex"), cell(rec, t.col("sex")), msg.SexNotMF), nil
			}
			s.Sex = sex
			for _, ic := range identColumns {
				for _, v := range splitValues(cell(rec, t.col(ic.field))) {
					s.Identifiers = append(s.Identifiers, ledger.Identifier{Suspect: s.ID, Kind: ic.kind, Value: v, Ref: s.Ref})
				}
			}
			return nil, emit(s)
		}
	}
}

var identKindNames = map[string]ledger.IdentKind{
	"iban": ledger.IdentIBAN, "conto": ledger.IdentIBAN, "contocorrente": ledger.IdentIBAN,
	"wallet": ledger.IdentWallet, "indirizzowallet": ledger.IdentWallet, "crypto": ledger.IdentWallet, "address": ledger.IdentWallet, "indirizzo": ledger.IdentWallet,
	"card": ledger.IdentCard, "carta": ledger.IdentCard, "cartaprepagata": ledger.IdentCard, "postepay": ledger.IdentCard, "numerocarta": ledger.IdentCard,
	"paypal": ledger.IdentPayPal,
	"email":  ledger.IdentEmail, "mail": ledger.IdentEmail, "posta": ledger.IdentEmail, "postaelettronica": ledger.IdentEmail,
	"phone": ledger.IdentPhone, "telefono": ledger.IdentPhone, "cellulare": ledger.IdentPhone, "tel": ledger.IdentPhone,
	"telegram": ledger.IdentTelegram,
	"account":  ledger.IdentAccount, "utente": ledger.IdentAccount, "username": ledger.IdentAccount,
}

func identifiersRow(emit func(ledger.Identifier) error) func(*table) rowFunc {
	return func(t *table) rowFunc {
		sus, kind, value := t.col("suspect"), t.col("kind"), t.col("value")
		return func(rec []string, row int) (*problem, error) {
			s := cell(rec, sus)
			if s == "" {
				return rejectMsg(sus, "", msg.MissingSuspect), nil
			}
			k, ok := identKindNames[normKey(cell(rec, kind))]
			if !ok {
				return rejectMsg(kind, cell(rec, kind), msg.UnknownIdentKind), nil
			}
			values := splitValues(cell(rec, value))
			if len(values) == 0 {
				return rejectMsg(value, "", msg.MissingValue), nil
			}
			for _, v := range values {
				if err := emit(ledger.Identifier{Suspect: s, Kind: k, Value: v, Ref: t.ref(row)}); err != nil {
					return nil, err
				}
			}
			return nil, nil
		}
	}
}

var assetTypeNames = func() map[string]ledger.AssetType {
	m := map[string]ledger.AssetType{}
	for typ, names := range map[ledger.AssetType][]string{
		ledger.AssetBankAccount:     {"conto corrente", "conto", "conti correnti", "conto bancario", "rapporto bancario", "deposito", "iban", "carta prepagata", "bank account"},
		ledger.AssetCrypto:          {"criptovalute", "criptovaluta", "cripto", "wallet", "cryptocurrency", "bitcoin", "crypto wallet"},
		ledger.AssetCash:            {"contanti", "denaro contante", "denaro", "cash"},
		ledger.AssetRealEstate:      {"immobile", "immobili", "fabbricato", "terreno", "appartamento", "villa", "real estate"},
		ledger.AssetVehicle:         {"veicolo", "veicoli", "auto", "autovettura", "automobile", "moto", "motociclo", "imbarcazione"},
		ledger.AssetCompany:         {"quote societarie", "quota societaria", "azienda", "societa", "partecipazione societaria", "company"},
		ledger.AssetSecurities:      {"titoli", "azioni", "obbligazioni", "strumenti finanziari"},
		ledger.AssetValuables:       {"preziosi", "orologi", "orologio", "gioielli", "oro", "opere d arte"},
		ledger.AssetServer:          {"server", "server informatico", "server informatici"},
		ledger.AssetDomain:          {"dominio", "domini", "sito", "siti", "sito web", "website", "domain"},
		ledger.AssetPlatform:        {"piattaforma", "piattaforme", "piattaforma iptv", "platform"},
		ledger.AssetTelegramChannel: {"canale telegram", "canali telegram", "telegram", "telegram channel"},
		ledger.AssetSmartCard:       {"smart card", "smartcard", "smart cards", "scheda"},
		ledger.AssetOther:           {"altro", "altri", "other"},
	} {
		m[normKey(string(typ))] = typ
		for _, n := range names {
			m[normKey(n)] = typ
		}
	}
	return m
}()

var assetStatusNames = map[string]ledger.AssetStatus{
	"": ledger.StatusSeized, "seized": ledger.StatusSeized, "sequestrato": ledger.StatusSeized, "sequestrata": ledger.StatusSeized,
	"sequestrati": ledger.StatusSeized, "sequestro": ledger.StatusSeized, "sottosequestro": ledger.StatusSeized, "frozen": ledger.StatusSeized,
	"confiscated": ledger.StatusConfiscated, "confiscato": ledger.StatusConfiscated, "confiscata": ledger.StatusConfiscated, "confisca": ledger.StatusConfiscated,
	"released": ledger.StatusReleased, "dissequestrato": ledger.StatusReleased, "dissequestrata": ledger.StatusReleased, "dissequestro": ledger.StatusReleased,
	"restituito": ledger.StatusReleased, "restituita": ledger.StatusReleased,
}

func assetsRow(emit func(ledger.Asset) error) func(*table) rowFunc {
	return func(t *table) rowFunc {
		typeCol, valueCol, qtyCol, curCol := t.col("type"), t.col("value"), t.col("quantity"), t.col("currency")
		cache := currencyCache{}
		return func(rec []string, row int) (*problem, error) {
			a := ledger.Asset{
				Ref: t.ref(row), ID: cell(rec, t.col("id")), Owner: cell(rec, t.col("owner")),
				Description: cell(rec, t.col("description")), Country: cell(rec, t.col("country")),
				Measure: cell(rec, t.col("measure")), Share: decimal.NewFromInt(1),
			}
			var prob *problem
			var valCur, qtyCur string
			if a.Value, valCur, a.HasValue, prob = t.amount(rec, valueCol); prob != nil {
				return prob, nil
			}
			if a.Quantity, qtyCur, a.HasQuantity, prob = t.quantity(rec, qtyCol); prob != nil {
				return prob, nil
			}
			switch c := cell(rec, curCol); {
			case c != "":
				if a.Currency = cache.lookup(c); a.Currency == "" {
					return rejectMsg(curCol, c, msg.UnknownCurrency), nil
				}
			case qtyCur != "":
				a.Currency = qtyCur
			case valCur != "":
				a.Currency = valCur
			}
			typ := cell(rec, typeCol)
			switch {
			case typ != "":
				var ok bool
				if a.Type, ok = assetTypeNames[normKey(typ)]; !ok {
					return rejectMsg(typeCol, typ, msg.UnknownAssetType), nil
				}
			case typeCol >= 0:
				return rejectMsg(typeCol, "", msg.MissingAssetType), nil
			case ledger.IsCrypto(a.Currency):
				a.Type = ledger.AssetCrypto
			default:
				a.Type = ledger.AssetCash // a table of sums without a type column
			}
			if a.SeizureDate, prob = t.date(rec, t.col("seizure_date")); prob != nil {
				return prob, nil
			}
			if s := cell(rec, t.col("share")); s != "" {
				share, err := parseShare(s)
				if err != nil {
					return rejectErr(t.col("share"), s, err), nil
				}
				a.Share = share
			}
			st := cell(rec, t.col("status"))
			status, ok := assetStatusNames[normKey(st)]
			if !ok {
				return rejectMsg(t.col("status"), st, msg.UnknownStatus), nil
			}
			a.Status = status
			return nil, emit(a)
		}
	}
}

func benefitsRow(fileProgramme ledger.Programme, emit func(ledger.BenefitRow) error) func(*table) rowFunc {
	return func(t *table) rowFunc {
		month, from, to := t.col("month"), t.col("from"), t.col("to")
		amount, monthly, programme := t.col("amount"), t.col("monthly_amount"), t.col("programme")
		return func(rec []string, row int) (*problem, error) {
			b := ledger.BenefitRow{
				Ref: t.ref(row), Application: cell(rec, t.col("application")),
				TaxCode: upperNoSpace(cell(rec, t.col("tax_code"))),
				Surname: cell(rec, t.col("surname")), Name: cell(rec, t.col("name")),
				BirthPlace: cell(rec, t.col("birth_place")), Programme: fileProgramme,
			}
			// The row's own programme column wins over the file's setting.
			if v := cell(rec, programme); v != "" {
				p, ok := ledger.ParseProgramme(v)
				if !ok {
					return rejectMsg(programme, v, msg.UnknownProgramme, msg.Text(ledger.ProgrammeNames)), nil
				}
				b.Programme = p
			}
			var prob *problem
			if b.BirthDate, prob = t.date(rec, t.col("birth_date")); prob != nil {
				return prob, nil
			}
			if b.TaxCode == "" && (b.Surname == "" || b.Name == "" || b.BirthDate.IsZero()) {
				return rejectMsg(t.col("tax_code"), "", msg.RecipientUnnamed), nil
			}
			if m := cell(rec, month); m != "" {
				d, err := parseMonth(m, t.date1904)
				if err != nil {
					return rejectErr(month, m, err), nil
				}
				b.From, b.To = d, d
			} else {
				f, tt := cell(rec, from), cell(rec, to)
				if f == "" || tt == "" {
					return rejectMsg(month, "", msg.MissingMonth), nil
				}
				var err error
				if b.From, err = parseMonth(f, t.date1904); err != nil {
					return rejectErr(from, f, err), nil
				}
				if b.To, err = parseMonth(tt, t.date1904); err != nil {
					return rejectErr(to, tt, err), nil
				}
				if b.To.Before(b.From) {
					return rejectMsg(to, tt, msg.PeriodBackwards), nil
				}
			}
			col := monthly
			if cell(rec, monthly) == "" {
				col = amount
			}
			v, _, ok, prob := t.amount(rec, col)
			if prob != nil {
				return prob, nil
			}
			if !ok {
				return rejectMsg(col, "", msg.MissingAmount), nil
			}
			if v.IsNegative() {
				return rejectMsg(col, cell(rec, col), msg.NegativeBenefit), nil
			}
			b.MonthlyAmount = v
			return nil, emit(b)
		}
	}
}

func householdRow(emit func(ledger.HouseholdMember) error) func(*table) rowFunc {
	return func(t *table) rowFunc {
		return func(rec []string, row int) (*problem, error) {
			h := ledger.HouseholdMember{
				Ref: t.ref(row), Application: cell(rec, t.col("application")),
				TaxCode: upperNoSpace(cell(rec, t.col("tax_code"))),
				Surname: cell(rec, t.col("surname")), Name: cell(rec, t.col("name")),
				Relation: cell(rec, t.col("relation")),
			}
			if h.Application == "" {
				return rejectMsg(t.col("application"), "", msg.MissingApplication), nil
			}
			if h.TaxCode == "" && (h.Surname == "" || h.Name == "") {
				return rejectMsg(t.col("tax_code"), "", msg.MemberUnnamed), nil
			}
			var prob *problem
			if h.BirthDate, prob = t.date(rec, t.col("birth_date")); prob != nil {
				return prob, nil
			}
			return nil, emit(h)
		}
	}
}
