package ingest

import (
	"errors"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // Europe/Rome must resolve on machines without zoneinfo
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/msg"
	"github.com/shopspring/decimal"
)

// Notation is how a column writes its numbers.
type Notation int

// Number notations: Italian "1.234,56", English "1,234.56". Unknown reads a
// lone separator as the decimal point.
const (
	NotationUnknown Notation = iota
	NotationItalian
	NotationEnglish
)

func (n Notation) String() string {
	switch n {
	case NotationItalian:
		return "italian"
	case NotationEnglish:
		return "english"
	}
	return "unknown"
}

var rome = mustLoadRome()

func mustLoadRome() *time.Location {
	loc, err := time.LoadLocation("Europe/Rome")
	if err != nil {
		panic(err) // unreachable: time/tzdata is embedded
	}
	return loc
}

// amountParts is an amount cell split into its pieces, without allocating.
type amountParts struct {
	num  [64]byte // digits and the separators '.' ',' as written
	n    int
	neg  bool
	cur  string // currency token written in the cell, if any
	exp  string // exponent digits of a scientific-notation cell ("-05")
	long bool   // more digits than num holds
	// mag is the number of digits before the decimal point of the value
	// (leading zeros left out, the exponent applied): it is at least
	// 10^(mag-1) and below 10^mag; 0 or less below 1.
	mag int
	// cache, when set, shares the decimals of repeated amounts.
	cache *decimalCache
}

// decimalCache remembers recently read amounts: payment tables repeat a
// few prices (15.00, 25.00, 99.99) on most rows, and a decimal.Decimal
// costs a heap allocation (its big.Int) each time it is built. A
// Decimal is never modified once built, so rows may share one. The
// cache is direct-mapped: a slot holds the last amount that hashed to
// it.
type decimalCache [1024]struct {
	coef int64
	exp  int32
	set  bool
	d    decimal.Decimal
}

// get returns coef×10^exp.
func (c *decimalCache) get(coef int64, exp int32) decimal.Decimal {
	h := (uint64(coef)*0x9E3779B97F4A7C15 + uint64(uint32(exp))) >> 54
	e := &c[h]
	if !e.set || e.coef != coef || e.exp != exp {
		e.coef, e.exp, e.set, e.d = coef, exp, true, decimal.New(coef, exp)
	}
	return e.d
}

var errEmpty = errors.New("empty")

// splitAmount separates sign, digits, separators and a currency token.
func splitAmount(s string, p *amountParts) error {
	s = strings.TrimSpace(s)
	if s == "" {
		return errEmpty
	}
	if len(s) >= 2 && s[0] == '(' && s[len(s)-1] == ')' {
		p.neg = true
		s = strings.TrimSpace(s[1 : len(s)-1])
	}
	var signs, curStart, curEnd int
	curStart = -1
	digitsSeen, digitsEnded := false, false
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			if digitsEnded {
				return errNotANumber
			}
			digitsSeen = true
			if p.n < len(p.num) {
				p.num[p.n] = c
				p.n++
			} else {
				p.long = true
			}
			i++
		case c == '.' || c == ',':
			if digitsEnded {
				return errNotANumber
			}
			if p.n < len(p.num) {
				p.num[p.n] = c
				p.n++
			}
			i++
		case c == '-' || c == '+':
			if digitsSeen && !digitsEnded && i+1 < len(s) {
				return errMisplacedSign
			}
			signs++
			if signs > 1 {
				return errTwoSigns
			}
			p.neg = p.neg != (c == '-')
			if digitsSeen {
				digitsEnded = true
			}
			i++
		case c == ' ' || c == '\t' || c == '\'':
			// Spaces and apostrophes group thousands in some exports;
			// after the digits they only precede a currency.
			i++
		case (c == 'E' || c == 'e') && digitsSeen && !digitsEnded && i+1 < len(s) && isExponent(s[i+1:]):
			p.exp = s[i+1:]
			i = len(s)
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == 0xA0 || r == 0x202F { // non-breaking spaces
				i += size
				continue
			}
			if digitsSeen {
				digitsEnded = true
			}
			if curStart >= 0 && curEnd != i {
				return errNotANumber
			}
			if curStart < 0 {
				curStart = i
			}
			i += size
			curEnd = i
		}
	}
	if !digitsSeen {
		return errNoDigits
	}
	if curStart >= 0 {
		p.cur = s[curStart:curEnd]
	}
	return nil
}

func isExponent(s string) bool {
	if s != "" && (s[0] == '-' || s[0] == '+') {
		s = s[1:]
	}
	if s == "" || len(s) > 4 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// ParseAmount reads a money amount written in Italian or English notation,
// with an optional sign, parentheses for negatives and a currency symbol or
// code before or after the number. When a single '.' or ',' is followed by
// exactly three digits the notation decides whether it groups thousands.
func ParseAmount(s string, n Notation) (decimal.Decimal, error) {
	d, _, err := parseAmountCurrency(s, n)
	return d, err
}

// parseAmountCurrency is ParseAmount that also returns the currency code
// written in the cell ("" when none).
func parseAmountCurrency(s string, n Notation) (decimal.Decimal, string, error) {
	return parseAmountCached(s, n, nil)
}

// parseAmountCached is parseAmountCurrency taking small amounts from
// cache (nil: none).
func parseAmountCached(s string, n Notation, cache *decimalCache) (decimal.Decimal, string, error) {
	return parseAmountLimited(s, n, cache, maxQuantityDigits)
}

// Amounts beyond these are rejected as "amount out of range" (see
// docs/inputs.md): no payment, benefit or seized item is worth 10^12
// (a thousand billion) in its currency, and no quantity or rate reaches
// 10^18. They catch an overflowing export, a cell shifted into the
// amount column, or a number such as 1E+309 that no program could have
// written as money.
const (
	maxMoneyDigits    = 12
	maxQuantityDigits = 18
)

// parseAmountLimited is parseAmountCached rejecting values of maxDigits
// digits before the decimal point or more.
func parseAmountLimited(s string, n Notation, cache *decimalCache, maxDigits int) (decimal.Decimal, string, error) {
	var p amountParts
	p.cache = cache
	if err := splitAmount(s, &p); err != nil {
		if err == errEmpty {
			return decimal.Zero, "", errMsg(msg.EmptyAmount)
		}
		return decimal.Zero, "", errMsg(msg.NotAnAmount, msg.Nested(messageOf(err)))
	}
	code := ""
	if p.cur != "" {
		c, ok := ledger.LookupCurrency(p.cur)
		if !ok {
			return decimal.Zero, "", errMsg(msg.NotAnAmount, msg.Nested(msg.New(msg.UnknownCurrencyCode, msg.Text(p.cur))))
		}
		code = c.Code
	}
	d, err := p.decimal(n)
	if err != nil {
		return decimal.Zero, "", errMsg(msg.NotAnAmount, msg.Nested(messageOf(err)))
	}
	if p.mag > maxDigits {
		return decimal.Zero, "", errMsg(msg.AmountOutOfRange, msg.Int(maxDigits))
	}
	return d, code, nil
}

// notationOf tells which notation a cell proves, or Unknown when a lone
// separator followed by three digits could be either.
func notationOf(s string) Notation {
	var p amountParts
	if splitAmount(s, &p) != nil {
		return NotationUnknown
	}
	dec, thou, err := p.layout(NotationUnknown)
	switch {
	case err != nil:
		return NotationUnknown
	case dec < 0 && thou == '.':
		return NotationItalian
	case dec < 0 && thou == ',':
		return NotationEnglish
	case dec < 0:
		return NotationUnknown
	}
	num := p.num[:p.n]
	if ambiguous(num, dec) {
		return NotationUnknown
	}
	if num[dec] == ',' {
		return NotationItalian
	}
	return NotationEnglish
}

// ambiguous reports a lone separator that may be a thousands separator.
func ambiguous(num []byte, dec int) bool {
	if len(num)-dec-1 != 3 {
		return false
	}
	for i := 0; i < len(num); i++ {
		if (num[i] == '.' || num[i] == ',') && i != dec {
			return false
		}
	}
	return dec > 0 && dec <= 3 && num[0] != '0'
}

// layout finds the decimal separator's index in p.num (-1 when none) and
// the thousands separator (0 when none).
func (p *amountParts) layout(n Notation) (dec int, thou byte, err error) {
	num := p.num[:p.n]
	lastDot, lastComma := -1, -1
	dots, commas := 0, 0
	for i, c := range num {
		switch c {
		case '.':
			dots++
			lastDot = i
		case ',':
			commas++
			lastComma = i
		}
	}
	switch {
	case dots == 0 && commas == 0:
		return -1, 0, nil
	case dots > 0 && commas > 0:
		if lastDot > lastComma {
			if dots > 1 {
				return 0, 0, errTwoPoints
			}
			return lastDot, ',', nil
		}
		if commas > 1 {
			return 0, 0, errTwoCommas
		}
		return lastComma, '.', nil
	}
	sep, count, last := byte('.'), dots, lastDot
	if commas > 0 {
		sep, count, last = ',', commas, lastComma
	}
	if count > 1 {
		return -1, sep, nil
	}
	if ambiguous(num, last) {
		if (n == NotationItalian && sep == '.') || (n == NotationEnglish && sep == ',') {
			return -1, sep, nil
		}
	}
	return last, 0, nil
}

// decimal builds the value; up to 18 digits without big-number parsing.
func (p *amountParts) decimal(n Notation) (decimal.Decimal, error) {
	if p.long {
		return decimal.Zero, errTooManyDigits
	}
	dec, thou, err := p.layout(n)
	if err != nil {
		return decimal.Zero, err
	}
	num := p.num[:p.n]
	intEnd := len(num)
	if dec >= 0 {
		intEnd = dec
	}
	if thou != 0 && !groupedByThousands(num[:intEnd], thou) {
		return decimal.Zero, errThousandsPlace
	}
	var digits [64]byte
	nd, frac := 0, 0
	for i, c := range num {
		if c >= '0' && c <= '9' {
			digits[nd] = c
			nd++
			if dec >= 0 && i > dec {
				frac++
			}
		}
	}
	if nd == 0 {
		return decimal.Zero, errNoDigits
	}
	lead := 0
	for lead < nd && digits[lead] == '0' {
		lead++
	}
	if lead < nd {
		p.mag = nd - frac - lead
	}
	var d decimal.Decimal
	if nd <= 18 {
		var v int64
		for _, c := range digits[:nd] {
			v = v*10 + int64(c-'0')
		}
		if p.neg {
			v = -v
		}
		if p.cache != nil {
			d = p.cache.get(v, int32(-frac))
		} else {
			d = decimal.New(v, int32(-frac))
		}
	} else {
		str := string(digits[:nd-frac]) + "." + string(digits[nd-frac:nd])
		if p.neg {
			str = "-" + str
		}
		d, err = decimal.NewFromString(str)
		if err != nil {
			return decimal.Zero, err
		}
	}
	if p.exp != "" {
		e, err := strconv.Atoi(p.exp)
		if err != nil {
			return decimal.Zero, err
		}
		d = d.Shift(int32(e))
		if lead < nd {
			p.mag += e
		}
	}
	return d, nil
}

// groupedByThousands checks "1.234.567": a first group of 1-3 digits, then
// groups of exactly 3.
func groupedByThousands(num []byte, sep byte) bool {
	group, first := 0, true
	for _, c := range num {
		if c == sep {
			if (first && (group == 0 || group > 3)) || (!first && group != 3) {
				return false
			}
			first, group = false, 0
			continue
		}
		group++
	}
	return first || group == 3
}

// italianMonths are the month names and abbreviations dates are written
// with, Italian and English ("genn.", "Sept.").
var italianMonths = map[string]time.Month{
	"gennaio": 1, "febbraio": 2, "marzo": 3, "aprile": 4, "maggio": 5, "giugno": 6,
	"luglio": 7, "agosto": 8, "settembre": 9, "ottobre": 10, "novembre": 11, "dicembre": 12,
	"gen": 1, "feb": 2, "mar": 3, "apr": 4, "mag": 5, "giu": 6, "lug": 7, "ago": 8,
	"set": 9, "ott": 10, "nov": 11, "dic": 12,
	"genn": 1, "febb": 2, "febbr": 2, "magg": 5, "giug": 6, "sett": 9,
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "dec": 12,
}

// ParseDate reads a day in any of the forms Italian spreadsheets use,
// always day first, and returns UTC midnight of that day. Timestamps with a
// zone are converted to Europe/Rome before the day is taken.
func ParseDate(s string) (time.Time, error) {
	return parseDate(s, false)
}

func parseDate(s string, date1904 bool) (time.Time, error) {
	return parseDateAs(s, dateStyle{date1904: date1904})
}

// parseDateAs reads a day as a column writes it (see dateStyle).
func parseDateAs(s string, st dateStyle) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, errMsg(msg.EmptyDate)
	}
	if t, ok := parseNumericDate(s, st.monthFirst); ok {
		return t, nil
	}
	if st.utc {
		if t, ok := parseNaiveUTC(s); ok {
			return t, nil
		}
	}
	if t, ok, err := parseISO(s); ok || err != nil {
		return t, err
	}
	if t, ok := unixDate(s); ok {
		return t, nil
	}
	if t, ok := parseSerial(s, st.date1904); ok {
		return t, nil
	}
	if t, ok := parseTextDate(s, st.utc); ok {
		return t, nil
	}
	return time.Time{}, errMsg(msg.NotADate)
}

// readInt reads up to max digits at s[i:].
func readInt(s string, i, max int) (v, next int) {
	next = i
	for next < len(s) && next-i < max && s[next] >= '0' && s[next] <= '9' {
		v = v*10 + int(s[next]-'0')
		next++
	}
	return v, next
}

func day(y, m, d int) (time.Time, bool) {
	if m < 1 || m > 12 || d < 1 || d > 31 || y < 1 || y > 9999 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return t, t.Day() == d
}

func fullYear(y, digits int) int {
	if digits != 2 {
		return y
	}
	if 2000+y > time.Now().Year()+1 {
		return 1900 + y
	}
	return 2000 + y
}

// unixDate reads a Unix timestamp in seconds (10 digits) or milliseconds
// (13 digits), the day taken in Rome. Shorter numbers are Excel serial
// days or yyyymmdd.
func unixDate(s string) (time.Time, bool) {
	if len(s) != 10 && len(s) != 13 {
		return time.Time{}, false
	}
	var n int64
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return time.Time{}, false
		}
		n = n*10 + int64(s[i]-'0')
	}
	if len(s) == 13 {
		n /= 1000
	}
	r := time.Unix(n, 0).In(rome)
	return time.Date(r.Year(), r.Month(), r.Day(), 0, 0, 0, 0, time.UTC), true
}

// parseNaiveUTC reads an ISO timestamp without a zone as UTC and takes
// its day in Rome.
func parseNaiveUTC(s string) (time.Time, bool) {
	if len(s) < 16 || (s[10] != ' ' && s[10] != 'T') {
		return time.Time{}, false
	}
	if _, ok := parseTimestamp(s); ok {
		return time.Time{}, false // it has its own zone
	}
	for _, layout := range []string{"2006-01-02 15:04:05", "2006-01-02T15:04:05", "2006-01-02 15:04", "2006-01-02T15:04"} {
		if t, err := time.Parse(layout, s); err == nil {
			r := t.In(rome)
			return time.Date(r.Year(), r.Month(), r.Day(), 0, 0, 0, 0, time.UTC), true
		}
	}
	return time.Time{}, false
}

// parseNumericDate reads dd/mm/yyyy, d/m/yy, dd-mm-yyyy, dd.mm.yyyy (or
// mm/dd/yyyy when monthFirst), with an optional time after a space
// (ignored: such exports are local time).
func parseNumericDate(s string, monthFirst bool) (time.Time, bool) {
	d, i := readInt(s, 0, 2)
	if i == 0 || i >= len(s) || !isDateSep(s[i]) {
		return time.Time{}, false
	}
	sep := s[i]
	m, j := readInt(s, i+1, 2)
	if j == i+1 || j >= len(s) || s[j] != sep {
		return time.Time{}, false
	}
	y, k := readInt(s, j+1, 4)
	if nd := k - j - 1; nd != 2 && nd != 4 {
		return time.Time{}, false
	}
	if k < len(s) && !isTimeTail(s[k:]) {
		return time.Time{}, false
	}
	if monthFirst {
		d, m = m, d
	}
	return day(fullYear(y, k-j-1), m, d)
}

func isDateSep(c byte) bool { return c == '/' || c == '-' || c == '.' }

// isTimeTail accepts " 12:30", " 12:30:00", " 12.30.00", "T12:30".
func isTimeTail(s string) bool {
	if s[0] != ' ' && s[0] != 'T' && s[0] != ',' {
		return false
	}
	s = strings.TrimSpace(s[1:])
	if s == "" {
		return true
	}
	h, i := readInt(s, 0, 2)
	return i > 0 && h < 24 && i < len(s) && (s[i] == ':' || s[i] == '.')
}

// parseISO reads yyyy-mm-dd, yyyy/mm/dd, yyyymmdd and ISO-8601 timestamps.
func parseISO(s string) (time.Time, bool, error) {
	y, i := readInt(s, 0, 4)
	if i != 4 {
		return time.Time{}, false, nil
	}
	if len(s) == 8 {
		m, _ := readInt(s, 4, 2)
		d, k := readInt(s, 6, 2)
		if k == 8 {
			t, ok := day(y, m, d)
			return t, ok, nil
		}
		return time.Time{}, false, nil
	}
	if i >= len(s) || (s[i] != '-' && s[i] != '/' && s[i] != '.') {
		return time.Time{}, false, nil
	}
	sep := s[i]
	m, j := readInt(s, i+1, 2)
	if j == i+1 || j >= len(s) || s[j] != sep {
		return time.Time{}, false, nil
	}
	d, k := readInt(s, j+1, 2)
	if k == j+1 {
		return time.Time{}, false, nil
	}
	t, ok := day(y, m, d)
	if !ok {
		return time.Time{}, false, errMsg(msg.NotADate)
	}
	if k == len(s) {
		return t, true, nil
	}
	if s[k] != 'T' && s[k] != ' ' {
		return time.Time{}, false, nil
	}
	if tz, ok := parseTimestamp(s); ok {
		r := tz.In(rome)
		return time.Date(r.Year(), r.Month(), r.Day(), 0, 0, 0, 0, time.UTC), true, nil
	}
	if isTimeTail(s[k:]) {
		return t, true, nil // no zone: the day as written
	}
	return time.Time{}, false, errMsg(msg.NotADate)
}

var timestampLayouts = []string{
	"2006-01-02T15:04:05Z07:00", "2006-01-02 15:04:05Z07:00",
	"2006-01-02T15:04:05Z0700", "2006-01-02 15:04:05Z0700",
	"2006-01-02T15:04Z07:00", "2006-01-02 15:04Z07:00",
	"2006-01-02 15:04:05 Z07:00", "2006-01-02 15:04:05 -0700",
	"2006-01-02T15:04:05Z07", "2006-01-02 15:04:05Z07",
}

// parseTimestamp reads a timestamp that carries a zone ("Z", "+02:00",
// " UTC").
func parseTimestamp(s string) (time.Time, bool) {
	if rest, ok := strings.CutSuffix(s, " UTC"); ok {
		s = rest + "Z"
	} else if rest, ok := strings.CutSuffix(s, " GMT"); ok {
		s = rest + "Z"
	}
	last := s[len(s)-1]
	if len(s) < 11 || (last != 'Z' && last != 'z' && !strings.ContainsAny(s[10:], "+-")) {
		return time.Time{}, false
	}
	for _, layout := range timestampLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// parseSerial reads an Excel serial day number (1900 or 1904 system);
// the fraction is the time of day and is dropped.
func parseSerial(s string, date1904 bool) (time.Time, bool) {
	intPart := s
	if i := strings.IndexByte(s, '.'); i >= 0 {
		intPart = s[:i]
		for _, c := range s[i+1:] {
			if c < '0' || c > '9' {
				return time.Time{}, false
			}
		}
	}
	n, err := strconv.Atoi(intPart)
	if err != nil || intPart == "" || intPart[0] == '+' || intPart[0] == '-' || n < 1 || n > 2958465 {
		return time.Time{}, false
	}
	return serialDay(n, date1904)
}

func serialDay(n int, date1904 bool) (time.Time, bool) {
	switch {
	case date1904:
		return time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n), true
	case n >= 61:
		return time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n), true
	case n == 60:
		return time.Time{}, false // Excel's fictitious 29 February 1900
	}
	return time.Date(1899, 12, 31, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n), true
}

// parseTextDate reads a date whose month is written as a name (see
// monthNameDate), with an optional time: a time with a zone, or under a
// header naming UTC, is taken to its day in Rome; without, the day as
// written.
func parseTextDate(s string, utc bool) (time.Time, bool) {
	y, m, d, rest, ok := monthNameDate(s)
	if !ok {
		return time.Time{}, false
	}
	t, ok := day(y, m, d)
	if !ok || rest == "" {
		return t, ok
	}
	clock, zone, err := parseClock(rest)
	if err != nil {
		return time.Time{}, false
	}
	loc := (*time.Location)(nil)
	switch {
	case zone != "":
		if loc, err = zoneByName(zone); err != nil {
			return time.Time{}, false
		}
	case utc:
		loc = time.UTC
	default:
		return t, true
	}
	at := time.Date(y, time.Month(m), d, 0, 0, 0, 0, loc).Add(clock).In(rome)
	return time.Date(at.Year(), at.Month(), at.Day(), 0, 0, 0, 0, time.UTC), true
}

// monthNameDate reads the day of a date whose month is a name, English
// or Italian, full or abbreviated, any case, with or without a full
// stop: "6 novembre 2020", "06-nov-2020", "5 genn. 2021", "Jan. 05,
// 2021" (Bitstamp), "January 5, 2021", "2021-Jan-05". rest is what
// follows the year (a time, "03:04 PM"), without the separators before it.
func monthNameDate(s string) (y, m, d int, rest string, ok bool) {
	var tok [3]string
	i := 0
	for k := range tok {
		for i < len(s) && isTextDateSep(s[i]) {
			i++
		}
		j := i
		for j < len(s) && !isTextDateSep(s[j]) {
			j++
		}
		if j == i {
			return 0, 0, 0, "", false
		}
		tok[k], i = s[i:j], j
	}
	rest = strings.TrimLeft(s[i:], " ,.-/")
	num := func(t string, min, max int) (int, bool) {
		if len(t) < min || len(t) > max {
			return 0, false
		}
		v, n := readInt(t, 0, max)
		return v, n == len(t)
	}
	name := func(t string) (int, bool) {
		mo, ok := italianMonths[strings.ToLower(t)]
		return int(mo), ok
	}
	var okD, okM, okY bool
	switch {
	case isDigit(tok[0][0]) && len(tok[0]) == 4: // 2021-Jan-05
		y, okY = num(tok[0], 4, 4)
		m, okM = name(tok[1])
		d, okD = num(tok[2], 1, 2)
	case isDigit(tok[0][0]): // 5 gennaio 2021
		d, okD = num(tok[0], 1, 2)
		m, okM = name(tok[1])
		y, okY = num(tok[2], 2, 4)
		y = fullYear(y, len(tok[2]))
	default: // Jan. 05, 2021
		m, okM = name(tok[0])
		d, okD = num(tok[1], 1, 2)
		y, okY = num(tok[2], 4, 4)
	}
	if !okD || !okM || !okY || len(tok[2]) == 3 {
		return 0, 0, 0, "", false
	}
	return y, m, d, rest, true
}

// isTextDateSep: what separates the parts of a date written with a month
// name ("Jan. 05, 2021", "06-nov-2020", "05/gen/2021").
func isTextDateSep(c byte) bool {
	return c == ' ' || c == '-' || c == '/' || c == ',' || c == '.'
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// parseMonth reads a benefit month: yyyy-mm, mm/yyyy, "maggio 2020", or
// any date in the month; the result is the first day of the month.
func parseMonth(s string, date1904 bool) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, errMsg(msg.EmptyMonth)
	}
	if y, i := readInt(s, 0, 4); i == 4 && i < len(s) && (s[i] == '-' || s[i] == '/') {
		if m, j := readInt(s, i+1, 2); j == len(s) && j > i+1 {
			if t, ok := day(y, m, 1); ok {
				return t, nil
			}
		}
	}
	if m, i := readInt(s, 0, 2); i > 0 && i < len(s) && (s[i] == '/' || s[i] == '-' || s[i] == '.') {
		if y, j := readInt(s, i+1, 4); j == len(s) && j-i-1 == 4 {
			if t, ok := day(y, m, 1); ok {
				return t, nil
			}
		}
	}
	if f := strings.Fields(strings.ToLower(s)); len(f) == 2 {
		if m, ok := italianMonths[f[0]]; ok {
			if y, err := strconv.Atoi(f[1]); err == nil {
				if t, ok := day(fullYear(y, len(f[1])), int(m), 1); ok {
					return t, nil
				}
			}
		}
	}
	t, err := parseDate(s, date1904)
	if err != nil {
		return time.Time{}, errMsg(msg.NotAMonth)
	}
	return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC), nil
}

// parseShare reads an ownership share: "50%", "50", "0,5", "1/2".
func parseShare(s string) (decimal.Decimal, error) {
	s = strings.TrimSpace(s)
	hundred := decimal.NewFromInt(100)
	var v decimal.Decimal
	var err error
	switch {
	case strings.HasSuffix(s, "%"):
		v, err = ParseAmount(strings.TrimSuffix(s, "%"), NotationUnknown)
		v = v.Div(hundred)
	case strings.Contains(s, "/"):
		a, b, _ := strings.Cut(s, "/")
		var num, den decimal.Decimal
		num, err = ParseAmount(a, NotationUnknown)
		if err == nil {
			den, err = ParseAmount(b, NotationUnknown)
		}
		if err == nil && den.IsZero() {
			err = errMsg(msg.ZeroDenominator)
		}
		if err == nil {
			v = num.DivRound(den, 12)
		}
	default:
		v, err = ParseAmount(s, NotationUnknown)
		if err == nil && v.GreaterThan(decimal.NewFromInt(1)) {
			v = v.Div(hundred)
		}
	}
	if err != nil {
		return decimal.Zero, errMsg(msg.NotAShare)
	}
	if !v.IsPositive() || v.GreaterThan(decimal.NewFromInt(1)) {
		return decimal.Zero, errMsg(msg.ShareOutside)
	}
	return v, nil
}
