package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/casefile"
	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/templates"
)

// TestInitThenValidate: what init writes, validate reads. On the sample's
// spreadsheets (without its hand-written case.yaml) in a folder whose name
// is full of YAML syntax, and on every real export layout crosscheck knows,
// init writes a case file whose name is the folder's, validate loads it and
// reads every table: it may find problems in the data (exit 1, the sample
// has them on purpose) but never one in the case file (exit 2).
func TestInitThenValidate(t *testing.T) {
	sample := filepath.Join(t.TempDir(), "sample")
	if err := writeSample(sample); err != nil {
		t.Fatal(err)
	}
	exports := filepath.Join(t.TempDir(), "exports")
	if err := os.MkdirAll(exports, 0o755); err != nil {
		t.Fatal(err)
	}
	fixtures, _ := filepath.Glob(filepath.Join("..", "..", "ingest", "testdata", "profiles", "*"))
	for _, f := range fixtures {
		if strings.HasSuffix(f, ".golden") {
			continue
		}
		copyFile(t, f, filepath.Join(exports, filepath.Base(f)))
	}
	os.WriteFile(filepath.Join(exports, "indagati.csv"), []byte("Id indagato,Cognome,Nome,IBAN\nS1,Rossi,Mario,IT60X0542811101000000123456\nS2,Gallo,Anna,\n"), 0o600)

	for _, tc := range []struct {
		from, folder, name string
	}{
		{sample, `Tempesta "perfetta": #1 - società`, `Tempesta "perfetta": #1 società`},
		{exports, `  estratti \ conti`, `estratti \ conti`},
	} {
		t.Run(tc.folder, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), tc.folder)
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			des, err := os.ReadDir(tc.from)
			if err != nil {
				t.Fatal(err)
			}
			var tables []string
			for _, de := range des {
				if ext := filepath.Ext(de.Name()); ext == ".csv" || ext == ".xlsx" || ext == ".tsv" {
					copyFile(t, filepath.Join(tc.from, de.Name()), filepath.Join(dir, de.Name()))
					tables = append(tables, de.Name())
				}
			}
			code, out, errs := runCLI(t, "init", dir)
			if code != exitOK || strings.Contains(out, "Not classified") || strings.Contains(out, "Non classificati") {
				t.Fatalf("init: exit %d\n%s%s", code, out, errs)
			}
			caseFile := filepath.Join(dir, "case.yaml")
			written, err := os.ReadFile(caseFile)
			if err != nil {
				t.Fatal(err)
			}
			c, err := casefile.Load(caseFile)
			if err != nil {
				t.Fatalf("%v\n%s", err, written)
			}
			if c.Name != tc.name {
				t.Errorf("case %q, want %q (the folder's name):\n%s", c.Name, tc.name, written)
			}
			code, out, errs = runCLI(t, "validate", "--case", caseFile)
			if code != exitOK && code != exitRejected {
				t.Fatalf("validate: exit %d\n%s%s\n%s", code, out, errs, written)
			}
			for _, name := range tables {
				if !strings.Contains(out, name) {
					t.Errorf("validate did not read %s:\n%s", name, out)
				}
			}
		})
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

// TestTemplateCaseFileRuns: the case file template writes lists every
// template under its kind, reads in the templates' language, and validate
// runs it; a case.yaml already in the folder is left as it is.
func TestTemplateCaseFileRuns(t *testing.T) {
	for _, tc := range []struct{ lang, comment string }{
		{"en", "# name the case"},
		{"it", "# il nome del caso"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "modelli: #1")
			if code, _, errs := runCLI(t, "template", dir, "--lang", tc.lang); code != exitOK {
				t.Fatalf("template: exit %d %s", code, errs)
			}
			caseFile := filepath.Join(dir, "case.yaml")
			written, err := os.ReadFile(caseFile)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(written), tc.comment) {
				t.Errorf("case file lacks %q:\n%s", tc.comment, written)
			}
			c, err := casefile.Load(caseFile)
			if err != nil {
				t.Fatalf("%v\n%s", err, written)
			}
			for _, k := range ledger.Kinds {
				ins := c.Inputs[k]
				if len(ins) != 1 || ins[0].Name != templates.FileName(k, tc.lang) {
					t.Errorf("%s: %+v, want the template", k, ins)
				}
			}
			if c.Lang != tc.lang {
				t.Errorf("lang %s, want %s", c.Lang, tc.lang)
			}
			if code, out, errs := runCLI(t, "validate", "--case", caseFile); code != exitOK {
				t.Errorf("validate: exit %d\n%s%s", code, out, errs)
			}
			// The report date's example, uncommented, is the day it shows.
			dated := strings.Replace(string(written), "# report_date:", "report_date:", 1)
			os.WriteFile(caseFile, []byte(dated), 0o600)
			if c, err := casefile.Load(caseFile); err != nil || c.ReportDate.Format("2006-01-02") != "2020-11-06" {
				t.Errorf("report_date uncommented: %v %v\n%s", c, err, dated)
			}

			os.WriteFile(caseFile, []byte("case: mine\n"), 0o600)
			code, out, errs := runCLI(t, "template", dir, "--lang", tc.lang)
			if code != exitOK || strings.Contains(out, "case.yaml") || !strings.Contains(errs, "not overwritten") {
				t.Errorf("template over an existing case.yaml: exit %d\n%s%s", code, out, errs)
			}
			if b, _ := os.ReadFile(caseFile); string(b) != "case: mine\n" {
				t.Errorf("the existing case.yaml was overwritten:\n%s", b)
			}
		})
	}
}
