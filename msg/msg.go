// Package msg is crosscheck's one catalogue of what a user reads: every
// message about the data (a rejected row, a warning, a note) has a key, an
// English and an Italian text and typed arguments; every fixed label of
// the outputs has its Italian form. Packages that find problems build a
// Message (key and arguments); the outputs render it in the report's
// language, so a number, a date or a month reads in that language's
// notation and no text is ever written twice.
package msg

import (
	"encoding/binary"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// Key names a message of the catalogue.
type Key string

// Kind is the type of a message argument: it decides how the argument is
// written in each language.
type Kind byte

// Argument kinds.
const (
	// KText is written as given: identifiers, codes, file names, values
	// copied from a cell.
	KText Kind = 't'
	// KInt is a count or a row number.
	KInt Kind = 'i'
	// KNum is a decimal number (an amount, a rate, a share), written in
	// the language's notation.
	KNum Kind = 'n'
	// KDate is a day, yyyy-mm-dd in English and dd/mm/yyyy in Italian.
	KDate Kind = 'd'
	// KMonth is a month or a run of months ("2019-05..2020-10"), written
	// "mag 2019 - ott 2020" in Italian.
	KMonth Kind = 'm'
	// KTerm is a label of the catalogue (a field, a role, a table kind):
	// it is translated.
	KTerm Kind = 'w'
	// KRef is a row of an input: "file [sheet] row n".
	KRef Kind = 'r'
	// KMsg is a message inside a message (the reason an identifier is
	// invalid, the reason a cell is not an amount).
	KMsg Kind = 'x'
)

// Arg is one typed argument of a message.
type Arg struct {
	Kind Kind
	S    string
}

// Text is an argument written as given.
func Text(s string) Arg { return Arg{KText, s} }

// Int is a count or a row number.
func Int(n int) Arg { return Arg{KInt, strconv.Itoa(n)} }

// Num is a decimal number, written in the language's notation.
func Num(d decimal.Decimal) Arg { return Arg{KNum, d.String()} }

// NumText is a number already written in English notation ("120.00",
// "12"), kept with its decimals.
func NumText(s string) Arg { return Arg{KNum, s} }

// Date is a day.
func Date(t time.Time) Arg { return Arg{KDate, t.Format(time.DateOnly)} }

// Month is a month.
func Month(t time.Time) Arg { return Arg{KMonth, t.Format("2006-01")} }

// Months is a list of months or runs of months written "2020-01..2020-03,
// 2020-05".
func Months(s string) Arg { return Arg{KMonth, s} }

// Term is a label of the catalogue, translated when rendered.
func Term(en string) Arg { return Arg{KTerm, en} }

// Ref is a row of an input table (row 0: the whole table).
func Ref(path, sheet string, row int) Arg {
	return Arg{KRef, path + "\x00" + sheet + "\x00" + strconv.Itoa(row)}
}

// Nested is a message used as the argument of another.
func Nested(m Message) Arg { return Arg{KMsg, string(m.Key) + "\x00" + m.args} }

// Message is a catalogue key with its arguments. It is comparable (the
// arguments are kept encoded in one string), so issues holding one can be
// map keys.
type Message struct {
	Key  Key
	args string
}

// New builds a message. The key is one of the catalogue's constants; a
// test checks that every call passes the arguments the entry declares.
func New(k Key, args ...Arg) Message {
	if len(args) == 0 {
		return Message{Key: k}
	}
	var b []byte
	for _, a := range args {
		b = append(b, byte(a.Kind))
		b = binary.AppendUvarint(b, uint64(len(a.S)))
		b = append(b, a.S...)
	}
	return Message{Key: k, args: string(b)}
}

// Encoded returns the message's arguments as one string, for spool files;
// Decode is its inverse.
func (m Message) Encoded() string { return m.args }

// Decode rebuilds a message from its key and Encoded arguments.
func Decode(k Key, args string) Message { return Message{Key: k, args: args} }

// IsZero reports whether m is no message.
func (m Message) IsZero() bool { return m.Key == "" }

// Args decodes the message's arguments.
func (m Message) Args() []Arg {
	var out []Arg
	s := m.args
	for len(s) > 0 {
		k := Kind(s[0])
		n, w := binary.Uvarint([]byte(s[1:min(len(s), 1+binary.MaxVarintLen64)]))
		if w <= 0 || 1+w+int(n) > len(s) {
			break
		}
		out = append(out, Arg{k, s[1+w : 1+w+int(n)]})
		s = s[1+w+int(n):]
	}
	return out
}

// String renders the message in English.
func (m Message) String() string { return m.In(EN) }

// In renders the message in a language ("en" or "it").
func (m Message) In(lang string) string {
	if m.Key == "" {
		return ""
	}
	e, ok := catalogue[m.Key]
	if !ok {
		missing.Store("message "+string(m.Key), true)
		return string(m.Key)
	}
	tmpl := e.en
	if lang == IT {
		tmpl = e.it
	}
	args := m.Args()
	if len(args) != len(e.args) {
		missing.Store("arguments of "+string(m.Key), true)
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(tmpl, '{')
		if i < 0 || i+2 >= len(tmpl) || tmpl[i+2] != '}' || tmpl[i+1] < '0' || tmpl[i+1] > '9' {
			b.WriteString(tmpl)
			break
		}
		b.WriteString(tmpl[:i])
		n := int(tmpl[i+1] - '0')
		if n < len(args) {
			b.WriteString(args[n].In(lang))
		}
		tmpl = tmpl[i+3:]
	}
	return b.String()
}

// In renders one argument in a language.
func (a Arg) In(lang string) string {
	switch a.Kind {
	case KNum:
		return Number(a.S, lang)
	case KDate:
		return DateText(a.S, lang)
	case KMonth:
		return MonthsText(a.S, lang)
	case KTerm:
		return Label(a.S, lang)
	case KRef:
		parts := strings.SplitN(a.S, "\x00", 3)
		if len(parts) != 3 {
			return a.S
		}
		row, _ := strconv.Atoi(parts[2])
		return RefText(parts[0], parts[1], row, lang)
	case KMsg:
		k, args, _ := strings.Cut(a.S, "\x00")
		return Message{Key: Key(k), args: args}.In(lang)
	}
	return a.S
}

// Languages.
const (
	EN = "en"
	IT = "it"
)

// RefText writes a row of an input: "file [sheet] row n" ("riga n").
func RefText(path, sheet string, row int, lang string) string {
	var b strings.Builder
	b.WriteString(path)
	if sheet != "" {
		if path != "" {
			b.WriteString(" ")
		}
		b.WriteString("[")
		b.WriteString(sheet)
		b.WriteString("]")
	}
	if row > 0 {
		if b.Len() > 0 {
			b.WriteString(" ")
		}
		b.WriteString(Label("row", lang))
		b.WriteString(" ")
		b.WriteString(strconv.Itoa(row))
	}
	return b.String()
}

// Redact returns m with every occurrence of s in its arguments (nested
// messages too) replaced by "…": a benefit recipient's data must not reach
// the outputs through the text of a message about their row.
func (m Message) Redact(s string) Message {
	if s == "" || !strings.Contains(m.args, s) {
		return m
	}
	args := m.Args()
	for i, a := range args {
		switch a.Kind {
		case KMsg:
			k, enc, _ := strings.Cut(a.S, "\x00")
			args[i] = Nested(Message{Key: Key(k), args: enc}.Redact(s))
		default:
			args[i].S = strings.ReplaceAll(a.S, s, "…")
		}
	}
	return New(m.Key, args...)
}
