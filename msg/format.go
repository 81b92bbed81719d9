package msg

import (
	"sort"
	"strings"
	"sync"
)

// Number writes a number given in English notation ("-1451.5") in the
// language's notation: unchanged in English, "-1.451,5" in Italian. Text
// that is not a plain number is returned as it is.
func Number(s, lang string) string {
	if lang != IT || !plainNumber(s) {
		return s
	}
	sign := ""
	if s[0] == '-' || s[0] == '+' {
		sign, s = s[:1], s[1:]
	}
	intPart, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	b.WriteString(sign)
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	if hasFrac {
		b.WriteByte(',')
		b.WriteString(frac)
	}
	return b.String()
}

// plainNumber reports whether s is [sign]digits[.digits].
func plainNumber(s string) bool {
	if s == "" {
		return false
	}
	if s[0] == '-' || s[0] == '+' {
		s = s[1:]
	}
	digits, dot := 0, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' && !dot && digits > 0:
			dot = true
		default:
			return false
		}
	}
	return digits > 0 && s[len(s)-1] != '.'
}

// DateText writes a yyyy-mm-dd day in the language's notation.
func DateText(s, lang string) string {
	if lang != IT || len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return s
	}
	return s[8:10] + "/" + s[5:7] + "/" + s[:4]
}

var italianMonths = [12]string{"gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic"}

// MonthsText writes months given as "2019-05", runs "2019-05..2020-10" and
// lists of them separated by ", " or "; " in the language's notation:
// unchanged in English, "mag 2019 - ott 2020" in Italian.
func MonthsText(s, lang string) string {
	if lang != IT {
		return s
	}
	var b strings.Builder
	for s != "" {
		i := strings.IndexAny(s, ",;")
		part, sep := s, ""
		if i >= 0 {
			part, sep, s = s[:i], s[i:i+1], s[i+1:]
		} else {
			s = ""
		}
		lead := len(part) - len(strings.TrimLeft(part, " "))
		b.WriteString(part[:lead])
		from, to, run := strings.Cut(strings.TrimSpace(part), "..")
		b.WriteString(monthIT(from))
		if run {
			b.WriteString(" - ")
			b.WriteString(monthIT(to))
		}
		b.WriteString(sep)
	}
	return b.String()
}

func monthIT(s string) string {
	if len(s) != 7 || s[4] != '-' {
		return s
	}
	m := int(s[5]-'0')*10 + int(s[6]-'0')
	if m < 1 || m > 12 {
		return s
	}
	return italianMonths[m-1] + " " + s[:4]
}

// missing records the labels and messages asked for that the catalogue
// lacks, so that tests can list them.
var missing sync.Map

// Missing lists, sorted, what was asked of the catalogue and not found
// since the program started: labels without an Italian form, unknown
// message keys, messages built with the wrong arguments.
func Missing() []string {
	var out []string
	missing.Range(func(k, _ any) bool {
		out = append(out, k.(string))
		return true
	})
	sort.Strings(out)
	return out
}

// Label returns a fixed text of the outputs (a sheet name, a header, a
// term) in the language. English is the label itself; a label the
// catalogue lacks stays English and is recorded for the tests.
func Label(en, lang string) string {
	if lang != IT || en == "" {
		return en
	}
	if v, ok := labels[en]; ok {
		return v
	}
	missing.Store("label "+en, true)
	return en
}

// HasLabel reports whether the catalogue has an Italian form of en.
func HasLabel(en string) bool {
	_, ok := labels[en]
	return ok
}

// Texts returns every text of the catalogue in a language (labels,
// messages with their placeholders, field names), for the tests that
// check an output speaks one language: the English words crosscheck
// knows are the words of Texts(EN) that Texts(IT) does not use.
func Texts(lang string) []string {
	it := lang == IT
	out := make([]string, 0, len(labels)+len(catalogue)+len(fieldNames))
	for en, l := range labels {
		if it {
			en = l
		}
		out = append(out, en)
	}
	for _, e := range catalogue {
		t := e.en
		if it {
			t = e.it
		}
		out = append(out, t)
	}
	for _, n := range fieldNames {
		t := n[0]
		if it {
			t = n[1]
		}
		out = append(out, t)
	}
	return out
}
