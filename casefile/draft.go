package casefile

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/ledger"
	"go.yaml.in/yaml/v3"
)

// Draft is a case file written for a person to check before running it:
// each value with a note saying how it was chosen, the inputs grouped by
// kind with a note on each, and commented-out suggestions to complete.
// Encode builds it as a YAML node tree and lets the YAML library quote the
// values and place the comments, so any name a folder holds (quotes, '#',
// colons, leading spaces, backslashes, accents) reads back through Load as
// the same string.
type Draft struct {
	// Head is the comment at the top of the file, one line per element.
	Head []string
	// Name, ReportDate, Target and Lang are the case's parameters. An
	// empty value with an Example is written commented out, for the person
	// to fill in; one with only a Note is written empty, with the note; a
	// zero Value is left out.
	Name, ReportDate, Target, Lang Value
	// Sections list the inputs, one section per kind, in this order.
	Sections []Section
	// Notes is a comment after the sections (tables not listed, and why).
	Notes []string
	// Suggestions are commented-out profiles for exports no table kind
	// fits, each with the payments entry that would use it.
	Suggestions []Suggestion
}

// Value is one parameter and the note written beside it.
type Value struct {
	Text string
	Note string
	// Example is written, commented out, when Text is empty: the person
	// sees the key, the notation and what it is for.
	Example string
}

// Section is one kind's inputs.
type Section struct {
	Kind    ledger.Kind
	Entries []Entry
	// Empty is the note beside the kind when it has no entries.
	Empty string
}

// Entry is one input and the note above it.
type Entry struct {
	Input
	Note string
	// Keyed writes the entry as `path: ...` even when it has nothing but
	// a path, so the person adds `suspect:` beside it.
	Keyed bool
}

// Suggestion is a profile for an export init could not read, written
// commented out: the columns seen, a profile naming them, and the payments
// entry that uses it (docs/directions.md).
type Suggestion struct {
	Intro     []string // comment lines above the suggestion
	Name      string   // the profile's name
	HeaderRow int
	Path      string // the input as the payments entry names it
}

// Encode writes the draft as case.yaml.
func (d *Draft) Encode(w io.Writer) error {
	root := &yaml.Node{Kind: yaml.MappingNode}
	var pending []string // comment lines for the next key
	add := func(key string, value *yaml.Node, blank bool) {
		k := word(key)
		head := strings.Join(pending, "\n")
		if blank {
			head = "\n" + head
		}
		k.HeadComment = head
		pending = nil
		root.Content = append(root.Content, k, value)
	}
	param := func(key string, v Value, quoted bool) error {
		if v == (Value{}) {
			return nil // not set, nothing to say: Load's default applies
		}
		if v.Text == "" && v.Example != "" {
			line, err := encodeFragment(mapping(word(key), withNote(scalar(v.Example, quoted), v.Note)))
			if err != nil {
				return fmt.Errorf("%s: %w", key, err)
			}
			pending = append(pending, strings.TrimRight(line, "\n"))
			return nil
		}
		add(key, withNote(scalar(v.Text, quoted), v.Note), false)
		return nil
	}
	for _, p := range []struct {
		key    string
		v      Value
		quoted bool
	}{{"case", d.Name, true}, {"report_date", d.ReportDate, false}, {"target_eur", d.Target, true}, {"lang", d.Lang, false}} {
		if err := param(p.key, p.v, p.quoted); err != nil {
			return err
		}
	}
	for _, s := range d.Sections {
		if !knownKind(s.Kind) {
			return fmt.Errorf("case file: no table kind %q", s.Kind)
		}
		seq := &yaml.Node{Kind: yaml.SequenceNode}
		if len(s.Entries) == 0 {
			seq.Style = yaml.FlowStyle
			seq.LineComment = oneLine(s.Empty)
		}
		for _, e := range s.Entries {
			n := entryNode(e)
			n.HeadComment = comment(e.Note)
			seq.Content = append(seq.Content, n)
		}
		add(string(s.Kind), seq, true)
	}
	// Commented-out parameters with no key after them end the file.
	foot := pending
	if len(d.Notes) > 0 {
		if len(foot) > 0 {
			foot = append(foot, "")
		}
		foot = append(foot, d.Notes...)
	}
	for _, s := range d.Suggestions {
		text, err := s.yaml()
		if err != nil {
			return err
		}
		if len(foot) > 0 {
			foot = append(foot, "")
		}
		foot = append(foot, s.Intro...)
		for _, line := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
			foot = append(foot, "# "+line) // commented-out YAML, kept as written
		}
	}
	root.FootComment = comment(strings.Join(foot, "\n"))
	doc := &yaml.Node{Kind: yaml.DocumentNode, HeadComment: comment(strings.Join(d.Head, "\n")), Content: []*yaml.Node{root}}
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("case file: %w", err)
	}
	if err := enc.Close(); err != nil {
		return fmt.Errorf("case file: %w", err)
	}
	_, err := w.Write(b.Bytes())
	return err
}

// entryNode is an input as the case file lists it: the bare path, or its
// keys (the same keys Input reads).
func entryNode(e Entry) *yaml.Node {
	if !e.Keyed && e.Suspect == "" && e.Programme == "" && e.Profile == "" {
		return text(e.Path, true)
	}
	m := mapping(word("path"), text(e.Path, true))
	if e.Suspect != "" {
		m.Content = append(m.Content, word("suspect"), text(e.Suspect, true))
	}
	// A programme and a profile are names from crosscheck's vocabulary.
	for _, kv := range []struct{ key, value string }{{"programme", e.Programme}, {"profile", e.Profile}} {
		if kv.value != "" {
			m.Content = append(m.Content, word(kv.key), word(kv.value))
		}
	}
	return m
}

// skeletonFields are the columns a suggested profile names, in the order a
// payments export usually has them.
var skeletonFields = []string{"date", "amount", "currency", "payer", "payee", "reference", "description", "type", "status"}

// yaml renders the suggestion as the YAML the person uncomments.
func (s Suggestion) yaml() (string, error) {
	cols := &yaml.Node{Kind: yaml.MappingNode}
	for _, f := range skeletonFields {
		cols.Content = append(cols.Content, word(f), withNote(text("", true), "one of the columns above, or delete the line"))
	}
	rule := mapping(
		word("if"), flow(mapping(word("status"), flow(&yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{word("PENDING*")}}))),
		word("direction"), word("not_a_payment"),
		word("reason"), word("not yet booked"))
	rulesKey := word("rules")
	rulesKey.LineComment = "first match wins"
	profile := mapping(
		word("name"), text(s.Name, false),
		word("header_row"), number(s.HeaderRow),
		word("columns"), cols,
		word("date_format"), withNote(word("dd/mm/yyyy"), "or mm/dd/yyyy, yyyy-mm-dd, unix"),
		word("decimal_mark"), withNote(text(",", true), `or "."`),
		word("currency"), withNote(word("EUR"), "when no column holds it"),
		word("sign"), withNote(word("own_account"), "a negative amount is money out; or refund, incoming"),
		rulesKey, &yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{rule}})
	entry := mapping(
		word("path"), text(s.Path, true),
		word("profile"), text(s.Name, false),
		word("suspect"), withNote(text("", true), "the account holder's suspect id"))
	return encodeFragment(mapping(
		word("profiles"), &yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{profile}},
		word("payments"), &yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{entry}}))
}

// encodeFragment renders a node as YAML text, to be written commented out.
func encodeFragment(n *yaml.Node) (string, error) {
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(n); err != nil {
		return "", err
	}
	if err := enc.Close(); err != nil {
		return "", err
	}
	return b.String(), nil
}

func mapping(kv ...*yaml.Node) *yaml.Node { return &yaml.Node{Kind: yaml.MappingNode, Content: kv} }

func flow(n *yaml.Node) *yaml.Node {
	n.Style = yaml.FlowStyle
	return n
}

// word is a key or a value from crosscheck's own vocabulary (a kind, a
// field, "it"): plain, quoted by the library only if YAML needs it.
func word(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }

// text is a value from the case's world (a file name, a suspect's id, an
// amount): a string whatever it looks like. Quoted ones are written in
// double quotes, which show where a name begins and ends.
func text(s string, quoted bool) *yaml.Node {
	n := word(s)
	if quoted {
		n.Style = yaml.DoubleQuotedStyle
	}
	return n
}

// isoDay is a day written as YAML writes a date.
var isoDay = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`)

// scalar is a parameter's value: text, except a day in ISO notation,
// which is written as the date it is (plain, as a person writes it; Load
// reads it back as the same text).
func scalar(s string, quoted bool) *yaml.Node {
	if isoDay.MatchString(s) {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!timestamp", Value: s}
	}
	return text(s, quoted)
}

func number(i int) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: fmt.Sprint(i)}
}

func withNote(n *yaml.Node, note string) *yaml.Node {
	n.LineComment = oneLine(note)
	return n
}

// comment makes text safe to write as YAML comment lines: valid UTF-8,
// line breaks as "\n" only, no other control characters. The text comes
// partly from file names and cells, which may hold anything.
func comment(s string) string {
	if s == "" {
		return ""
	}
	s = strings.ToValidUTF8(s, string(utf8.RuneError))
	s = strings.NewReplacer("\r\n", "\n", "\r", "\n", "\u0085", "\n", "\u2028", "\n", "\u2029", "\n").Replace(s)
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return r
		case r == '\t':
			return ' '
		case unicode.IsControl(r), r == '\uFEFF':
			return -1
		}
		return r
	}, s)
}

// oneLine is comment for a note beside a value: one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(comment(s), "\n", " ")), " ")
}
