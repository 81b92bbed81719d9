package msg

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

var placeholder = regexp.MustCompile(`\{(\d)\}`)

// TestCatalogueIsComplete: every message has both texts, and each text
// uses exactly the arguments the entry declares.
func TestCatalogueIsComplete(t *testing.T) {
	if len(duplicateKeys) > 0 {
		t.Errorf("keys defined twice: %q", duplicateKeys)
	}
	for k, e := range catalogue {
		if strings.TrimSpace(e.en) == "" || strings.TrimSpace(e.it) == "" {
			t.Errorf("%s: missing English or Italian text", k)
			continue
		}
		for lang, text := range map[string]string{EN: e.en, IT: e.it} {
			used := map[int]bool{}
			for _, m := range placeholder.FindAllStringSubmatch(text, -1) {
				n, _ := strconv.Atoi(m[1])
				used[n] = true
			}
			for i := range e.args {
				if !used[i] {
					t.Errorf("%s (%s): argument {%d} not used in %q", k, lang, i, text)
				}
			}
			for n := range used {
				if n >= len(e.args) {
					t.Errorf("%s (%s): {%d} but %d arguments declared", k, lang, n, len(e.args))
				}
			}
		}
	}
	for en, it := range labels {
		if strings.TrimSpace(it) == "" {
			t.Errorf("label %q has no Italian", en)
		}
	}
	for f, n := range fieldNames {
		if n[0] == "" || n[1] == "" {
			t.Errorf("field %q lacks a name", f)
		}
	}
}

// TestEveryKeyHasAnEntry: a Key constant without a catalogue entry would
// render as its key.
func TestEveryKeyHasAnEntry(t *testing.T) {
	fset := token.NewFileSet()
	pkgs, err := parser.ParseDir(fset, ".", func(fi fs.FileInfo) bool { return !strings.HasSuffix(fi.Name(), "_test.go") }, 0)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, p := range pkgs {
		for _, f := range p.Files {
			for _, d := range f.Decls {
				g, ok := d.(*ast.GenDecl)
				if !ok || g.Tok != token.CONST {
					continue
				}
				for _, s := range g.Specs {
					vs := s.(*ast.ValueSpec)
					if id, ok := vs.Type.(*ast.Ident); !ok || id.Name != "Key" {
						continue
					}
					for _, name := range vs.Names {
						n++
						v, _ := strconv.Unquote(vs.Values[0].(*ast.BasicLit).Value)
						if _, ok := catalogue[Key(v)]; !ok {
							t.Errorf("key %s (%q) has no catalogue entry", name.Name, v)
						}
					}
				}
			}
		}
	}
	if n != len(catalogue) {
		t.Errorf("%d Key constants, %d catalogue entries", n, len(catalogue))
	}
}

// detailAllowed lists the files that may wrap a text from outside the
// catalogue (an operating-system error, a reader's error) in Detail.
var detailAllowed = []string{"ingest/messages.go", "ingest/table.go", "match/ident/messages.go"}

// TestEmittersUseTheCatalogue reads every Go file of the module: each
// msg.New names a catalogue key with the arguments the entry declares,
// and free text (Detail) is used only where a foreign error is shown.
func TestEmittersUseTheCatalogue(t *testing.T) {
	root := ".."
	calls := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, src, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 {
				return true
			}
			// msg.New(key, ...), errMsg(key, ...), rejectMsg(col, value, key, ...)
			ki := -1
			switch fn := call.Fun.(type) {
			case *ast.SelectorExpr:
				if pkg, ok := fn.X.(*ast.Ident); ok && pkg.Name == "msg" && fn.Sel.Name == "New" {
					ki = 0
				}
			case *ast.Ident:
				switch fn.Name {
				case "errMsg":
					ki = 0
				case "rejectMsg":
					ki = 2
				}
			}
			if ki < 0 {
				return true
			}
			if ki >= len(call.Args) {
				return true
			}
			ks, ok := call.Args[ki].(*ast.SelectorExpr)
			if !ok {
				return true // a key held in a variable
			}
			calls++
			where := fset.Position(call.Pos()).String()
			key := keyOfConst(ks.Sel.Name)
			e, ok := catalogue[key]
			if !ok {
				t.Errorf("%s: msg.%s is not in the catalogue", where, ks.Sel.Name)
				return true
			}
			if call.Ellipsis == token.NoPos && len(call.Args)-ki-1 != len(e.args) {
				t.Errorf("%s: %s with %d arguments, the catalogue declares %d", where, ks.Sel.Name, len(call.Args)-ki-1, len(e.args))
			}
			if key == Detail && !slices.Contains(detailAllowed, rel) {
				t.Errorf("%s: free text (Detail) outside %v: add a catalogue entry", where, detailAllowed)
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if calls < 50 {
		t.Errorf("found only %d message constructions: is the walk broken?", calls)
	}
}

// keyOfConst maps a Key constant's name to its value by parsing this
// package once.
func keyOfConst(name string) Key {
	keyNamesOnce()
	return keyNames[name]
}

var keyNames map[string]Key

func keyNamesOnce() {
	if keyNames != nil {
		return
	}
	keyNames = map[string]Key{}
	fset := token.NewFileSet()
	pkgs, _ := parser.ParseDir(fset, ".", func(fi fs.FileInfo) bool { return !strings.HasSuffix(fi.Name(), "_test.go") }, 0)
	for _, p := range pkgs {
		for _, f := range p.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				vs, ok := n.(*ast.ValueSpec)
				if !ok || vs.Type == nil {
					return true
				}
				if id, ok := vs.Type.(*ast.Ident); ok && id.Name == "Key" {
					for i, nm := range vs.Names {
						v, _ := strconv.Unquote(vs.Values[i].(*ast.BasicLit).Value)
						keyNames[nm.Name] = Key(v)
					}
				}
				return true
			})
		}
	}
}

func TestRenderInBothLanguages(t *testing.T) {
	day := time.Date(2020, 8, 12, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		m      Message
		en, it string
	}{
		{New(NoRateWithin, Text("USD"), Date(day), Int(7)),
			"no rate for USD on 2020-08-12 (none within 7 days before)",
			"nessun cambio USD per il 12/08/2020 (nessuno nei 7 giorni precedenti)"},
		{New(SameReferenceOtherAmount, Text("R1"), Ref("paypal.xlsx", "Transazioni", 5), NumText("1451.567792569591619465"), NumText("120.00")),
			"same reference R1 as paypal.xlsx [Transazioni] row 5 with a different amount (1451.567792569591619465 vs 120.00): both kept",
			"stesso riferimento R1 di paypal.xlsx [Transazioni] riga 5 con importo diverso (1.451,567792569591619465 contro 120,00): tenuti entrambi"},
		{New(BenefitMonthsAgain, Months("2019-05..2020-10, 2021-01"), Ref("rdc.csv", "", 4)),
			"2019-05..2020-10, 2021-01 already paid by rdc.csv row 4 with the same amount: not counted again",
			"mag 2019 - ott 2020, gen 2021 già pagato in rdc.csv riga 4 con lo stesso importo: non conteggiato di nuovo"},
		{New(NotCounted, Nested(New(NoRateAtAll, Text("CHF"), Date(day)))),
			"no rate for CHF on 2020-08-12 (no CHF rates in the inputs): not counted",
			"nessun cambio CHF per il 12/08/2020 (i dati non contengono cambi CHF): non conteggiato"},
		{New(AssetShareOutside, Num(decimal.RequireFromString("-1234.5"))),
			"ownership share -1234.5 is outside (0, 1]: not counted",
			"quota di proprietà -1.234,5 fuori da (0, 1]: non conteggiato"},
		{Message{}, "", ""},
	}
	for _, tt := range tests {
		if got := tt.m.In(EN); got != tt.en {
			t.Errorf("en: %q\nwant %q", got, tt.en)
		}
		if got := tt.m.In(IT); got != tt.it {
			t.Errorf("it: %q\nwant %q", got, tt.it)
		}
	}
}

func TestItalianNotation(t *testing.T) {
	for in, want := range map[string]string{
		"1451.567792569591619465": "1.451,567792569591619465",
		"-1000000":                "-1.000.000",
		"999":                     "999",
		"0.5":                     "0,5",
		"12 USD":                  "12 USD", // not a plain number: as written
		"1.2.3":                   "1.2.3",
	} {
		if got := Number(in, IT); got != want {
			t.Errorf("Number(%q) = %q, want %q", in, got, want)
		}
		if got := Number(in, EN); got != in {
			t.Errorf("Number(%q, en) = %q", in, got)
		}
	}
	if got := MonthsText("2019-05..2020-10", IT); got != "mag 2019 - ott 2020" {
		t.Errorf("months %q", got)
	}
	if got := MonthsText("2020-01; 2020-13", IT); got != "gen 2020; 2020-13" {
		t.Errorf("months %q", got)
	}
	if got := DateText("2020-11-06", IT); got != "06/11/2020" {
		t.Errorf("date %q", got)
	}
}

func TestMessageIsComparableAndRoundTrips(t *testing.T) {
	a := New(RateTwice, Text("USD"), Date(time.Date(2020, 1, 2, 0, 0, 0, 0, time.UTC)), Nested(New(QuoteUnitsPerEUR, NumText("1.1"), Text("USD"))),
		Ref("a.csv", "", 2), Nested(New(QuoteEURPerUnit, NumText("0.9"), Text("USD"))), Ref("b.csv", "S", 3))
	b := Decode(a.Key, a.Encoded())
	if a != b || a.String() != b.String() {
		t.Errorf("%v != %v", a, b)
	}
	if got := a.String(); got != "rate for USD on 2020-01-02 given twice: 1.1 USD per EUR (a.csv row 2) and 0.9 EUR per USD (b.csv [S] row 3): the first is kept" {
		t.Errorf("%q", got)
	}
}

func TestRedact(t *testing.T) {
	m := New(RecipientInvalid, Term("applicant"), Nested(New(TaxCodeLength, Text("RSSMRA80"), Int(8))))
	got := m.Redact("RSSMRA80").String()
	if strings.Contains(got, "RSSMRA80") || !strings.Contains(got, "tax code …") {
		t.Errorf("%q", got)
	}
}
