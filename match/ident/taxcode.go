// Package ident normalises and validates the identifiers investigators
// write in their spreadsheets: the personal codice fiscale, IBANs, crypto
// addresses, and the generic matching key used to join a suspect's
// identifiers with a payment's payee account.
//
// Nothing here panics on bad input: every check returns an error saying in
// plain words what is wrong, so the error can go straight into an Issue.
package ident

import (
	"fmt"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/match/names"
	"github.com/crosscheck/crosscheck/msg"
)

// TaxCode is a parsed personal codice fiscale.
type TaxCode struct {
	Raw       string // as given
	Code      string // normalised: upper case, spaces and '-' removed
	Canonical string // omocodia letters in positions 7,8,10,11,13,14,15 mapped back to digits, check char recomputed
	Omocodic  bool
	Sex       string     // "M" or "F"
	YY        int        // two-digit year
	Month     time.Month // from the month letter
	Day       int        // 1..31 (40 already subtracted for women)
	Place     string     // Belfiore code, canonical (e.g. "L219", "Z330")
}

// DefaultPivot is the first year of the century window BirthDate uses when
// given pivot 0: python-stdnum's default (1920..2019).
const DefaultPivot = 1920

const (
	taxCodeLen      = 16
	monthLetters    = "ABCDEHLMPRST"
	omocodiaLetters = "LMNPQRSTUV" // digit d is written omocodiaLetters[d]
)

// omocodicPositions are the 0-based positions of the 7 digits that omocodia
// may replace by letters: year, day and the 3 digits of the place code.
var omocodicPositions = [7]int{6, 7, 9, 10, 12, 13, 14}

// oddValues is the check-character value of a character in an odd 1-based
// position, indexed by letter (A..Z); digit d takes the value of letter d.
var oddValues = [26]int{1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23}

// checkValue gives the value of c at 0-based index i in the codice fiscale
// (and Italian CIN) algorithm, or -1 when c is not an upper-case letter or
// digit.
func checkValue(c byte, i int) int {
	var k int
	switch {
	case c >= '0' && c <= '9':
		k = int(c - '0')
	case c >= 'A' && c <= 'Z':
		k = int(c - 'A')
	default:
		return -1
	}
	if i%2 == 0 { // 1-based odd position
		return oddValues[k]
	}
	return k
}

// checkChar computes the mod-26 check letter over s (upper-case letters and
// digits). ok is false when s holds another character.
func checkChar(s string) (c byte, ok bool) {
	sum := 0
	for i := 0; i < len(s); i++ {
		v := checkValue(s[i], i)
		if v < 0 {
			return 0, false
		}
		sum += v
	}
	return byte('A' + sum%26), true
}

// compactUpper upper-cases ASCII letters and removes spaces, '-' and '.'
// (the separators of printed IBANs and codes). It
// returns s itself when nothing changes, so clean input costs no
// allocation.
func compactUpper(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' || c == '-' || c == '.' || c == '\t' || (c >= 'a' && c <= 'z') {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ' || c == '-' || c == '.' || c == '\t':
		case c >= 'a' && c <= 'z':
			b.WriteByte(c - 'a' + 'A')
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func isLetter(c byte) bool { return c >= 'A' && c <= 'Z' }
func isDigit(c byte) bool  { return c >= '0' && c <= '9' }

// omocodicDigit returns the digit c stands for in a substitutable position
// (the digit itself or its omocodia letter), or -1.
func omocodicDigit(c byte) int {
	if isDigit(c) {
		return int(c - '0')
	}
	if i := strings.IndexByte(omocodiaLetters, c); i >= 0 && isLetter(c) {
		return i
	}
	return -1
}

// ParseTaxCode normalises and validates a personal codice fiscale: the
// format of DOMAIN 1.1 including omocodic forms, the month letter, the day
// (1-31 men, 41-71 women), a date possible in at least one of the two
// candidate centuries, and the check character. On error only Raw and Code
// are set. An 11-digit numeric code
// (legal entity, or a provisional code) is refused: it is not a personal
// code and carries no birth data.
func ParseTaxCode(s string) (TaxCode, error) {
	t := TaxCode{Raw: s, Code: compactUpper(strings.TrimSpace(s))}
	code := t.Code
	if len(code) != taxCodeLen {
		if len(code) == 11 && allDigits(code) {
			return t, errMsg(msg.TaxCode11Digits, msg.Text(s))
		}
		return t, errMsg(msg.TaxCodeLength, msg.Text(s), msg.Int(len(code)))
	}
	if err := checkTaxCodeFormat(code); err != nil {
		return t, errMsg(msg.TaxCodeBad, msg.Text(s), msg.Nested(Message(err)))
	}
	if err := t.decode(code); err != nil {
		return TaxCode{Raw: t.Raw, Code: t.Code}, errMsg(msg.TaxCodeBad, msg.Text(s), msg.Nested(Message(err)))
	}
	want, _ := checkChar(code[:15])
	if code[15] != want {
		return TaxCode{Raw: t.Raw, Code: t.Code}, errMsg(msg.TaxCodeCheckChar, msg.Text(s), char(want), char(code[15]))
	}
	t.Canonical, t.Omocodic = canonicalTaxCode(code)
	t.Place = t.Canonical[11:15]
	return t, nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

// checkTaxCodeFormat checks every character's class (stdnum's regex),
// naming the first one that is wrong.
func checkTaxCodeFormat(code string) error {
	for i := 0; i < taxCodeLen; i++ {
		c := code[i]
		switch i {
		case 0, 1, 2, 3, 4, 5:
			if !isLetter(c) {
				if i >= 3 {
					return errMsg(msg.TaxCodeNameLetter, msg.Int(i+1), char(c))
				}
				return errMsg(msg.TaxCodeSurnameLetter, msg.Int(i+1), char(c))
			}
		case 6, 7, 9, 10, 12, 13, 14:
			if omocodicDigit(c) < 0 {
				return errMsg(msg.TaxCodeDigit, msg.Int(i+1), char(c), msg.Text(omocodiaLetters))
			}
		case 8:
			if strings.IndexByte(monthLetters, c) < 0 {
				return errMsg(msg.TaxCodeMonth, char(c), msg.Text(monthLetters))
			}
		case 11:
			if !isLetter(c) {
				return errMsg(msg.TaxCodePlaceLetter, char(c))
			}
		case 15:
			if !isLetter(c) {
				return errMsg(msg.TaxCodeCheckLetter, char(c))
			}
		}
	}
	return nil
}

// decode fills sex, year, month and day from a well-formed code.
func (t *TaxCode) decode(code string) error {
	t.YY = omocodicDigit(code[6])*10 + omocodicDigit(code[7])
	t.Month = time.Month(strings.IndexByte(monthLetters, code[8]) + 1)
	day := omocodicDigit(code[9])*10 + omocodicDigit(code[10])
	switch {
	case day >= 1 && day <= 31:
		t.Sex, t.Day = "M", day
	case day >= 41 && day <= 71:
		t.Sex, t.Day = "F", day-40
	default:
		return errMsg(msg.TaxCodeDay, msg.Text(fmt.Sprintf("%02d", day)))
	}
	if !dateExists(1900+t.YY, t.Month, t.Day) && !dateExists(2000+t.YY, t.Month, t.Day) {
		return errMsg(msg.TaxCodeDate, msg.Int(t.Day), msg.Month(time.Date(2000, t.Month, 1, 0, 0, 0, 0, time.UTC)))
	}
	return nil
}

func dateExists(y int, m time.Month, d int) bool {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Day() == d
}

// canonicalTaxCode maps omocodia letters back to digits and recomputes the
// check character; it returns code itself when it is not omocodic.
func canonicalTaxCode(code string) (string, bool) {
	omocodic := false
	for _, p := range omocodicPositions {
		if !isDigit(code[p]) {
			omocodic = true
			break
		}
	}
	if !omocodic {
		return code, false
	}
	var b [taxCodeLen]byte
	copy(b[:], code)
	for _, p := range omocodicPositions {
		b[p] = byte('0' + omocodicDigit(b[p]))
	}
	b[15], _ = checkChar(string(b[:15]))
	return string(b[:]), true
}

// BirthDate gives the birth date at UTC midnight. The code stores only two
// year digits: when hint is non-zero and its yy/mm/dd agree with the code,
// hint's year wins (the spreadsheet's birth date column); otherwise the year
// is taken in [pivot, pivot+99] (pivot 0 means DefaultPivot). A 29 February
// that does not exist in the chosen year moves to the nearest century where
// it does.
func (t TaxCode) BirthDate(hint time.Time, pivot int) time.Time {
	if t.Month < time.January || t.Month > time.December || t.Day < 1 {
		return time.Time{}
	}
	if !hint.IsZero() && hint.Year()%100 == t.YY && hint.Month() == t.Month && hint.Day() == t.Day {
		return time.Date(hint.Year(), t.Month, t.Day, 0, 0, 0, 0, time.UTC)
	}
	if pivot == 0 {
		pivot = DefaultPivot
	}
	y := pivot - mod(pivot, 100) + t.YY
	if y < pivot {
		y += 100
	}
	for _, cand := range [3]int{y, y + 100, y - 100} {
		if dateExists(cand, t.Month, t.Day) {
			return time.Date(cand, t.Month, t.Day, 0, 0, 0, 0, time.UTC)
		}
	}
	return time.Time{}
}

func mod(a, b int) int {
	m := a % b
	if m < 0 {
		m += b
	}
	return m
}

// Agrees compares a record's birth date and sex with the code. Only yy/mm/dd
// are compared (the code has no century). An unknown value (zero date, empty
// sex) agrees.
func (t TaxCode) Agrees(birth time.Time, sex string) (dateOK, sexOK bool) {
	dateOK = birth.IsZero() ||
		(birth.Year()%100 == t.YY && birth.Month() == t.Month && birth.Day() == t.Day)
	sex = strings.TrimSpace(sex)
	sexOK = sex == "" || strings.EqualFold(sex, t.Sex)
	return dateOK, sexOK
}

// EncodeTaxCode computes the canonical code from surname, name, sex ("M" or
// "F"), birth date and Belfiore place code. It is meant for generating
// synthetic test data, so it does not validate its input.
func EncodeTaxCode(surname, name, sex string, birth time.Time, place string) string {
	var b strings.Builder
	b.Grow(taxCodeLen)
	b.WriteString(SurnameCode(surname))
	b.WriteString(NameCode(name))
	b.WriteString(DateCode(birth, sex))
	b.WriteString(strings.ToUpper(strings.TrimSpace(place)))
	c, ok := checkChar(b.String())
	if !ok || b.Len() != 15 {
		c = 'X' // malformed place: the code is invalid anyway
	}
	b.WriteByte(c)
	return b.String()
}

// SurnameCode encodes a surname (DOMAIN 1.2): first three consonants, then
// vowels, then X padding. Accents and non-letters are ignored.
func SurnameCode(surname string) string {
	cons, vows := splitLetters(surname)
	return padX(cons + vows)
}

// NameCode encodes a first name: with 4 or more consonants the 1st, 3rd and
// 4th; otherwise as a surname.
func NameCode(name string) string {
	cons, vows := splitLetters(name)
	if len(cons) >= 4 {
		return cons[0:1] + cons[2:4]
	}
	return padX(cons + vows)
}

// DateCode encodes the birth date and sex: yy, month letter, day (+40 for
// "F").
func DateCode(birth time.Time, sex string) string {
	day := birth.Day()
	if strings.EqualFold(strings.TrimSpace(sex), "F") {
		day += 40
	}
	return fmt.Sprintf("%02d%c%02d", birth.Year()%100, monthLetters[birth.Month()-1], day)
}

// splitLetters returns the consonants and the vowels of s in order, after
// removing accents; J, K, W, X and Y are consonants.
func splitLetters(s string) (cons, vows string) {
	var c, v []byte
	n := names.Normalize(s)
	for i := 0; i < len(n); i++ {
		ch := n[i]
		switch {
		case strings.IndexByte("AEIOU", ch) >= 0:
			v = append(v, ch)
		case isLetter(ch):
			c = append(c, ch)
		}
	}
	return string(c), string(v)
}

func padX(s string) string {
	s += "XXX"
	return s[:3]
}
