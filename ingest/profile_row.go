package ingest

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/msg"
	"github.com/shopspring/decimal"
)

// compiledProfile is a profile fitted to one file's header.
type compiledProfile struct {
	p     *Profile
	cols  map[string][]int // field -> columns ("A+B" joins several)
	first map[string]int   // field -> its first column, -1 when absent
	// headerCur is the currency a header names ("Value_IN(ETH)").
	headerCur string
	rules     []compiledRule
	order     string
	zone      *time.Location
	// auto is what the date column's values told an "auto" profile; its
	// rows are checked against it as any table's dates are (dates.go).
	auto *columnDates
	// holder is the address found in every sampled row (HolderAddress).
	holder string
	// reasons caches the reason texts built per rule and value.
	reasons map[string]string
	// keys memoises normKey of the cells rules compare: a type, status or
	// impact column holds a few values, each normalised once, not once
	// per rule and row.
	keys map[string]string
}

type compiledRule struct {
	conds  []compiledCond
	dir    ledger.Direction
	reason string
}

type compiledCond struct {
	field string
	pats  []pattern
}

type pattern struct {
	key            string
	prefix, within bool
	any, empty     bool
	neg, pos       bool
}

func compilePattern(v string) pattern {
	v = strings.TrimSpace(v)
	switch v {
	case "":
		return pattern{empty: true}
	case "*":
		return pattern{any: true}
	case "<0":
		return pattern{neg: true}
	case ">0":
		return pattern{pos: true}
	}
	p := pattern{}
	if strings.HasPrefix(v, "*") && strings.HasSuffix(v, "*") && len(v) > 2 {
		p.within, v = true, v[1:len(v)-1]
	} else if strings.HasSuffix(v, "*") {
		p.prefix, v = true, v[:len(v)-1]
	}
	p.key = normKey(v)
	return p
}

func (p pattern) match(key string, amount decimal.Decimal) bool {
	switch {
	case p.empty:
		return key == ""
	case p.any:
		return key != ""
	case p.neg:
		return amount.IsNegative()
	case p.pos:
		return amount.IsPositive()
	case p.within:
		return strings.Contains(key, p.key)
	case p.prefix:
		return strings.HasPrefix(key, p.key)
	}
	return key == p.key
}

// compileProfile fits p to the header cells; missing says which mapped
// columns are absent (a file of the layout always has them).
func compileProfile(p *Profile, cells []string) (*compiledProfile, *header, error) {
	keys := rowKeys(cells)
	cp := &compiledProfile{p: p, cols: map[string][]int{}, first: map[string]int{}, reasons: map[string]string{}, keys: map[string]string{}}
	h := &header{cells: cells, cols: make([]int, len(ProfileFields))}
	taken := make([]bool, len(cells))
	var missing []string
	for i, f := range ProfileFields {
		h.cols[i] = -1
		cp.first[f] = -1
		spec, ok := p.Columns[f]
		if !ok || strings.TrimSpace(spec) == "" {
			continue
		}
		for _, part := range strings.Split(spec, "+") {
			col, paren := compileHeader(part).find(cells, keys)
			if col < 0 {
				missing = append(missing, f+" ("+strings.TrimSpace(part)+")")
				continue
			}
			if paren != "" && (f == "amount" || f == "amount_in" || f == "amount_out" || f == "credit" || f == "debit") && cp.headerCur == "" {
				cp.headerCur = paren
			}
			cp.cols[f] = append(cp.cols[f], col)
			taken[col] = true
		}
		if cs := cp.cols[f]; len(cs) > 0 {
			h.cols[i], cp.first[f] = cs[0], cs[0]
			h.matched = append(h.matched, f)
		}
	}
	if len(missing) > 0 && len(p.Signature) == 0 && p.HeaderRow > 0 {
		return nil, nil, &errProfile{fmt.Sprintf("profile %s: header row %d lacks the columns %s", p.Name, p.HeaderRow, strings.Join(missing, ", "))}
	}
	if cp.first["date"] < 0 || (cp.first["amount"] < 0 && cp.first["credit"] < 0 && cp.first["amount_in"] < 0) {
		return nil, nil, &errProfile{fmt.Sprintf("profile %s: no date or amount column on the header row (missing %s)", p.Name, strings.Join(missing, ", "))}
	}
	for j, c := range cells {
		if !taken[j] && strings.TrimSpace(c) != "" {
			h.unknown = append(h.unknown, strings.TrimSpace(c))
		}
	}
	for _, r := range p.Rules {
		cr := compiledRule{dir: r.Dir, reason: r.Reason}
		for _, c := range r.If {
			cc := compiledCond{field: c.Field}
			for _, v := range c.Values {
				cc.pats = append(cc.pats, compilePattern(v))
			}
			if len(c.Values) == 0 {
				cc.pats = append(cc.pats, pattern{any: true})
			}
			cr.conds = append(cr.conds, cc)
		}
		cp.rules = append(cp.rules, cr)
	}
	cp.order = p.Dates.Order
	if cp.order == "" {
		cp.order = "dmy"
	}
	if p.Dates.Zone != "" {
		z, err := zoneByName(p.Dates.Zone)
		if err != nil {
			return nil, nil, &errProfile{fmt.Sprintf("profile %s: %v", p.Name, err)}
		}
		cp.zone = z
	}
	return cp, h, nil
}

// text returns a field's cell, several columns joined.
func (cp *compiledProfile) text(rec []string, f string) string {
	cs := cp.cols[f]
	switch len(cs) {
	case 0:
		return ""
	case 1:
		return cell(rec, cs[0])
	}
	sep := " - "
	if f == "reference" {
		sep = ":"
	}
	var parts []string
	for _, c := range cs {
		if v := cell(rec, c); v != "" {
			parts = append(parts, v)
		}
	}
	return strings.Join(parts, sep)
}

// settle decides what the sampled rows must decide: the date order of an
// "auto" profile and the holder's address. Notes go to the table's report.
func (cp *compiledProfile) settle(t *table, sample []bufferedRow) error {
	if cp.order == "auto" {
		if col := cp.first["date"]; col < len(t.dates) {
			cp.auto = t.dates[col]
		}
		order, why := autoOrder(cp.auto)
		cp.order = order
		t.note(msg.New(msg.ProfileDates, msg.Text(cp.p.Name), msg.Nested(orderMsg(order)), msg.Nested(why)))
	}
	if cp.p.HolderAddress {
		cp.holder = cp.commonAddress(sample)
		if cp.holder != "" {
			t.note(msg.New(msg.ProfileHolder, msg.Text(cp.p.Name), msg.Text(cp.holder)))
		} else {
			t.note(msg.New(msg.ProfileNoHolder, msg.Text(cp.p.Name)))
		}
	}
	return nil
}

// orderMsg names a date order in words.
func orderMsg(o string) msg.Message {
	switch o {
	case "mdy":
		return msg.New(msg.DateOrderMDY)
	case "ymd":
		return msg.New(msg.DateOrderYMD)
	case "unix":
		return msg.New(msg.DateOrderUnix)
	}
	return msg.New(msg.DateOrderDMY)
}

// autoOrder is an "auto" profile's date order, decided by the mechanism
// every table's date columns share (dates.go), and why, for the note.
func autoOrder(cd *columnDates) (order string, why msg.Message) {
	switch {
	case cd == nil:
	case cd.order == orderConflict:
		return "dmy", msg.New(msg.DatesMixed, msg.Int(cd.dayRow), msg.Text(cd.dayVal), msg.Int(cd.monthRow), msg.Text(cd.monthVal))
	case cd.order == orderDayFirst:
		return "dmy", msg.New(msg.DatesSuchAs, msg.Text(cd.dayVal))
	case cd.order == orderMonthFirst && cd.byZone:
		return "mdy", msg.New(msg.DatesUSZones)
	case cd.order == orderMonthFirst:
		return "mdy", msg.New(msg.DatesSuchAs, msg.Text(cd.monthVal))
	case cd.iso > 0 && cd.numeric == 0:
		return "ymd", msg.New(msg.DatesYearFirst, msg.Text(cd.isoVal))
	}
	return "dmy", msg.New(msg.DatesDMYAssumed)
}

// commonAddress returns the address present in every sampled row, as
// written in the first row ("" when none or more than one).
func (cp *compiledProfile) commonAddress(sample []bufferedRow) string {
	var cands []string
	n := 0
	for _, b := range sample {
		if b.err != nil || blank(b.rec) {
			continue
		}
		from, to := cp.text(b.rec, "payer_account"), cp.text(b.rec, "payee_account")
		if n == 0 {
			for _, a := range []string{from, to} {
				if a != "" {
					cands = append(cands, a)
				}
			}
		} else {
			kept := cands[:0]
			for _, c := range cands {
				if strings.EqualFold(c, from) || strings.EqualFold(c, to) {
					kept = append(kept, c)
				}
			}
			cands = kept
		}
		n++
	}
	if len(cands) == 0 || (len(cands) == 2 && !strings.EqualFold(cands[0], cands[1])) || n < 2 {
		return ""
	}
	return cands[0]
}

// note reports a file-level note.
func (t *table) note(m msg.Message) {
	if t.report != nil {
		t.report(ledger.Issue{Path: t.src.Path, Sheet: t.src.Sheet, Msg: m, Level: ledger.LevelNote})
	}
}

// profileRow types the rows of a file read with a profile.
func profileRow(emit func(*ledger.Payment) error) func(*table) rowFunc {
	return func(t *table) rowFunc {
		cp := t.prof
		var p ledger.Payment
		cache := currencyCache{}
		return func(rec []string, row int) (*problem, error) {
			p = ledger.Payment{Ref: t.ref(row), FileSuspect: t.src.Suspect, Channel: cp.p.Channel}
			if label := totalsRow(rec, cp.first["date"], cp.first["amount"], cp.first["credit"], cp.first["debit"], cp.first["amount_in"], cp.first["amount_out"]); label != "" {
				amount, cur, _ := cp.amount(t, rec, &p)
				p.Amount = amount
				p.Date, _ = cp.date(t, rec)
				p.Currency = firstNonEmpty(cache.lookup(cp.currencyText(cp.text(rec, "currency"))), cur, cp.p.Currency, "EUR")
				p.Description, p.Reference = cp.text(rec, "description"), cp.text(rec, "reference")
				p.Direction, p.DirReason = ledger.DirNotPayment, totalsReason(label)
				return nil, emit(&p)
			}
			amount, cur, prob := cp.amount(t, rec, &p)
			if prob != nil {
				return prob, nil
			}
			dir, reason := cp.direction(rec, amount, &p)
			p.Direction, p.DirReason = dir, reason
			d, prob := cp.date(t, rec)
			if prob != nil && dir != ledger.DirNotPayment {
				return prob, nil
			}
			p.Date = d
			// A currency column, else the header's, the amount cell's or
			// the profile's.
			cc := cp.first["currency"]
			code := ""
			switch c := cp.text(rec, "currency"); {
			case c != "":
				if code = cache.lookup(cp.currencyText(c)); code == "" {
					if dir == ledger.DirNotPayment {
						code = strings.ToUpper(cp.currencyText(c))
						break
					}
					return rejectMsg(cc, c, msg.UnknownCurrency), nil
				}
			case cp.headerCur != "":
				if code = cache.lookup(cp.currencyText(cp.headerCur)); code == "" {
					return rejectMsg(cp.first["amount"], cp.headerCur, msg.UnknownHeaderCurrency), nil
				}
			case cur != "":
				code = cur
			case cp.p.Currency != "":
				code = cp.p.Currency
			default:
				code = "EUR"
			}
			p.Currency = code
			if dir == ledger.DirRefund {
				p.Amount = amount.Abs().Neg()
			} else {
				p.Amount = amount.Abs()
			}
			p.Payer, p.PayerAccount = cp.text(rec, "payer"), cp.text(rec, "payer_account")
			p.Payee, p.PayeeAccount = cp.text(rec, "payee"), cp.text(rec, "payee_account")
			if who, acc := cp.text(rec, "counterparty"), cp.text(rec, "counterparty_account"); who != "" || acc != "" {
				if dir == ledger.DirIncoming || (dir == ledger.DirNotPayment && !amount.IsNegative()) {
					p.Payer, p.PayerAccount = firstNonEmpty(p.Payer, who), firstNonEmpty(p.PayerAccount, acc)
				} else if dir == ledger.DirRefund {
					// Filled in after the swap below: the customer
					// refunded is the payer of the payment reversed.
					p.Payee, p.PayeeAccount = firstNonEmpty(p.Payee, who), firstNonEmpty(p.PayeeAccount, acc)
				} else {
					p.Payee, p.PayeeAccount = firstNonEmpty(p.Payee, who), firstNonEmpty(p.PayeeAccount, acc)
				}
			}
			if dir == ledger.DirRefund {
				// A refund is shown with the parties of the payment it
				// reverses, as a list of payments received writes it: the
				// customer as payer, the suspect paying back as payee.
				p.Payer, p.Payee = p.Payee, p.Payer
				p.PayerAccount, p.PayeeAccount = p.PayeeAccount, p.PayerAccount
			}
			p.Reference, p.Description = cp.text(rec, "reference"), cp.text(rec, "description")
			if p.Payer == "" && cp.p.PayerFromDescription && dir == ledger.DirIncoming {
				p.Payer = PayerFromDescription(p.Description)
			}
			if ch := cp.text(rec, "channel"); ch != "" {
				p.Channel = ch
			}
			p.Suspect = cp.text(rec, "suspect")
			return nil, emit(&p)
		}
	}
}

// currencyText reads a currency cell: "USDT(TR7N...)" is USDT, an
// exchange's asset code such as XXBT is BTC.
func (cp *compiledProfile) currencyText(s string) string {
	if i := strings.IndexByte(s, '('); i > 0 {
		s = strings.TrimSpace(s[:i])
	}
	if cp.p.AssetCodes {
		return exchangeAsset(s)
	}
	return s
}

// exchangeAsset reads Kraken-style asset codes: XXBT, XETH, ZEUR, and
// staked or held forms (DOT.S, ETH2.S).
func exchangeAsset(s string) string {
	s = strings.ToUpper(strings.TrimSpace(s))
	if i := strings.IndexByte(s, '.'); i > 0 {
		s = s[:i]
	}
	if a, ok := assetAliases[s]; ok {
		return a
	}
	if len(s) == 4 && (s[0] == 'X' || s[0] == 'Z') {
		if _, ok := ledger.LookupCurrency(s[1:]); ok {
			return s[1:]
		}
		if a, ok := assetAliases[s[1:]]; ok {
			return a
		}
	}
	return s
}

var assetAliases = map[string]string{"XBT": "BTC", "XXBT": "BTC", "XDG": "DOGE", "XXDG": "DOGE", "ETH2": "ETH"}

// amount reads the row's amount from the amount, in/out or credit/debit
// columns, in the profile's units.
func (cp *compiledProfile) amount(t *table, rec []string, p *ledger.Payment) (decimal.Decimal, string, *problem) {
	var v decimal.Decimal
	var cur string
	switch {
	case cp.first["amount"] >= 0 && (cell(rec, cp.first["amount"]) != "" || cp.first["amount_in"] < 0 && cp.first["credit"] < 0):
		c := cp.first["amount"]
		a, cc, ok, prob := t.amount(rec, c)
		if prob != nil {
			return v, "", prob
		}
		if !ok {
			return v, "", rejectMsg(c, "", msg.MissingAmount)
		}
		v, cur = a, cc
	case cp.first["amount_in"] >= 0:
		in, c1, _, prob := t.amount(rec, cp.first["amount_in"])
		if prob != nil {
			return v, "", prob
		}
		out, c2, _, prob := t.amount(rec, cp.first["amount_out"])
		if prob != nil {
			return v, "", prob
		}
		if !in.IsZero() && !out.IsZero() {
			return v, "", rejectMsg(cp.first["amount_in"], cell(rec, cp.first["amount_in"]), msg.InAndOut)
		}
		if !out.IsZero() {
			v, cur = out.Abs().Neg(), c2
		} else {
			v, cur = in.Abs(), c1
		}
	default:
		cr, c1, hasCr, prob := t.amount(rec, cp.first["credit"])
		if prob != nil {
			return v, "", prob
		}
		db, c2, hasDb, prob := t.amount(rec, cp.first["debit"])
		if prob != nil {
			return v, "", prob
		}
		switch {
		case hasCr && hasDb && !cr.IsZero() && !db.IsZero():
			return v, "", rejectMsg(cp.first["credit"], cell(rec, cp.first["credit"]), msg.CreditAndDebit)
		case hasCr && (!hasDb || !cr.IsZero()):
			v, cur = cr.Abs(), c1
		case hasDb:
			v, cur = db.Abs().Neg(), c2
		default:
			return v, "", rejectMsg(cp.first["credit"], "", msg.MissingAmount)
		}
	}
	if cp.p.Scale != 0 {
		v = v.Shift(-cp.p.Scale)
	}
	return v, cur, nil
}

// direction applies the profile's rules, then the in/out and
// credit/debit columns, the holder's address and the sign. amount is
// negative for money out of in/out and credit/debit columns.
func (cp *compiledProfile) direction(rec []string, amount decimal.Decimal, p *ledger.Payment) (ledger.Direction, string) {
	for i := range cp.rules {
		r := &cp.rules[i]
		if cell, ok := r.matches(cp, rec, amount); ok {
			return r.dir, cp.reason(i, r.reason, cell)
		}
	}
	if cp.first["amount_in"] >= 0 && cell(rec, cp.first["amount"]) == "" {
		if amount.IsZero() {
			return ledger.DirNotPayment, "no value moved"
		}
		if amount.IsNegative() {
			return ledger.DirOutgoing, "amount in the out column"
		}
		return ledger.DirIncoming, ""
	}
	if cp.first["credit"] >= 0 && cp.first["amount"] < 0 {
		if amount.IsNegative() {
			return ledger.DirOutgoing, "amount in the debit column"
		}
		return ledger.DirIncoming, ""
	}
	if cp.holder != "" {
		from := strings.EqualFold(cp.text(rec, "payer_account"), cp.holder)
		to := strings.EqualFold(cp.text(rec, "payee_account"), cp.holder)
		switch {
		case from && to:
			return ledger.DirNotPayment, "from and to the holder's own address"
		case to:
			return ledger.DirIncoming, ""
		case from:
			return ledger.DirOutgoing, "sent from the holder's address"
		}
	}
	switch cp.p.Sign {
	case SignIncoming:
		return ledger.DirIncoming, ""
	case SignRefund:
		if amount.IsNegative() {
			return ledger.DirRefund, "negative amount in a list of payments received: refund"
		}
		return ledger.DirIncoming, ""
	}
	if amount.IsNegative() {
		return ledger.DirOutgoing, "negative amount in the holder's own account: money out"
	}
	return ledger.DirIncoming, ""
}

// matches reports whether every condition holds; cell is the first
// condition's text, for the reason.
func (r *compiledRule) matches(cp *compiledProfile, rec []string, amount decimal.Decimal) (string, bool) {
	first := ""
	for i, c := range r.conds {
		text := cp.text(rec, c.field)
		key, known := cp.keys[text]
		if !known {
			key = normKey(text)
			if len(cp.keys) < 4096 {
				cp.keys[text] = key
			}
		}
		ok := false
		for _, pt := range c.pats {
			if pt.match(key, amount) {
				ok = true
				break
			}
		}
		if !ok {
			return "", false
		}
		if i == 0 {
			first = text
		}
	}
	return first, true
}

// reason is a rule's reason with the value that decided ("currency
// conversion: General Currency Conversion"), built once per value.
func (cp *compiledProfile) reason(rule int, base, value string) string {
	if value == "" {
		return base
	}
	k := strconv.Itoa(rule) + "\x00" + value
	if s, ok := cp.reasons[k]; ok {
		return s
	}
	s := base + ": " + value
	if base == "" {
		s = value
	}
	if len(cp.reasons) < 1024 {
		cp.reasons[k] = s
	}
	return s
}

// date reads the row's day in the profile's order and zone: a time with
// a zone is converted to Europe/Rome before the day is taken.
func (cp *compiledProfile) date(t *table, rec []string) (time.Time, *problem) {
	col := cp.first["date"]
	s := cell(rec, col)
	if s == "" {
		return time.Time{}, rejectMsg(col, "", msg.MissingDate)
	}
	if t.xlsx && cp.order != "unix" {
		if d, ok := parseSerial(s, t.date1904); ok {
			return d, nil
		}
	}
	zoneText := cell(rec, cp.first["zone"])
	if tc := cp.first["time"]; tc >= 0 && tc != col {
		if tm := cell(rec, tc); tm != "" {
			s = s + " " + tm
		}
	}
	order := cp.order
	if cd := cp.auto; cd != nil {
		if a, b, ok := numericDayMonth(strings.TrimSpace(cell(rec, col))); ok {
			if p := cd.check(col, cell(rec, col), a, b); p != nil {
				return time.Time{}, p
			}
			if cd.order == orderMonthFirst || (cd.order == orderConflict && b > 12) {
				order = "mdy"
			} else {
				order = "dmy"
			}
		}
	}
	d, err := parseProfileDate(s, order, cp.zone, zoneText)
	if err != nil {
		return time.Time{}, rejectErr(col, cell(rec, col), err)
	}
	return d, nil
}

// parseProfileDate reads "13/10/2020 10:20:30", "10/13/2020", "2020-10-13
// 10:20:30 UTC", "2020-10-13T10:20:30Z" or a Unix timestamp and returns
// the day (UTC midnight) in Europe/Rome when the time's zone is known.
func parseProfileDate(s, order string, zone *time.Location, zoneText string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if order == "unix" {
		return parseUnix(s)
	}
	y, m, d, rest, err := numericProfileDate(s, order)
	if err != nil {
		// A month written as a name ("Jan. 05, 2021, 03:04 PM") is never
		// ambiguous: any order reads it.
		var ok bool
		if y, m, d, rest, ok = monthNameDate(s); !ok {
			return time.Time{}, err
		}
	}
	day0, ok := day(y, m, d)
	if !ok {
		return time.Time{}, errMsg(msg.NotADateIn, msg.Nested(orderMsg(order)), msg.Text(strconv.Quote(s)))
	}
	if rest == "" {
		return day0, nil
	}
	clock, zoneIn, err := parseClock(rest)
	if err != nil {
		return time.Time{}, fmt.Errorf("not a date and time: %q: %v", s, err)
	}
	loc := zone
	if zoneIn != "" {
		if loc, err = zoneByName(zoneIn); err != nil {
			return time.Time{}, fmt.Errorf("%q: %v", s, err)
		}
	} else if zoneText != "" {
		if loc, err = zoneByName(zoneText); err != nil {
			return time.Time{}, fmt.Errorf("%q: %v", s, err)
		}
	}
	if loc == nil {
		return day0, nil // a local time without zone: the day as written
	}
	at := time.Date(y, time.Month(m), d, 0, 0, 0, 0, loc).Add(clock).In(rome)
	return time.Date(at.Year(), at.Month(), at.Day(), 0, 0, 0, 0, time.UTC), nil
}

// numericProfileDate reads the day, month and year of "13/10/2020",
// "10/13/2020" (order mdy) or "2020-10-13" and returns the rest (a time).
func numericProfileDate(s, order string) (y, m, d int, rest string, err error) {
	bad := errMsg(msg.NotADateIn, msg.Nested(orderMsg(order)), msg.Text(strconv.Quote(s)))
	a, i := readInt(s, 0, 4)
	if i == 0 || i >= len(s) || !isDateSep(s[i]) {
		return 0, 0, 0, "", bad
	}
	sep := s[i]
	b, j := readInt(s, i+1, 2)
	if j == i+1 || j >= len(s) || s[j] != sep {
		return 0, 0, 0, "", bad
	}
	c, k := readInt(s, j+1, 4)
	if k == j+1 {
		return 0, 0, 0, "", bad
	}
	switch {
	case i == 4: // a year first is never ambiguous
		y, m, d = a, b, c
	case order == "mdy":
		m, d, y = a, b, fullYear(c, k-j-1)
	case order == "ymd":
		return 0, 0, 0, "", fmt.Errorf("not a year-first date: %q", s)
	default:
		d, m, y = a, b, fullYear(c, k-j-1)
	}
	return y, m, d, strings.TrimSpace(strings.TrimLeft(s[k:], "T ,")), nil
}

// parseClock reads "10:20", "10:20:30", "10:20:30.123", "10:20 PM" and
// an optional zone after it ("Z", "UTC", "+01:00", "CET").
func parseClock(s string) (time.Duration, string, error) {
	h, i := readInt(s, 0, 2)
	if i == 0 || i >= len(s) || (s[i] != ':' && s[i] != '.') {
		return 0, "", fmt.Errorf("no time")
	}
	min, j := readInt(s, i+1, 2)
	if j != i+3 {
		return 0, "", fmt.Errorf("no minutes")
	}
	sec := 0
	if j < len(s) && (s[j] == ':' || s[j] == '.') {
		sec, j = readInt(s, j+1, 2)
		for j < len(s) && (s[j] == '.' || s[j] >= '0' && s[j] <= '9') {
			j++ // fractions of a second
		}
	}
	rest := strings.TrimSpace(s[j:])
	if up := strings.ToUpper(rest); strings.HasPrefix(up, "AM") || strings.HasPrefix(up, "PM") {
		if h == 12 {
			h = 0
		}
		if up[0] == 'P' {
			h += 12
		}
		rest = strings.TrimSpace(rest[2:])
	}
	if h > 23 || min > 59 || sec > 60 {
		return 0, "", fmt.Errorf("time out of range")
	}
	return time.Duration(h)*time.Hour + time.Duration(min)*time.Minute + time.Duration(sec)*time.Second, rest, nil
}

func parseUnix(s string) (time.Time, error) {
	if i := strings.IndexByte(s, '.'); i > 0 {
		s = s[:i]
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 {
		return time.Time{}, fmt.Errorf("not a Unix timestamp: %q", s)
	}
	var at time.Time
	if n > 1e11 { // milliseconds
		at = time.UnixMilli(n)
	} else {
		at = time.Unix(n, 0)
	}
	at = at.In(rome)
	return time.Date(at.Year(), at.Month(), at.Day(), 0, 0, 0, 0, time.UTC), nil
}

var zoneOffsets = map[string]int{
	"Z": 0, "UTC": 0, "GMT": 0, "WET": 0, "WEST": 1, "BST": 1, "CET": 1, "CEST": 2, "MEZ": 1, "MESZ": 2,
	"EET": 2, "EEST": 3, "MSK": 3, "PST": -8, "PDT": -7, "MST": -7, "MDT": -6, "CST": -6, "CDT": -5,
	"EST": -5, "EDT": -4, "AKST": -9, "AKDT": -8, "HST": -10,
}

// zoneByName reads a zone: an abbreviation (UTC, CET, PDT), an offset
// (+01:00, -0500, UTC+1) or an IANA name (Europe/Rome).
func zoneByName(s string) (*time.Location, error) {
	s = strings.TrimSpace(s)
	up := strings.ToUpper(s)
	if h, ok := zoneOffsets[up]; ok {
		return time.FixedZone(up, h*3600), nil
	}
	off := strings.TrimPrefix(strings.TrimPrefix(up, "UTC"), "GMT")
	if off != "" && (off[0] == '+' || off[0] == '-') {
		digits := strings.ReplaceAll(off[1:], ":", "")
		h, m := 0, 0
		switch len(digits) {
		case 1, 2:
			h, _ = strconv.Atoi(digits)
		case 4:
			h, _ = strconv.Atoi(digits[:2])
			m, _ = strconv.Atoi(digits[2:])
		default:
			return nil, fmt.Errorf("unknown time zone %q", s)
		}
		secs := h*3600 + m*60
		if off[0] == '-' {
			secs = -secs
		}
		return time.FixedZone(up, secs), nil
	}
	if strings.Contains(s, "/") {
		if loc, err := time.LoadLocation(s); err == nil {
			return loc, nil
		}
	}
	return nil, fmt.Errorf("unknown time zone %q", s)
}
