package reports

import (
	"strings"

	"github.com/crosscheck/crosscheck/msg"
)

// translator turns English labels and catalogue messages into the
// report's language; the texts themselves live in package msg.
type translator struct {
	it   bool
	lang string
}

func newTranslator(lang string) translator {
	if lang != msg.IT {
		lang = msg.EN
	}
	return translator{it: lang == msg.IT, lang: lang}
}

// t returns a label in the report's language.
func (t translator) t(s string) string { return msg.Label(s, t.lang) }

// m renders a catalogue message in the report's language.
func (t translator) m(m msg.Message) string { return m.In(t.lang) }

// setting renders a run parameter's value: a number in the language's
// notation, a phrase (the rounding rule) from the catalogue.
func (t translator) setting(v string) string {
	if msg.HasLabel(v) {
		return t.t(v)
	}
	return msg.Number(v, t.lang)
}

// months renders months and runs of months ("2019-05..2020-10") in the
// language's notation ("mag 2019 - ott 2020").
func (t translator) months(s string) string { return msg.MonthsText(s, t.lang) }

// reason renders a payment's direction reason: a built-in reason is a
// catalogue label, possibly followed by the cell that decided ("fee:
// Trading fee"); a reason from a case file's profile is the user's own
// words and stays as written.
func (t translator) reason(s string) string {
	if !t.it || s == "" {
		return s
	}
	if msg.HasLabel(s) {
		return t.t(s)
	}
	for i := strings.LastIndex(s, ": "); i > 0; i = strings.LastIndex(s[:i], ": ") {
		if msg.HasLabel(s[:i]) {
			return t.t(s[:i]) + s[i:]
		}
	}
	return s
}
