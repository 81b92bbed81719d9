package ingest

import (
	"strings"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/msg"
)

// Field is one column a table kind understands.
type Field struct {
	Name     string
	Synonyms []string // header texts, most specific first
	Required bool
	Doc      string
	// HeaderEN and HeaderIT are the field's header in crosscheck's input
	// templates when not the default one (see Header).
	HeaderEN, HeaderIT string
	// Form is how the field is offered in the input template; nil leaves
	// it out of the template.
	Form *Form
}

func f(name, doc string, syn ...string) Field { return Field{Name: name, Synonyms: syn, Doc: doc} }

func req(fl Field) Field { fl.Required = true; return fl }

var personFields = []Field{
	f("surname", "surname", "cognome", "last name", "family name"),
	f("name", "first name", "nome", "first name", "given name", "nome di battesimo"),
	f("birth_date", "date of birth", "data di nascita", "data nascita", "date of birth", "dob", "nato il", "birth date"),
	f("birth_place", "place of birth", "luogo di nascita", "comune di nascita", "place of birth", "luogo nascita", "comune nascita", "birth place"),
	f("sex", "M or F", "sesso", "sex", "gender", "genere"),
}

var applicationField = f("application", "benefit application id, groups a household", "id domanda", "protocollo", "protocollo domanda", "numero protocollo", "numero domanda", "nucleo", "id nucleo", "domanda", "n domanda", "codice domanda", "application id")

var kindFields = map[ledger.Kind][]Field{
	ledger.KindSuspects: append([]Field{
		f("id", "suspect id; defaults to the tax code", "id indagato", "codice", "suspect id", "codice indagato"),
		f("tax_code", "Italian codice fiscale", "codice fiscale", "cf", "cod fiscale", "tax code", "fiscal code", "codicefiscale"),
	}, append(append([]Field{}, personFields...),
		f("country", "ISO 3166 alpha-2 or name", "paese", "nazione", "stato", "nazionalita"),
		f("role", "source, platform, reseller...", "ruolo"),
		f("upline", "id of the suspect above in the pyramid", "referente", "responsabile", "upline"),
		f("iban", "IBANs, several per cell", "conto", "conti", "conto corrente", "iban conto"),
		f("wallet", "crypto wallets, several per cell", "indirizzo wallet", "wallets", "indirizzi wallet", "crypto wallet", "wallet address"),
		f("email", "e-mail addresses", "e mail", "mail", "posta elettronica", "indirizzo email"),
		f("phone", "phone numbers", "telefono", "cellulare", "tel", "numero di telefono", "phone number", "mobile"),
		f("telegram", "Telegram accounts", "account telegram", "utente telegram", "username telegram"),
		f("card", "card numbers", "carta", "numero carta", "carte", "card number", "carta prepagata"),
		f("paypal", "PayPal accounts", "account paypal"),
	)...),
	ledger.KindIdentifiers: {
		req(f("suspect", "suspect id or tax code", "indagato", "id indagato", "suspect id", "codice indagato", "codice fiscale", "cf")),
		req(f("kind", "iban, wallet, card, paypal, email, phone, telegram, account", "tipo", "tipologia", "type", "tipo identificativo")),
		req(f("value", "the identifier", "valore", "identificativo", "identifier", "numero")),
	},
	ledger.KindPayments: {
		req(f("date", "day of the payment", "data", "data operazione", "data contabile", "timestamp", "data transazione", "data pagamento", "data ora", "datetime", "date time", "time", "data valuta")),
		f("amount", "signed amount: negative is a refund", "importo", "valore", "amount", "quantita", "quantity", "qty", "importo eur", "lordo", "gross", "controvalore"),
		f("credit", "credit column of a bank statement", "accrediti", "accredito", "entrate", "entrata", "avere", "credito", "credits"),
		f("debit", "debit column of a bank statement (not income)", "addebiti", "addebito", "uscite", "uscita", "dare", "debito", "debits"),
		f("sign", "D/A or Dare/Avere column giving the direction of the amount", "dare avere", "segno", "d a", "dr cr", "direction"),
		f("currency", "currency code, symbol or crypto ticker (EUR when absent)", "valuta", "divisa", "asset", "coin", "moneta", "ccy", "token"),
		f("payer", "who paid", "ordinante", "mittente", "pagatore", "from", "nome ordinante", "sender"),
		f("payer_account", "payer's IBAN or address", "payer account", "iban ordinante", "from address", "conto ordinante", "sender address", "indirizzo mittente", "indirizzo email mittente", "email mittente"),
		f("payee", "who received", "beneficiario", "destinatario", "to", "nome beneficiario", "recipient"),
		f("payee_account", "payee's IBAN, card or address", "payee account", "iban beneficiario", "to address", "wallet", "conto beneficiario", "indirizzo wallet", "indirizzo destinatario", "recipient address", "numero carta", "carta", "indirizzo email destinatario", "email destinatario"),
		f("reference", "unique id of the payment", "riferimento", "id transazione", "tx hash", "hash", "cro", "trn", "txid", "tx id", "hash transazione", "transaction id", "codice transazione", "numero operazione", "id operazione"),
		f("description", "free text", "causale", "descrizione", "memo", "note", "oggetto", "descrizione operazione"),
		f("channel", "payment channel", "canale", "metodo", "metodo di pagamento", "method", "payment method", "strumento"),
		f("suspect", "explicit attribution", "indagato", "id indagato"),
		f("balance", "running balance, ignored", "saldo", "balance", "saldo contabile", "saldo disponibile"),
	},
	ledger.KindAssets: {
		f("id", "item id", "n reperto", "numero verbale", "numero reperto", "reperto", "verbale", "id bene"),
		f("owner", "suspect id or tax code", "intestatario", "titolare", "indagato", "owner", "proprietario"),
		f("type", "asset type", "tipo", "tipologia", "categoria", "tipo bene", "asset type"),
		f("description", "free text", "descrizione", "descrizione bene"),
		f("value", "value in currency", "valore", "valore stimato", "importo", "valore eur", "controvalore", "saldo"),
		f("quantity", "units of currency (crypto, securities)", "quantita", "quantity", "qty"),
		f("currency", "currency (EUR when absent)", "valuta", "asset", "divisa", "coin"),
		f("seizure_date", "date of the seizure", "data sequestro", "data", "date", "data del sequestro"),
		f("country", "country", "paese", "nazione"),
		f("measure", "sequestro preventivo, confisca...", "provvedimento", "misura", "decreto"),
		f("share", "ownership share (100% when absent)", "quota", "percentuale", "quota di possesso", "quota possesso", "percentuale di possesso"),
		f("status", "seized, confiscated or released", "stato", "stato bene"),
	},
	ledger.KindBenefits: append([]Field{
		applicationField,
		f("tax_code", "applicant's codice fiscale", "codice fiscale", "cf", "cf richiedente", "cf beneficiario", "codice fiscale richiedente", "codice fiscale beneficiario", "tax code"),
	}, append(append([]Field{}, personFields...),
		f("month", "month paid: yyyy-mm, mm/yyyy or a date in the month", "mese", "competenza", "mensilita", "periodo", "mese competenza", "mese di competenza"),
		f("amount", "amount paid that month, EUR", "importo", "importo erogato", "amount"),
		f("from", "first month of a period", "decorrenza", "data inizio", "inizio", "dal"),
		f("to", "last month of a period", "data fine", "scadenza", "fine", "al"),
		f("monthly_amount", "amount per month of a period, EUR", "importo mensile", "monthly amount", "rata mensile"),
		f("programme", "benefit programme: rdc, pdc, adi, sfl or its name", "programma", "prestazione", "misura", "tipo prestazione", "beneficio", "program", "programme"),
	)...),
	ledger.KindHousehold: append([]Field{
		applicationField,
		f("tax_code", "member's codice fiscale", "codice fiscale", "cf", "cf componente", "codice fiscale componente", "tax code"),
	}, append(append([]Field{}, personFields[:4]...),
		f("relation", "relation to the applicant", "parentela", "relazione", "rapporto", "relazione di parentela"),
	)...),
	ledger.KindRates: rateFields,
}

// Fields lists a kind's fields with their header synonyms.
func Fields(kind ledger.Kind) []Field {
	return withForms(kind, append([]Field(nil), kindFields[kind]...))
}

// normKey folds a header to lower-case ASCII letters and digits only.
func normKey(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case r >= 'A' && r <= 'Z':
			b.WriteRune(r + 'a' - 'A')
		case r >= 0x80:
			if folded, ok := accentFold[r]; ok {
				b.WriteByte(folded)
			}
		}
	}
	return b.String()
}

var accentFold = func() map[rune]byte {
	m := map[rune]byte{}
	for to, from := range map[byte]string{
		'a': "àáâãäåÀÁÂÃÄÅ", 'e': "èéêëÈÉÊË", 'i': "ìíîïÌÍÎÏ", 'o': "òóôõöøÒÓÔÕÖØ",
		'u': "ùúûüÙÚÛÜ", 'c': "çÇ", 'n': "ñÑ", 'y': "ýÿÝ",
	} {
		for _, r := range from {
			m[r] = to
		}
	}
	return m
}()

// headerCandidates are the keys a header cell may match, most literal
// first: the whole text, the text without "(...)" notes, each "/"
// alternative ("Hash transazione / TxID").
func headerCandidates(cell string) []string {
	out := []string{normKey(cell)}
	if i := strings.IndexByte(cell, '('); i > 0 {
		out = append(out, normKey(cell[:i]))
	}
	if strings.Contains(cell, "/") {
		for _, part := range strings.Split(cell, "/") {
			out = append(out, normKey(part))
		}
	}
	return out
}

// header is the result of matching one row against a kind's fields.
type header struct {
	cells   []string // as written
	cols    []int    // field index -> column index, -1 when absent
	unknown []string
	matched []string // field names, in field order
	// wide maps column index -> the quotation of its values, for the ECB
	// wide rates form (a column per currency, or per SDMX series).
	wide map[int]quotation
	// layout is the published rate-file layout the row was recognised as
	// (nil: the generic columns).
	layout *rateLayout
	// skipped says why series columns were not taken as rates.
	skipped []msg.Message
}

type synonymHit struct {
	field, rank int
}

type matcher struct {
	kind      ledger.Kind
	fields    []Field
	keys      map[string]synonymHit
	overrides map[string]string
	// layout is set on the matcher of a published rate-file layout;
	// layouts holds those matchers by index in rateLayouts.
	layout  *rateLayout
	layouts map[int]*matcher
}

func newMatcher(kind ledger.Kind, overrides map[string]string) *matcher {
	m := &matcher{kind: kind, fields: kindFields[kind], keys: map[string]synonymHit{}, overrides: overrides}
	for i, fl := range m.fields {
		add := func(s string, rank int) {
			k := normKey(s)
			if old, ok := m.keys[k]; !ok || old.rank > rank {
				m.keys[k] = synonymHit{i, rank}
			}
		}
		add(fl.Name, 1)
		add(strings.ReplaceAll(fl.Name, "_", " "), 1)
		for r, s := range fl.Synonyms {
			add(s, 2+r)
		}
		if h, ok := overrides[fl.Name]; ok {
			m.keys[normKey(h)] = synonymHit{i, 0}
		}
	}
	return m
}

// match maps the cells of a candidate header row to fields. A field takes
// the cell with the most literal and most specific match; a cell maps to
// at most one field.
func (m *matcher) match(cells []string) *header {
	h := &header{cells: cells, cols: make([]int, len(m.fields))}
	best := make([]int, len(m.fields)) // stage*1000+rank of the chosen cell
	for i := range h.cols {
		h.cols[i] = -1
	}
	taken := make([]bool, len(cells))
	for j, c := range cells {
		if strings.TrimSpace(c) == "" || !utf8.ValidString(c) {
			continue
		}
		for stage, key := range headerCandidates(c) {
			hit, ok := m.keys[key]
			if !ok {
				continue
			}
			score := stage*1000 + hit.rank
			if h.cols[hit.field] < 0 || score < best[hit.field] {
				if prev := h.cols[hit.field]; prev >= 0 {
					taken[prev] = false
				}
				h.cols[hit.field], best[hit.field] = j, score
				taken[j] = true
			}
			break
		}
	}
	if m.kind == ledger.KindRates {
		if lay := m.layoutFor(cells); lay != nil {
			return lay
		}
		m.matchWideRates(h, taken)
	}
	for j, c := range cells {
		if !taken[j] && strings.TrimSpace(c) != "" {
			h.unknown = append(h.unknown, strings.TrimSpace(c))
		}
	}
	for i, col := range h.cols {
		if col >= 0 {
			h.matched = append(h.matched, m.fields[i].Name)
		}
	}
	return h
}

func (m *matcher) index(name string) int {
	for i, fl := range m.fields {
		if fl.Name == name {
			return i
		}
	}
	panic("ingest: no field " + name) // programming error
}

// hasField reports whether the matcher's kind has the named field.
func (m *matcher) hasField(name string) bool {
	for _, fl := range m.fields {
		if fl.Name == name {
			return true
		}
	}
	return false
}

// has reports whether the header found the named field.
func (m *matcher) has(h *header, name string) bool { return h.cols[m.index(name)] >= 0 }

// score counts the matched fields, and the currency columns of the wide
// rates form.
func (h *header) score() int { return len(h.matched) + len(h.wide) }

// missing explains which required fields the header lacks (no message
// when it is usable for the kind).
func (m *matcher) missing(h *header) msg.Message {
	has := func(n string) bool { return m.has(h, n) }
	switch m.kind {
	case ledger.KindPayments:
		if !has("date") {
			return msg.New(msg.HeaderNoDate)
		}
		if !has("amount") && !has("credit") && !has("debit") {
			return msg.New(msg.HeaderNoAmount)
		}
	case ledger.KindSuspects:
		if !has("id") && !has("tax_code") && !(has("surname") && has("name")) {
			return msg.New(msg.HeaderNoSuspectID)
		}
	case ledger.KindIdentifiers:
		if !has("suspect") || !has("kind") || !has("value") {
			return msg.New(msg.HeaderIdentifiers)
		}
	case ledger.KindAssets:
		if !has("type") && !has("value") && !has("quantity") {
			return msg.New(msg.HeaderNoAssetValue)
		}
	case ledger.KindBenefits:
		if !has("tax_code") && !(has("surname") && has("name") && has("birth_date")) {
			return msg.New(msg.HeaderNoRecipient)
		}
		if !has("month") && !(has("from") && has("to")) {
			return msg.New(msg.HeaderNoMonth)
		}
		if !has("amount") && !has("monthly_amount") {
			return msg.New(msg.HeaderNoBenefit)
		}
	case ledger.KindHousehold:
		if !has("application") {
			return msg.New(msg.HeaderNoApplication)
		}
		if !has("tax_code") && !(has("surname") && has("name")) {
			return msg.New(msg.HeaderNoMember)
		}
	case ledger.KindRates:
		if !has("date") {
			return msg.New(msg.HeaderNoDate)
		}
		return m.missingRates(h)
	}
	return msg.Message{}
}

// findHeader picks, among the first rows, the usable header with the most
// matched fields (the earliest on a tie).
func (m *matcher) findHeader(rows [][]string) (idx int, h *header, reason msg.Message) {
	idx, reason = -1, msg.New(msg.HeaderNoneFound)
	bestScore := 0
	for i, r := range rows {
		cand := m.match(r)
		if cand.score() == 0 {
			continue
		}
		if why := m.missing(cand); !why.IsZero() {
			if idx < 0 && cand.score() > bestScore {
				reason = msg.New(msg.HeaderBestCandidate, msg.Int(i+1), msg.Nested(why))
				bestScore = cand.score()
			}
			continue
		}
		if idx < 0 || cand.score() > h.score() {
			idx, h = i, cand
		}
	}
	return idx, h, reason
}

// findSplitHeader looks for a header written over two rows ("Data" above
// "operazione", "Importo" above "Dare"): a row followed by one that is not
// blank and holds no digit, which no data row is, whose cells joined
// column by column make a usable header at least as good as the best
// one-row header. With a one-row header found at idx only that row and
// the next are joined. It returns the first row of the pair, -1 if none.
func (m *matcher) findSplitHeader(rows [][]string, idx int, single *header) (int, *header) {
	from, to := 0, len(rows)-1
	if idx >= 0 {
		from, to = idx, idx+1
	}
	best, bestH := -1, (*header)(nil)
	for i := from; i < to && i+1 < len(rows); i++ {
		next := rows[i+1]
		if blank(rows[i]) || blank(next) || rowHasDigit(next) {
			continue
		}
		shown, keyed := m.joinHeaderRows(rows[i], next)
		cand := m.match(keyed)
		cand.cells = shown
		if cand.score() == 0 || !m.missing(cand).IsZero() {
			continue
		}
		if single != nil && cand.score() < single.score() {
			continue
		}
		if bestH == nil || cand.score() > bestH.score() {
			best, bestH = i, cand
		}
	}
	return best, bestH
}

func rowHasDigit(rec []string) bool {
	for _, c := range rec {
		if hasDigit(c) {
			return true
		}
	}
	return false
}

// joinHeaderRows joins two header rows column by column: "Data" above
// "operazione" is shown "Data operazione". keyed is what each column is
// matched by: the joined text when it names a field, else the lower
// row's ("Importo" above "Dare" is the debit column), else the upper's.
func (m *matcher) joinHeaderRows(a, b []string) (shown, keyed []string) {
	n := max(len(a), len(b))
	shown, keyed = make([]string, n), make([]string, n)
	known := func(s string) bool {
		for _, k := range headerCandidates(s) {
			if _, ok := m.keys[k]; ok {
				return true
			}
		}
		return false
	}
	for j := range shown {
		x, y := cell(a, j), cell(b, j)
		if x == "" || y == "" {
			shown[j], keyed[j] = x+y, x+y
			continue
		}
		shown[j] = x + " " + y
		switch {
		case known(shown[j]):
			keyed[j] = shown[j]
		case known(y):
			keyed[j] = y
		case known(x):
			keyed[j] = x
		default:
			keyed[j] = shown[j]
		}
	}
	return shown, keyed
}

func itoa(n int) string {
	var b [20]byte
	i := len(b)
	neg := n < 0
	if neg {
		n = -n
	}
	for {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			break
		}
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}
