package casefile

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/ledger"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// hardNames are names a folder really holds and a hand-written case file
// gets wrong: YAML syntax inside them, spaces at the ends, other scripts.
var hardNames = []string{
	`Rossi "il Nero" & co.csv`,
	`it's: here.csv`,
	`#1 estratto.csv`,
	`estratto #2.csv`,
	`  leading spaces.csv`,
	`trailing space .xlsx`,
	`Società Ünïcödé 北京 café.xlsx`,
	`C:\Users\analista\paypal.csv`,
	`back\\slash\n.csv`,
	`- dash.csv`,
	`? question.csv`,
	`[brackets], {braces}.csv`,
	`*star &anchor !tag %percent @at ` + "`tick`.csv",
	`yes`,
	`null`,
	`~`,
	`0x1F`,
	`1e3`,
	`2020-11-06`,
	"tab\there.csv",
	"bell\a.csv",
	"nel\u0085line\u2028sep.csv",
	"bom\uFEFF.csv",
	`"`,
	`'`,
	`:`,
	`>folded`,
	`|literal`,
	"emoji 📄.csv",
	"paypal.xlsx#Transazioni: 2020",
}

// loadDraft writes d where Load reads it and loads it.
func loadDraft(t *testing.T, d *Draft) (*Case, string) {
	t.Helper()
	var b bytes.Buffer
	if err := d.Encode(&b); err != nil {
		t.Fatalf("encode: %v", err)
	}
	p := filepath.Join(t.TempDir(), "case.yaml")
	if err := os.WriteFile(p, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := Load(p)
	if err != nil {
		t.Fatalf("the draft does not load: %v\n%s", err, b.String())
	}
	return c, b.String()
}

// TestDraftNamesReadBackAsWritten: every name written into a case file -
// the case's, a path, a sheet, a suspect's id - loads back through the
// strict loader as the same string, however much YAML syntax it holds;
// notes beside them, whatever they hold, stay comments.
func TestDraftNamesReadBackAsWritten(t *testing.T) {
	for _, name := range hardNames {
		t.Run(name, func(t *testing.T) {
			d := &Draft{
				Head:   []string{"head: " + name, "# " + name},
				Name:   Value{Text: name, Note: name},
				Target: Value{Text: "10000000", Note: name},
				Lang:   Value{Text: "it", Note: "en or it: " + name},
				Sections: []Section{
					{Kind: ledger.KindSuspects, Entries: []Entry{{Input: Input{Path: name}, Note: name}}},
					{Kind: ledger.KindPayments, Entries: []Entry{
						{Input: Input{Path: name, Suspect: name}, Note: "suspect " + name},
						{Input: Input{Path: name}, Keyed: true},
					}},
					{Kind: ledger.KindAssets, Empty: name},
				},
				Notes:       []string{"Not classified:", "  " + name + ": " + name},
				Suggestions: []Suggestion{{Intro: []string{"If " + name}, Name: "export", HeaderRow: 2, Path: name}},
			}
			c, out := loadDraft(t, d)
			if c.Name != name {
				t.Errorf("case = %q, want %q\n%s", c.Name, name, out)
			}
			if got := c.Inputs[ledger.KindSuspects]; len(got) != 1 || got[0].Name != name {
				t.Errorf("suspects = %+v, want path %q\n%s", got, name, out)
			}
			pay := c.Inputs[ledger.KindPayments]
			if len(pay) != 2 || pay[0].Name != name || pay[0].Suspect != name || pay[1].Name != name || pay[1].Suspect != "" {
				t.Errorf("payments = %+v, want path and suspect %q\n%s", pay, name, out)
			}
			if len(c.Inputs[ledger.KindAssets]) != 0 || len(c.Profiles) != 0 {
				t.Errorf("a comment was read as a value: assets %+v, profiles %d\n%s", c.Inputs[ledger.KindAssets], len(c.Profiles), out)
			}
			if c.Lang != "it" || !c.TargetEUR.Equal(DefaultTarget) {
				t.Errorf("lang %q target %s\n%s", c.Lang, c.TargetEUR, out)
			}
		})
	}
}

// TestDraftWritesParametersAPersonReads: the golden file shows the layout
// init's case files have: the head comment, each parameter with its note,
// an unset report date commented out with an example, one section per
// kind with the note above each entry, and a suggested profile, commented
// out, that loads once uncommented.
func TestDraftWritesParametersAPersonReads(t *testing.T) {
	d := &Draft{
		Head:       []string{"case.yaml written by a test", "  crosscheck run --case case.yaml"},
		Name:       Value{Text: "Tempesta perfetta"},
		ReportDate: Value{Example: "2020-11-06", Note: "the date the report speaks of"},
		Target:     Value{Text: "10000000", Note: "seizure target"},
		Lang:       Value{Text: "it", Note: "en or it: the headers are Italian"},
		Sections: []Section{
			{Kind: ledger.KindSuspects, Entries: []Entry{{Input: Input{Path: "indagati.xlsx"}, Note: "suspects: header on row 1"}}},
			{Kind: ledger.KindPayments, Entries: []Entry{
				{Input: Input{Path: "estratto.csv", Suspect: "S01"}, Note: "the title rows name the holder", Keyed: true},
				{Input: Input{Path: "paypal.xlsx#Transazioni", Profile: "paypal-it"}},
			}},
			{Kind: ledger.KindBenefits, Entries: []Entry{{Input: Input{Path: "pdc.csv", Programme: "pdc"}}}},
			{Kind: ledger.KindRates, Empty: "none found"},
		},
		Notes:       []string{"Not classified:", "  note.csv: no recognisable header"},
		Suggestions: []Suggestion{{Intro: []string{"If banca.csv is a payments export:", "#"}, Name: "banca", HeaderRow: 3, Path: "banca.csv"}},
	}
	c, out := loadDraft(t, d)
	golden := filepath.Join("testdata", "draft.golden.yaml")
	if *update {
		if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if out != string(want) {
		t.Errorf("draft differs from %s (regenerate with -update and review):\n%s", golden, out)
	}
	if c.Name != "Tempesta perfetta" || !c.ReportDate.IsZero() || c.Inputs[ledger.KindPayments][1].Profile != "paypal-it" || c.Inputs[ledger.KindBenefits][0].Programme != "pdc" {
		t.Errorf("loaded %+v", c)
	}

	// Uncommented and filled in, the suggestion is a profile Load accepts.
	var lines []string
	in := false
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "# profiles:") {
			in = true
		}
		if in && strings.HasPrefix(l, "# ") {
			l = strings.TrimPrefix(l, "# ")
			l = strings.Replace(l, `date: ""`, `date: Giorno`, 1)
			l = strings.Replace(l, `amount: ""`, `amount: Euro`, 1)
			l = strings.Replace(l, `suspect: ""`, `suspect: S01`, 1)
			lines = append(lines, l)
		}
	}
	for _, f := range skeletonFields[2:] {
		for i, l := range lines {
			if strings.TrimSpace(l) == f+`: "" # one of the columns above, or delete the line` {
				lines = append(lines[:i], lines[i+1:]...)
				break
			}
		}
	}
	uncommented := "case: x\n" + strings.Join(lines, "\n") + "\n"
	p := filepath.Join(t.TempDir(), "case.yaml")
	os.WriteFile(p, []byte(uncommented), 0o600)
	c2, err := Load(p)
	if err != nil {
		t.Fatalf("the suggestion, uncommented, does not load: %v\n%s", err, uncommented)
	}
	if len(c2.Profiles) != 1 || c2.Profiles[0].Name != "banca" || c2.Profiles[0].HeaderRow != 3 || c2.Inputs[ledger.KindPayments][0].Profile != "banca" {
		t.Errorf("suggestion loaded as %+v / %+v\n%s", c2.Profiles, c2.Inputs[ledger.KindPayments], uncommented)
	}
}

// A parameter left to fill in is written even when no key follows it.
func TestDraftKeepsExamplesAtTheEnd(t *testing.T) {
	d := &Draft{Name: Value{Text: "x"}, ReportDate: Value{Example: "2020-11-06", Note: "the date"}, Lang: Value{Example: "it", Note: "en or it"}}
	var b bytes.Buffer
	if err := d.Encode(&b); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"# report_date: 2020-11-06 # the date\n", "# lang: it # en or it\n"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("draft lacks %q:\n%s", want, b.String())
		}
	}
	if strings.Contains(b.String(), "target_eur") {
		t.Errorf("a target never set is written:\n%s", b.String())
	}
}

// A value the case file cannot hold as text is an error, not a panic or
// a silently different name.
func TestDraftRefusesInvalidUTF8(t *testing.T) {
	d := &Draft{Name: Value{Text: "x"}, Sections: []Section{{Kind: ledger.KindPayments, Entries: []Entry{{Input: Input{Path: "bad\xff.csv"}}}}}}
	if err := d.Encode(&bytes.Buffer{}); err == nil {
		t.Error("invalid UTF-8 in a path was written")
	}
	d = &Draft{Name: Value{Text: "x", Note: "bad \xff note"}, Sections: []Section{{Kind: ledger.KindPayments, Entries: []Entry{{Input: Input{Path: "a.csv"}, Note: "\xfe"}}}}}
	if err := d.Encode(&bytes.Buffer{}); err != nil {
		t.Errorf("invalid UTF-8 in a comment: %v", err)
	}
}

// FuzzDraftRoundTrip: any name and any note, written by Draft, reads
// back as the same name; nothing panics.
func FuzzDraftRoundTrip(f *testing.F) {
	for _, n := range hardNames {
		f.Add(n, "note: "+n)
	}
	f.Add("a.csv", "line\nbreak\r\n# and \x00 control")
	f.Fuzz(func(t *testing.T, name, note string) {
		d := &Draft{
			Head: []string{note},
			Name: Value{Text: name, Note: note},
			Sections: []Section{{Kind: ledger.KindPayments, Entries: []Entry{{Input: Input{Path: "p" + name, Suspect: name}, Note: note}}},
				{Kind: ledger.KindRates, Empty: note}},
			Notes:       []string{note},
			Suggestions: []Suggestion{{Intro: []string{note}, Name: "x", HeaderRow: 1, Path: "p" + name}},
		}
		var b bytes.Buffer
		err := d.Encode(&b)
		if !utf8.ValidString(name) {
			if err == nil {
				t.Fatalf("invalid UTF-8 %q written", name)
			}
			return
		}
		if err != nil {
			t.Fatalf("encode %q: %v", name, err)
		}
		p := filepath.Join(t.TempDir(), "case.yaml")
		if err := os.WriteFile(p, b.Bytes(), 0o600); err != nil {
			t.Fatal(err)
		}
		c, err := Load(p)
		if err != nil {
			t.Fatalf("%v\n%s", err, b.String())
		}
		wantName := name
		if name == "" {
			wantName = "crosscheck case" // Load's default for an unnamed case
		}
		pay := c.Inputs[ledger.KindPayments]
		if c.Name != wantName || len(pay) != 1 || pay[0].Name != "p"+name || pay[0].Suspect != name || len(c.Inputs[ledger.KindRates]) != 0 {
			t.Fatalf("name %q read back as %q, %+v\n%s", name, c.Name, pay, b.String())
		}
	})
}
