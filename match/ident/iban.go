package ident

import (
	"errors"
	"strconv"
	"strings"

	"github.com/crosscheck/crosscheck/msg"
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
		return errMsg(msg.IBANShort, msg.Text(s))
	}
	cc := iban[:2]
	if !isLetter(cc[0]) || !isLetter(cc[1]) {
		return errMsg(msg.IBANCountryLetters, msg.Text(s))
	}
	if !isDigit(iban[2]) || !isDigit(iban[3]) {
		return errMsg(msg.IBANCheckDigitsPlace, msg.Text(s))
	}
	country, ok := ibanCountries[cc]
	if !ok {
		return errMsg(msg.IBANCountry, msg.Text(s), msg.Text(cc))
	}
	if len(iban) != country.length {
		return errMsg(msg.IBANLength, msg.Text(s), msg.Int(len(iban)), msg.Text(cc), msg.Int(country.length))
	}
	if err := checkBBAN(iban[4:], country.format); err != nil {
		return errMsg(msg.IBANBad, msg.Text(s), msg.Nested(Message(err)))
	}
	if ibanMod97(iban) != 1 {
		return errMsg(msg.IBANCheckDigits, msg.Text(s), msg.Text(iban[2:4]))
	}
	if cc == "IT" || cc == "SM" {
		if want, _ := checkChar(iban[5:]); iban[4] != want {
			return errMsg(msg.IBANCIN, msg.Text(s), char(want), char(iban[4]))
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
					return errMsg(msg.IBANAccountShort)
				}
				break
			}
			if !inClass(bban[pos], class) {
				if fixed {
					return errMsg(msg.IBANAccountChar, msg.Int(pos+5), char(bban[pos]), msg.Term(className(class)))
				}
				break
			}
			pos++
		}
	}
	if pos != len(bban) {
		return errMsg(msg.IBANAccountExtra, msg.Int(pos+5))
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
