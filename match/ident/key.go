package ident

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/msg"
)

// Key is the matching key of an identifier string, decided by its shape
// alone so that the same function serves both sides of attribution (a
// suspect's identifiers and a payment's payee account):
//
//   - Telegram "@handle", t.me/handle, telegram.me/handle → "@" + lower handle
//   - e-mail (one '@' inside) → lower case
//   - Ethereum 0x + 40 hex (or 40 hex alone) → "0x" + lower case
//   - TRON hex form "41" + 40 hex → its base58check form "T..."
//   - IBAN-looking (2 letters, 2 digits, alphanumerics, spaces or '-'
//     allowed, optional "IBAN" label) → NormalizeIBAN
//   - bech32 (hrp bc, tb, bcrt or ltc + "1" + charset, one case) → lower case
//   - card or phone number (digits, spaces, '-', '.', '/', brackets, leading
//     '+' or "00") → digits only, with "+" kept for international phones
//   - anything else, base58 addresses included → trimmed, inner spaces
//     folded to one, case kept
//
// A crypto address written in groups ("bc1q w508 d6qe…", "0x5aAe-b605…")
// is joined first when the joined text has the address's shape (0x + 40
// hex digits, a bech32 prefix and charset) or, for base58 whose shape
// any word has, when it passes its checksum. The check digits never
// decide the rest: a key is formatting only, and Check says whether the
// digits hold.
//
// Key is idempotent: Key(Key(s)) == Key(s).
func Key(s string) string {
	// Fold white space first so every shape test sees the same spacing
	// (a newline inside a cell must not change the shape).
	s = foldSpaces(strings.TrimSpace(s))
	if s == "" {
		return ""
	}
	if k, ok := telegramKey(s); ok {
		return k
	}
	if k, ok := emailKey(s); ok {
		return k
	}
	if c, ok := joinAddress(s); ok {
		s = c
	}
	if isETHShape(s) {
		if strings.HasPrefix(s, "0x") {
			return lowerASCII(s)
		}
		return "0x" + lowerASCII(s)
	}
	if len(s) >= 42 {
		if k, ok := tronFromHex(s); ok {
			return k
		}
	}
	if k, ok := ibanKey(s); ok {
		return k
	}
	if isBech32Shape(s) {
		return lowerASCII(s)
	}
	if k, ok := numberKey(s); ok {
		return k
	}
	return foldSpaces(s)
}

// joinAddress removes the spaces, '-' and '.' that group a crypto
// address written for reading; ok is false when s has none or the joined
// text is not an address's shape.
func joinAddress(s string) (string, bool) {
	if !strings.ContainsAny(s, " -.") || len(s) < 26 {
		return "", false
	}
	j := strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' || r == '.' {
			return -1
		}
		return r
	}, s)
	switch {
	case len(j) == 42 && strings.HasPrefix(j, "0x") && isETHShape(j):
		return j, true
	case isBech32Shape(j):
		return j, true
	case len(j) >= 26 && len(j) <= 106 && isBase58(j):
		if _, err := CheckAddress(j); err == nil {
			return j, true
		}
	}
	return "", false
}

// lowerASCII lower-cases ASCII letters, returning s itself when nothing
// changes.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

func emailKey(s string) (string, bool) {
	at := strings.IndexByte(s, '@')
	if at <= 0 || at == len(s)-1 || strings.IndexByte(s[at+1:], '@') >= 0 || strings.ContainsAny(s, " \t") {
		return "", false
	}
	if lowerASCII(s) == s && !hasUpperNonASCII(s) {
		return s, true
	}
	return strings.ToLower(s), true
}

// telegramKey recognises "@handle" and t.me / telegram.me links.
func telegramKey(s string) (string, bool) {
	var handle string
	if s[0] == '@' {
		handle = s[1:]
	} else {
		l := trimPrefixFold(trimPrefixFold(trimPrefixFold(s, "https://"), "http://"), "www.")
		for _, host := range [...]string{"t.me/", "telegram.me/", "telegram.dog/"} {
			if rest := trimPrefixFold(l, host); len(rest) < len(l) {
				handle = strings.TrimPrefix(strings.TrimRight(rest, "/"), "@")
				break
			}
		}
	}
	if handle == "" || strings.ContainsAny(handle, " \t/@") {
		return "", false
	}
	if len(handle)+1 == len(s) && lowerASCII(handle) == handle && !hasUpperNonASCII(handle) {
		return s, true // already "@handle" in lower case
	}
	return "@" + strings.ToLower(handle), true
}

// trimPrefixFold removes prefix (lower-case ASCII) from s ignoring case.
func trimPrefixFold(s, prefix string) string {
	if len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) {
		return s[len(prefix):]
	}
	return s
}

func hasUpperNonASCII(s string) bool {
	for _, r := range s {
		if r >= utf8.RuneSelf && unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// ibanKey recognises an IBAN by shape: optional "IBAN" label, 2 letters,
// 2 digits, then 11 to 30 letters or digits, spaces and '-' ignored. A
// base58 crypto address can have that shape too ("TX12..."), so a valid
// address that is not a valid IBAN keeps its case.
func ibanKey(s string) (string, bool) {
	if !ibanPrefixShape(trimPrefixFold(s, "iban")) {
		return "", false
	}
	n := NormalizeIBAN(s)
	if len(n) < 15 || len(n) > 34 || !isLetter(n[0]) || !isLetter(n[1]) || !isDigit(n[2]) || !isDigit(n[3]) {
		return "", false
	}
	for i := 4; i < len(n); i++ {
		if !isLetter(n[i]) && !isDigit(n[i]) {
			return "", false
		}
	}
	if _, known := ibanCountries[n[:2]]; !known {
		return "", false
	}
	if hasLowerASCII(s) && isBase58(s) && CheckIBAN(n) != nil {
		if _, err := CheckAddress(s); err == nil {
			return "", false
		}
	}
	return n, true
}

// ibanPrefixShape is a cheap pre-test: after an optional ':' and spaces, two
// letters of a known country code and two digits (any case).
func ibanPrefixShape(s string) bool {
	s = strings.TrimLeft(s, ": \t")
	if len(s) < 4 || !isDigit(s[2]) || !isDigit(s[3]) {
		return false
	}
	cc := [2]byte{s[0] &^ 0x20, s[1] &^ 0x20} // ASCII upper case
	_, ok := ibanCountries[string(cc[:])]
	return ok
}

func hasLowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'a' && c <= 'z' {
			return true
		}
	}
	return false
}

// isBech32Shape reports hrp bc/tb/bcrt/ltc + '1' + bech32 charset, one
// case, without checking the checksum.
func isBech32Shape(s string) bool {
	if len(s) < 8 || len(s) > bech32MaxLen || !looksSegwit(s) {
		return false
	}
	sep := strings.LastIndexByte(s, '1')
	upper, lower := false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			upper = true
			c += 'a' - 'A'
		case c >= 'a' && c <= 'z':
			lower = true
		}
		if i > sep && bech32Index[c] < 0 {
			return false
		}
	}
	return !(upper && lower)
}

// numberKey recognises card and phone numbers: digits with spaces, '-',
// '.', '/' or brackets between them, at least 6 digits, and an optional
// leading '+' or "00" (international prefix, kept as "+").
func numberKey(s string) (string, bool) {
	plus := false
	rest := s
	if rest[0] == '+' {
		plus, rest = true, rest[1:]
	}
	var buf [40]byte
	b := buf[:0]
	for i := 0; i < len(rest); i++ {
		c := rest[i]
		switch {
		case isDigit(c):
			if len(b) == len(buf) {
				return "", false
			}
			b = append(b, c)
		case c == ' ' || c == '-' || c == '.' || c == '/' || c == '(' || c == ')':
		default:
			return "", false
		}
	}
	if !plus && len(b) > 2 && b[0] == '0' && b[1] == '0' {
		plus, b = true, b[2:]
	}
	if len(b) < 6 {
		return "", false
	}
	if plus {
		if len(s) == len(b)+1 && s[0] == '+' {
			return s, true // already a key
		}
		return "+" + string(b), true
	}
	if len(s) == len(b) {
		return s, true
	}
	return string(b), true
}

// foldSpaces trims and folds runs of white space to one space.
func foldSpaces(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\t' || c == '\n' || c == '\r' || c >= 0x80 || (c == ' ' && i+1 < len(s) && s[i+1] == ' ') {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
}

// Check validates an identifier of a known kind: iban → CheckIBAN, wallet
// → CheckAddress, card → 13-19 digits with a valid Luhn digit, email → one
// '@' and a dot in the domain, phone → 6-15 digits, paypal → an e-mail or
// an alphanumeric id, telegram and account → not empty. It returns nil when
// the value is fine.
func Check(kind ledger.IdentKind, s string) error {
	s = strings.TrimSpace(s)
	if s == "" {
		return errMsg(msg.IdentEmpty, msg.Text(string(kind)))
	}
	switch kind {
	case ledger.IdentIBAN:
		return CheckIBAN(s)
	case ledger.IdentWallet:
		_, err := CheckAddress(s)
		return err
	case ledger.IdentCard:
		return checkCard(s)
	case ledger.IdentEmail:
		return checkEmail(s)
	case ledger.IdentPhone:
		return checkPhone(s)
	case ledger.IdentPayPal:
		if strings.Contains(s, "@") {
			return checkEmail(s)
		}
		for _, r := range s {
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				return errMsg(msg.PayPalIDBad, msg.Text(strconv.Quote(s)))
			}
		}
		return nil
	case ledger.IdentTelegram, ledger.IdentAccount:
		return nil
	}
	return errMsg(msg.IdentKindUnknown, msg.Text(strconv.Quote(string(kind))))
}

func checkCard(s string) error {
	k, ok := numberKey(s)
	if !ok || k[0] == '+' {
		return errMsg(msg.CardNotDigits, msg.Text(strconv.Quote(s)))
	}
	if len(k) < 13 || len(k) > 19 {
		return errMsg(msg.CardLength, msg.Text(strconv.Quote(s)), msg.Int(len(k)))
	}
	if !luhnValid(k) {
		return errMsg(msg.CardLuhn, msg.Text(strconv.Quote(s)))
	}
	return nil
}

// luhnValid checks the Luhn (mod 10) digit of a string of digits.
func luhnValid(digits string) bool {
	sum := 0
	double := false
	for i := len(digits) - 1; i >= 0; i-- {
		d := int(digits[i] - '0')
		if double {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
		double = !double
	}
	return sum%10 == 0
}

func checkEmail(s string) error {
	at := strings.IndexByte(s, '@')
	if at <= 0 || strings.Count(s, "@") != 1 {
		return errMsg(msg.EmailAt, msg.Text(strconv.Quote(s)))
	}
	domain := s[at+1:]
	dot := strings.LastIndexByte(domain, '.')
	if dot <= 0 || dot == len(domain)-1 {
		return errMsg(msg.EmailDomainDot, msg.Text(strconv.Quote(s)), msg.Text(strconv.Quote(domain)))
	}
	if strings.ContainsAny(s, " \t,;") {
		return errMsg(msg.EmailSpaces, msg.Text(strconv.Quote(s)))
	}
	return nil
}

func checkPhone(s string) error {
	k, ok := numberKey(s)
	if !ok {
		return errMsg(msg.PhoneNotDigits, msg.Text(strconv.Quote(s)))
	}
	n := len(strings.TrimPrefix(k, "+"))
	if n < 6 || n > 15 {
		return errMsg(msg.PhoneLength, msg.Text(strconv.Quote(s)), msg.Int(n))
	}
	return nil
}
