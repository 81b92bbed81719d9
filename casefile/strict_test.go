package casefile

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

func loadText(t *testing.T, text string) (*Case, error) {
	t.Helper()
	p := filepath.Join(t.TempDir(), "case.yaml")
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return Load(p)
}

// goType is what a Go type name looks like in a message: a package-qualified
// name or a slice or map type.
var goType = regexp.MustCompile(`\b(casefile|ledger|yaml)\.[A-Za-z]|\[\][a-z]|map\[|fileCase|!!`)

func TestUnknownKeyAnywhereIsAnErrorWithLineAndNearestKey(t *testing.T) {
	tests := []struct {
		name, yaml string
		want       []string
	}{
		{"misspelt suspect in a payments entry",
			"case: x\npayments:\n  - path: a.csv\n  - path: b.csv\n    suspekt: S010\n",
			[]string{"line 5", "`suspekt`", "payments[2]", "did you mean `suspect`?"}},
		{"misspelt top-level key",
			"case: x\npayments: [a.csv]\nbenefit: [b.xlsx]\n",
			[]string{"line 3", "`benefit`", "top of the case file", "did you mean `benefits`?"}},
		{"swapped letters",
			"case: x\npaymnets: [a.csv]\n",
			[]string{"line 2", "did you mean `payments`?"}},
		{"nothing near",
			"case: x\npayments: [a.csv]\nzzzzzzzzzzz: 1\n",
			[]string{"line 3", "`zzzzzzzzzzz`", "the keys here are", "`payments`", "`report_date`"}},
		{"key in a rates entry",
			"payments: [a.csv]\nrates:\n  - {path: r.csv, pth: x}\n",
			[]string{"line 3", "`pth`", "rates[1]", "did you mean `path`?"}},
		{"list where one value goes",
			"case: [a, b]\npayments: [a.csv]\n",
			[]string{"line 1", "case: want a single value, found a list"}},
		{"one value where a list goes",
			"payments: a.csv\n",
			[]string{"line 1", "payments: want a list, found the value \"a.csv\""}},
		{"list inside columns",
			"payments: [a.csv]\ncolumns: {payments: [1, 2]}\n",
			[]string{"line 2", "columns.payments: want a set of keys, found a list"}},
		{"not keys at all",
			"- a.csv\n",
			[]string{"line 1", "not a list"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := loadText(t, tt.yaml)
			if err == nil {
				t.Fatal("loaded")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("err = %v\nwant it to contain %q", err, w)
				}
			}
			if goType.MatchString(err.Error()) {
				t.Errorf("err = %v: names a Go type", err)
			}
		})
	}
}

// TestStrictCheckFollowsTheStructs: a key is valid exactly when fileCase or
// Input declares it, so keys other parts of crosscheck add are accepted
// without touching the check.
func TestStrictCheckFollowsTheStructs(t *testing.T) {
	type entry struct {
		Path      string `yaml:"path"`
		Programme string `yaml:"programme"`
	}
	type extra struct {
		Opt string `yaml:"opt"`
	}
	type doc struct {
		Files    []entry           `yaml:"files"`
		Profiles map[string]extra  `yaml:"profiles"`
		Inline   extra             `yaml:",inline"`
		Skip     string            `yaml:"-"`
		Free     map[string]string `yaml:"free"`
	}
	parse := func(s string) error {
		fc, err := parseNode(s)
		if err != nil {
			t.Fatal(err)
		}
		return checkKeys(fc, reflectType[doc]())
	}
	if err := parse("files: [{path: a, programme: rdc}]\nprofiles: {bank: {opt: x}}\nopt: y\nfree: {anything: 1}\n"); err != nil {
		t.Errorf("declared keys refused: %v", err)
	}
	for _, bad := range []string{"files: [{path: a, programe: rdc}]\n", "profiles: {bank: {opx: x}}\n", "skip: 1\n"} {
		if err := parse(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestCaseFileDatesAndAmountsTakeTheInputsNotations(t *testing.T) {
	day := time.Date(2020, 11, 4, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		date, target, wantTarget string
	}{
		{"04/11/2020", "10.000.000", "10000000"},
		{"2020-11-04", "10,000,000", "10000000"},
		{"4.11.2020", "\"€ 10.000.000,00\"", "10000000"},
		{"04-11-2020", "10000000.50", "10000000.5"},
		{"\"2020-11-04\"", "10_000_000", "10000000"},
		{"04/11/20", "\"1.234.567,89\"", "1234567.89"},
		{"2020-11-04", "2500000", "2500000"},
	}
	for _, tt := range tests {
		c, err := loadText(t, "report_date: "+tt.date+"\ntarget_eur: "+tt.target+"\npayments: [a.csv]\n")
		if err != nil {
			t.Errorf("%s / %s: %v", tt.date, tt.target, err)
			continue
		}
		if !c.ReportDate.Equal(day) || c.TargetEUR.String() != tt.wantTarget {
			t.Errorf("%s / %s: got %s / %s", tt.date, tt.target, c.ReportDate.Format("2006-01-02"), c.TargetEUR)
		}
	}
}

func TestAmbiguousTargetIsRefused(t *testing.T) {
	for _, s := range []string{"10.000", "10,000", "-5", "0", "ten"} {
		if c, err := loadText(t, "target_eur: "+s+"\npayments: [a.csv]\n"); err == nil {
			t.Errorf("target %s accepted as %s", s, c.TargetEUR)
		} else if goType.MatchString(err.Error()) {
			t.Errorf("err = %v: names a Go type", err)
		}
	}
}
