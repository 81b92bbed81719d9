package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The payer named in a statement's description, for rows whose export
// has no payer column. Five wordings are read, first match wins:
//
//	A VOSTRO|SUO|TUO FAVORE DA [:] NAME
//	MITTENTE|MITT.|MITT : NAME
//	ORDINANTE|ORD. : NAME
//	BONIFICO|BON.|GIROFONDO|P2P|RICARICA|ACCREDITO [SEPA|ISTANTANEO|ISTANT.|IN ENTRATA|RICEVUTO|POSTEPAY|ESTERO]... DA [:] NAME
//	PAYMENT|TRANSFER|MONEY ADDED FROM NAME        (at the start only)
//
// NAME ends before the first following word that starts another field
// (CAUSALE, CRO, BENEF. ...) or a comma, semicolon or slash. Words are
// compared ignoring case (Unicode simple folding), a word starts where
// the text has no letter, digit or underscore before it. Each wording
// is matched by hand: a regular expression per row cost about 3 µs, a
// third of a second per 100,000 statement rows. payer_test.go keeps the
// regular expressions as the oracle the matcher is fuzzed against.

// Words that end the name: the next field of the description.
var (
	payerEndsIT    = []string{"CAUSALE", "CAUS.", "CAUS", "PER", "CRO", "TRN", "RIF.", "RIF", "ID", "NOTE", "DATA", "BIC", "IBAN", "COD.", "COD"}
	payerEndsTrf   = []string{"CAUSALE", "CAUS.", "CAUS", "PER", "CRO", "TRN", "RIF.", "RIF", "ID", "NOTE", "DATA", "BIC", "IBAN"}
	payerEndsParty = []string{"BENEF.", "BENEF", "BENEFICIARIO", "CAUSALE", "CAUS.", "CAUS", "DATA", "CRO", "TRN", "IBAN", "BIC"}
	payerEndsEN    = []string{"REF", "REFERENCE", "FOR"}

	favoreWho     = []string{"VOSTRO", "SUO", "TUO"}
	transferWords = []string{"BONIFICO", "BON.", "BON", "GIROFONDO", "P2P", "RICARICA", "ACCREDITO"}
	transferKinds = []string{"SEPA", "ISTANTANEO", "ISTANT.", "ISTANT", "IN ENTRATA", "RICEVUTO", "POSTEPAY", "ESTERO"}
	mittSuffixes  = []string{"ENTE", ".", ""}
	ordSuffixes   = []string{"INANTE", "."}
	fromOpenings  = []string{"PAYMENT", "TRANSFER", "MONEY ADDED"}
	payerWordings = []func(string) (string, bool){payerFavore, payerMitt, payerOrd, payerTransfer, payerFrom}
)

// PayerFromDescription returns the payer named in a statement's
// description, "" when it names none.
func PayerFromDescription(s string) string {
	s = singleSpaced(s)
	for _, w := range payerWordings {
		if m, ok := w(s); ok {
			name := strings.TrimSpace(strings.Trim(m, ".:-"))
			if name != "" && strings.IndexFunc(name, func(r rune) bool { return r >= 'A' && r <= 'z' || r > 0x7f }) >= 0 {
				return name
			}
		}
	}
	return ""
}

// singleSpaced returns s with its words separated by one space and no
// space around; s itself when it is already so (the usual case).
func singleSpaced(s string) string {
	prevSpace := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf, c == '\t', c == '\n', c == '\v', c == '\f', c == '\r':
			return strings.Join(strings.Fields(s), " ")
		case c == ' ':
			if prevSpace {
				return strings.Join(strings.Fields(s), " ")
			}
			prevSpace = true
		default:
			prevSpace = false
		}
	}
	if prevSpace && s != "" {
		return strings.Join(strings.Fields(s), " ")
	}
	return s
}

// payerFavore: "A VOSTRO FAVORE DA NAME".
func payerFavore(s string) (string, bool) {
	for i := 0; i < len(s); i++ {
		if s[i] != 'A' && s[i] != 'a' || !wordStart(s, i) || !spaceAt(s, i+1) {
			continue
		}
		for _, who := range favoreWho {
			e, ok := foldWordAt(s, i+2, who)
			if !ok || !spaceAt(s, e) {
				continue
			}
			if e, ok = foldWordAt(s, e+1, "FAVORE"); !ok || !spaceAt(s, e) {
				continue
			}
			if e, ok = foldWordAt(s, e+1, "DA"); !ok {
				continue
			}
			if start, ok := afterDA(s, e); ok {
				return nameUntil(s, start, payerEndsIT), true
			}
		}
	}
	return "", false
}

// payerMitt: "MITTENTE: NAME", "MITT.: NAME".
func payerMitt(s string) (string, bool) {
	return payerLabelled(s, "MITT", mittSuffixes)
}

// payerOrd: "ORDINANTE: NAME", "ORD.: NAME".
func payerOrd(s string) (string, bool) {
	return payerLabelled(s, "ORD", ordSuffixes)
}

// payerLabelled reads "LABEL[suffix] : NAME", the suffixes tried in
// order (an empty one: the label alone).
func payerLabelled(s, label string, suffixes []string) (string, bool) {
	for i := 0; i < len(s); i++ {
		if s[i] != label[0] && s[i] != label[0]+'a'-'A' || !wordStart(s, i) {
			continue
		}
		e, ok := foldWordAt(s, i, label)
		if !ok {
			continue
		}
		for _, suf := range suffixes {
			e1, ok := foldWordAt(s, e, suf)
			if !ok {
				continue
			}
			// \s*:\s* — a space before the colon is optional.
			var c int
			switch {
			case spaceAt(s, e1) && e1+1 < len(s) && s[e1+1] == ':':
				c = e1 + 2
			case e1 < len(s) && s[e1] == ':':
				c = e1 + 1
			default:
				continue
			}
			switch {
			case spaceAt(s, c) && c+1 < len(s):
				return nameUntil(s, c+1, payerEndsParty), true
			case c < len(s):
				return nameUntil(s, c, payerEndsParty), true
			}
		}
	}
	return "", false
}

// payerTransfer: "BONIFICO SEPA DA NAME", "P2P DA: NAME".
func payerTransfer(s string) (string, bool) {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case 'B', 'b', 'G', 'g', 'P', 'p', 'R', 'r', 'A', 'a':
		default:
			continue
		}
		if !wordStart(s, i) {
			continue
		}
		for _, w := range transferWords {
			e, ok := foldWordAt(s, i, w)
			if !ok {
				continue
			}
			if start, ok := transferKindsThenDA(s, e); ok {
				return nameUntil(s, start, payerEndsTrf), true
			}
		}
	}
	return "", false
}

// transferKindsThenDA matches any number of " SEPA"-like words, then " DA"
// and what follows it, as many kind words as possible first.
func transferKindsThenDA(s string, e int) (int, bool) {
	if spaceAt(s, e) {
		for _, k := range transferKinds {
			if e1, ok := foldWordAt(s, e+1, k); ok {
				if start, ok := transferKindsThenDA(s, e1); ok {
					return start, true
				}
			}
		}
		if e1, ok := foldWordAt(s, e+1, "DA"); ok {
			return afterDA(s, e1)
		}
	}
	return 0, false
}

// afterDA returns where the name starts after "DA" ending at e: "DA
// NAME", "DA: NAME", "DA : NAME" (the name at least one character).
func afterDA(s string, e int) (int, bool) {
	for _, at := range [...]struct {
		space1, colon bool
	}{{true, true}, {true, false}, {false, true}, {false, false}} {
		i := e
		if at.space1 {
			if !spaceAt(s, i) {
				continue
			}
			i++
		}
		if at.colon {
			if i >= len(s) || s[i] != ':' {
				continue
			}
			i++
		}
		if spaceAt(s, i) && i+1 < len(s) {
			return i + 1, true
		}
	}
	return 0, false
}

// payerFrom: "Payment from NAME" at the start of the description.
func payerFrom(s string) (string, bool) {
	for _, w := range fromOpenings {
		e, ok := foldWordAt(s, 0, w)
		if !ok || !spaceAt(s, e) {
			continue
		}
		if e, ok = foldWordAt(s, e+1, "FROM"); !ok || !spaceAt(s, e) || e+1 >= len(s) {
			continue
		}
		return nameUntil(s, e+1, payerEndsEN), true
	}
	return "", false
}

// nameUntil returns the name starting at start (at least one character):
// up to the first space followed by an end word, or the first comma,
// semicolon or slash (a space before it dropped), else to the end.
func nameUntil(s string, start int, ends []string) string {
	_, n := utf8.DecodeRuneInString(s[start:])
	for p := start + n; p < len(s); p++ {
		switch s[p] {
		case ',', ';', '/':
			return s[start:p]
		case ' ':
			if p+1 < len(s) && (s[p+1] == ',' || s[p+1] == ';' || s[p+1] == '/') {
				return s[start:p]
			}
			if p+1 >= len(s) {
				continue
			}
			next := s[p+1]
			for _, w := range ends {
				// Most words after a space start with another letter than
				// any end word: skip those without a call (a non-ASCII
				// letter may still fold to one: "ſ" is an s).
				if next < utf8.RuneSelf && next|0x20 != w[0]|0x20 {
					continue
				}
				if e, ok := foldWordAt(s, p+1, w); ok && wordBoundary(s, e) {
					return s[start:p]
				}
			}
		}
	}
	return s[start:]
}

// foldWordAt matches w (upper case ASCII; a space in it one space) at
// s[i:] ignoring case as Unicode simple folding does ("ſ" is an s, "K"
// the Kelvin sign a k), returning where the match ends.
func foldWordAt(s string, i int, w string) (int, bool) {
	for k := 0; k < len(w); k++ {
		if i >= len(s) {
			return 0, false
		}
		c, want := s[i], w[k]
		if c < utf8.RuneSelf {
			if c != want && !('a' <= c && c <= 'z' && c-('a'-'A') == want) {
				return 0, false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !foldsTo(r, rune(want)) {
			return 0, false
		}
		i += n
	}
	return i, true
}

// foldsTo reports whether r is in the simple case-folding orbit of the
// ASCII letter want.
func foldsTo(r, want rune) bool {
	for f := unicode.SimpleFold(want); f != want; f = unicode.SimpleFold(f) {
		if f == r {
			return true
		}
	}
	return false
}

func spaceAt(s string, i int) bool { return i < len(s) && s[i] == ' ' }

func isWordByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_'
}

// wordStart reports whether no letter, digit or underscore is before i.
func wordStart(s string, i int) bool { return i == 0 || !isWordByte(s[i-1]) }

// wordBoundary reports an ASCII word boundary at i, as \b does.
func wordBoundary(s string, i int) bool {
	before := i > 0 && isWordByte(s[i-1])
	after := i < len(s) && isWordByte(s[i])
	return before != after
}
