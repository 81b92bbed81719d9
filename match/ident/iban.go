package ident

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

type ibanCountry struct {
	length int
	format string // SWIFT BBAN format, e.g. "1!a5!n5!n12!c"
}

// NormalizeIBAN gives the electronic form of an IBAN: upper case, spaces
// and '-' removed, and a leading "IBAN" label (as printed on statements,
// also "IBAN:") removed. It does not validate.
func NormalizeIBAN(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= 4 && strings.EqualFold(s[:4], "IBAN") {
		// No country code is "IB", so the label cannot be part of an IBAN.
		s = strings.TrimLeft(s[4:], ": \t")
	}
	return compactUpper(s)
}

// CheckIBAN validates an IBAN after NormalizeIBAN: known country, the
// country's length and BBAN format, the ISO 7064 mod 97-10 check digits,
// and for Italy and San Marino the CIN letter. The error names the first
// problem found.
func CheckIBAN(s string) error {
	iban := NormalizeIBAN(s)
	if len(iban) < 5 {
		return fmt.Errorf("IBAN %q is too short", s)
	}
	cc := iban[:2]
	if !isLetter(cc[0]) || !isLetter(cc[1]) {
		return fmt.Errorf("IBAN %q should start with a 2-letter country code", s)
	}
	if !isDigit(iban[2]) || !isDigit(iban[3]) {
		return fmt.Errorf("IBAN %q: characters 3-4 should be the check digits", s)
	}
	country, ok := ibanCountries[cc]
	if !ok {
		return fmt.Errorf("IBAN %q: unknown country code %s", s, cc)
	}
	if len(iban) != country.length {
		return fmt.Errorf("IBAN %q: wrong length %d (a %s IBAN has %d characters)", s, len(iban), cc, country.length)
	}
	if err := checkBBAN(iban[4:], country.format); err != nil {
		return fmt.Errorf("IBAN %q: %w", s, err)
	}
	if ibanMod97(iban) != 1 {
		return fmt.Errorf("IBAN %q: check digits %s are wrong (mod-97 check fails)", s, iban[2:4])
	}
	if cc == "IT" || cc == "SM" {
		if want, _ := checkChar(iban[5:]); iban[4] != want {
			return fmt.Errorf("IBAN %q: Italian CIN should be %c, not %c", s, want, iban[4])
		}
	}
	return nil
}

// checkBBAN checks the BBAN against a SWIFT format such as "1!a5!n5!n12!c".
func checkBBAN(bban, format string) error {
	pos := 0
	for format != "" {
		i := 0
		for i < len(format) && isDigit(format[i]) {
			i++
		}
		n, err := strconv.Atoi(format[:i])
		if err != nil || i == len(format) {
			return errors.New("bad BBAN format table entry " + format)
		}
		format = format[i:]
		fixed := format[0] == '!'
		if fixed {
			format = format[1:]
		}
		if format == "" {
			return errors.New("bad BBAN format table entry")
		}
		class := format[0]
		format = format[1:]
		for count := 0; count < n; count++ {
			if pos >= len(bban) {
				if fixed {
					return errors.New("account part is too short")
				}
				break
			}
			if !inClass(bban[pos], class) {
				if fixed {
					return fmt.Errorf("character %d %q of the account part should be %s", pos+5, bban[pos], className(class))
				}
				break
			}
			pos++
		}
	}
	if pos != len(bban) {
		return fmt.Errorf("account part has extra characters from position %d", pos+5)
	}
	return nil
}

func inClass(c, class byte) bool {
	switch class {
	case 'n':
		return isDigit(c)
	case 'a':
		return isLetter(c)
	case 'c':
		return isDigit(c) || isLetter(c)
	case 'e':
		return c == ' '
	}
	return false
}

func className(class byte) string {
	switch class {
	case 'n':
		return "a digit"
	case 'a':
		return "a letter"
	case 'c':
		return "a letter or digit"
	}
	return "a space"
}

// ibanMod97 computes the ISO 7064 mod 97-10 remainder of an upper-case
// IBAN (first four characters moved to the end, letters as 10..35),
// incrementally because the number does not fit in 64 bits. It returns -1
// for a character that is neither a digit nor an upper-case letter.
func ibanMod97(iban string) int {
	r := 0
	for k := 0; k < len(iban); k++ {
		c := iban[(k+4)%len(iban)]
		switch {
		case isDigit(c):
			r = (r*10 + int(c-'0')) % 97
		case isLetter(c):
			r = (r*100 + int(c-'A') + 10) % 97
		default:
			return -1
		}
	}
	return r
}
