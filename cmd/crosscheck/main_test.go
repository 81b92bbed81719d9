package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/ingest"
	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/templates"
	"github.com/spf13/cobra"
	"github.com/xuri/excelize/v2"
)

// runCLI runs the command tree through execute, as main does, and returns
// the exit code and what it printed.
func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	root := newRootCommand()
	var out, errb bytes.Buffer
	root.SetOut(&out)
	root.SetErr(&errb)
	code := execute(root, args)
	return code, out.String(), errb.String()
}

func TestVersion(t *testing.T) {
	code, out, _ := runCLI(t, "version")
	if code != 0 || !strings.Contains(out, version) {
		t.Errorf("version: code %d out %q", code, out)
	}
}

func TestBadInputsExitTwoWithOneLine(t *testing.T) {
	dir := t.TempDir()
	pdf := filepath.Join(dir, "statement.xlsx")
	os.WriteFile(pdf, []byte("%PDF-1.4\n1 0 obj\n<<>>\nendobj\n"), 0o644)
	empty := filepath.Join(dir, "empty.csv")
	os.WriteFile(empty, nil, 0o644)
	tests := []struct {
		name string
		args []string
	}{
		{"missing file", []string{"run", "--payments", filepath.Join(dir, "nope.csv"), "-o", filepath.Join(dir, "r.xlsx")}},
		{"directory", []string{"run", "--payments", dir, "-o", filepath.Join(dir, "r.xlsx")}},
		{"pdf renamed xlsx", []string{"run", "--payments", pdf, "-o", filepath.Join(dir, "r.xlsx")}},
		{"empty file", []string{"validate", "--payments", empty}},
		{"no inputs", []string{"run", "-o", filepath.Join(dir, "r.xlsx")}},
		{"no output", []string{"run", "--payments", empty}},
		{"missing case file", []string{"run", "--case", filepath.Join(dir, "case.yaml"), "-o", "x.xlsx"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errs := runCLI(t, tt.args...)
			if code != exitUsage {
				t.Errorf("exit %d, want 2 (stderr %q)", code, errs)
			}
			if strings.Count(strings.TrimSpace(errs), "\n") > 0 || errs == "" {
				t.Errorf("want one line on stderr, got %q", errs)
			}
		})
	}
}

func TestDemoWritesWorkbookAndJSON(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "demo")
	code, out, errs := runCLI(t, "demo", dir)
	if code != 0 {
		t.Fatalf("demo exit %d: %s", code, errs)
	}
	for _, f := range []string{"report.xlsx", "report.json", "case.yaml"} {
		if st, err := os.Stat(filepath.Join(dir, f)); err != nil || st.Size() == 0 {
			t.Errorf("%s missing or empty: %v", f, err)
		}
	}
	if !strings.Contains(out, "report.xlsx") {
		t.Errorf("demo does not say where the workbook is:\n%s", out)
	}
	var doc map[string]any
	data, _ := os.ReadFile(filepath.Join(dir, "report.json"))
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatalf("report.json: %v", err)
	}
	if doc["seized_eur"] == nil || doc["suspects"] == nil {
		t.Errorf("report.json lacks seized_eur or suspects")
	}
}

func TestValidateExitsOneOnRejectedRows(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "pay.csv")
	os.WriteFile(p, []byte("data;importo;riferimento\n01/02/2020;10,00;A1\n31/02/2020;12,00;A2\n"), 0o644)
	code, out, _ := runCLI(t, "validate", "--payments", p)
	if code != exitRejected {
		t.Errorf("exit %d, want 1; out:\n%s", code, out)
	}
	if !strings.Contains(out, "row 3") {
		t.Errorf("validate output does not name row 3:\n%s", out)
	}
}

func TestEveryCommandHasHelpAndExamples(t *testing.T) {
	for _, c := range newRootCommand().Commands() {
		if c.Name() == "help" || c.Name() == "completion" {
			continue
		}
		if c.Short == "" || c.Long == "" || c.Example == "" {
			t.Errorf("%s: Short, Long and Example must all be set", c.Name())
		}
	}
}

// TestTemplatesAreRecognisedByTheirKind: a template filled in by a user
// must be read back as the table it was made for, in both languages.
func TestTemplatesAreRecognisedByTheirKind(t *testing.T) {
	for _, lang := range []string{"en", "it"} {
		dir := t.TempDir()
		code, out, errs := runCLI(t, "template", dir, "--lang", lang)
		if code != 0 {
			t.Fatalf("template %s: exit %d %s", lang, code, errs)
		}
		files := strings.Fields(out)
		if len(files) != 8 || files[7] != filepath.Join(dir, "case.yaml") {
			t.Fatalf("template %s wrote %d files: %v", lang, len(files), files)
		}
		files = files[:7]
		byFile := map[string]string{}
		for _, k := range ledger.Kinds {
			byFile[templates.FileName(k, lang)] = string(k)
		}
		for _, f := range files {
			kind, known := byFile[filepath.Base(f)]
			if !known {
				t.Errorf("template %s wrote %s, not a template file name", lang, f)
				continue
			}
			cls, err := ingest.Classify(f)
			if err != nil {
				t.Errorf("%s: %v", f, err)
				continue
			}
			if len(cls) == 0 || string(cls[0].Kind) != kind {
				t.Errorf("%s template (%s) classified as %+v", kind, lang, cls)
			}
		}
	}
}

// TestReviewsCarryOverBetweenRuns: decisions typed into the workbook's
// Benefit flags sheet come back, by flag id, on the next run.
func TestReviewsCarryOverBetweenRuns(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "demo")
	if code, _, errs := runCLI(t, "demo", dir); code != 0 {
		t.Fatalf("demo: %s", errs)
	}
	book := filepath.Join(dir, "report.xlsx")
	f, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("Benefit flags")
	if len(rows) < 3 || rows[0][0] != "Flag ID" || rows[0][22] != "Decision" {
		t.Fatalf("unexpected Benefit flags header: %v", rows[0])
	}
	decided := rows[1][0]
	f.SetCellValue("Benefit flags", "W2", "confirmed")
	f.SetCellValue("Benefit flags", "X2", "Mar. Esposito")
	f.SetCellValue("Benefit flags", "Z2", "checked with INPS")
	if err := f.SaveAs(filepath.Join(dir, "reviewed.xlsx")); err != nil {
		t.Fatal(err)
	}
	f.Close()

	js := filepath.Join(dir, "second.json")
	code, _, errs := runCLI(t, "run", "--case", filepath.Join(dir, "case.yaml"), "--reviews", filepath.Join(dir, "reviewed.xlsx"), "--json", js, "-q")
	if code != 0 {
		t.Fatalf("second run: exit %d %s", code, errs)
	}
	var doc struct {
		Flags []struct {
			ID       string `json:"id"`
			State    string `json:"review_state"`
			Decision string `json:"decision"`
			Reviewer string `json:"reviewer"`
			Note     string `json:"note"`
		} `json:"benefit_flags"`
	}
	data, _ := os.ReadFile(js)
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, fl := range doc.Flags {
		if fl.ID == decided {
			found = true
			if fl.State != "unchanged" || fl.Decision != "confirmed" || fl.Reviewer != "Mar. Esposito" || fl.Note != "checked with INPS" {
				t.Errorf("carried flag = %+v", fl)
			}
		} else if fl.State != "new" || fl.Decision != "" {
			t.Errorf("undecided flag = %+v", fl)
		}
	}
	if !found {
		t.Errorf("flag %s not in the second run", decided)
	}
}

// outputText is everything a run left for a person to read: the workbook
// (every XML part: cells, shared strings, sheet names), the JSON and what
// was printed.
func outputText(t *testing.T, files []string, printed ...string) string {
	t.Helper()
	var b strings.Builder
	for _, p := range files {
		if strings.HasSuffix(p, ".xlsx") {
			zr, err := zip.OpenReader(p)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range zr.File {
				rc, _ := f.Open()
				data, _ := io.ReadAll(rc)
				rc.Close()
				b.Write(data)
			}
			zr.Close()
			continue
		}
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(data)
	}
	for _, s := range printed {
		b.WriteString(s)
	}
	return strings.ToUpper(b.String())
}

// TestNonMatchingRecipientsAppearNowhere: benefit recipients who match no
// suspect (the decoys among them) are in no output: workbook, JSON,
// terminal, nor any message.
func TestNonMatchingRecipientsAppearNowhere(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "demo")
	code, out, errs := runCLI(t, "demo", dir)
	if code != 0 {
		t.Fatalf("demo: %s", errs)
	}
	_, vout, verrs := runCLI(t, "validate", "--case", filepath.Join(dir, "case.yaml"))
	files := []string{filepath.Join(dir, "report.xlsx"), filepath.Join(dir, "report.json")}
	// The link exports are outputs too.
	for _, ex := range [][2]string{{"graphml", "case.graphml"}, {"ftm", "case.ftm.json"}, {"i2", "i2"}} {
		target := filepath.Join(dir, ex[1])
		if code, _, errs := runCLI(t, "export", "--case", filepath.Join(dir, "case.yaml"), "--format", ex[0], "--out", target); code != 0 {
			t.Fatalf("export %s: %s", ex[0], errs)
		}
		if ex[0] == "i2" {
			files = append(files, filepath.Join(target, "links.csv"), filepath.Join(target, "entities.csv"))
		} else {
			files = append(files, target)
		}
	}
	text := outputText(t, files, out, errs, vout, verrs)

	var suspects []ledger.Suspect
	ingest.ReadSuspects(ingest.Input{Path: filepath.Join(dir, "suspects.xlsx")}, ingest.Options{}, func(s ledger.Suspect) error {
		suspects = append(suspects, s)
		return nil
	})
	isSuspect := map[string]bool{}
	for _, s := range suspects {
		isSuspect[strings.ToUpper(s.TaxCode)] = true
		isSuspect[strings.ToUpper(s.Surname+" "+s.Name)] = true
		isSuspect[strings.ToUpper(s.Name+" "+s.Surname)] = true
	}
	var doc struct {
		Flags []struct {
			Application string `json:"application"`
		} `json:"benefit_flags"`
	}
	data, _ := os.ReadFile(filepath.Join(dir, "report.json"))
	json.Unmarshal(data, &doc)
	flagged := map[string]bool{}
	for _, f := range doc.Flags {
		flagged[f.Application] = true
	}
	checked := 0
	look := func(app, taxCode, surname, name string) {
		if flagged[app] {
			return // a matched household: its recipient is named by the flag's application only
		}
		if tc := strings.ToUpper(taxCode); tc != "" && !isSuspect[tc] {
			checked++
			if strings.Contains(text, tc) {
				t.Errorf("non-matching recipient's tax code %s appears in the outputs", tc)
			}
		}
		full := strings.ToUpper(strings.TrimSpace(surname + " " + name))
		if full != "" && !isSuspect[full] && !isSuspect[strings.ToUpper(name+" "+surname)] {
			checked++
			if strings.Contains(text, full) {
				t.Errorf("non-matching recipient %q appears in the outputs", full)
			}
		}
	}
	for _, f := range []string{"inps_rdc.xlsx", "inps_rdc_agg.csv"} {
		ingest.ReadBenefits(ingest.Input{Path: filepath.Join(dir, f)}, ingest.Options{}, func(b ledger.BenefitRow) error {
			look(b.Application, b.TaxCode, b.Surname, b.Name)
			return nil
		})
	}
	ingest.ReadHousehold(ingest.Input{Path: filepath.Join(dir, "inps_nuclei.xlsx")}, ingest.Options{}, func(h ledger.HouseholdMember) error {
		look(h.Application, h.TaxCode, h.Surname, h.Name)
		return nil
	})
	if checked < 50 {
		t.Errorf("only %d recipient values checked: the sample should have dozens", checked)
	}
}

func TestExportRejectsUnknownFormat(t *testing.T) {
	code, _, errs := runCLI(t, "export", "--case", "x.yaml", "--format", "dot", "--out", "x")
	if code != exitUsage || !strings.Contains(errs, "graphml") {
		t.Errorf("exit %d, %q: want 2 and the list of formats", code, errs)
	}
}

// TestSameInputsSameOutputs: two runs of one case give the same JSON
// bytes, the same workbook bytes and the same cell contents in every
// sheet.
func TestSameInputsSameOutputs(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "demo")
	if code, _, errs := runCLI(t, "demo", dir); code != 0 {
		t.Fatalf("demo: %s", errs)
	}
	c := filepath.Join(dir, "case.yaml")
	// The same output names in two folders: the report names its payment
	// detail file, so the names are part of the contents.
	for _, n := range []string{"1", "2"} {
		if err := os.Mkdir(filepath.Join(dir, n), 0o755); err != nil {
			t.Fatal(err)
		}
		if code, _, errs := runCLI(t, "run", "--case", c, "-o", filepath.Join(dir, n, "r.xlsx"), "--json", filepath.Join(dir, n, "r.json"), "-q"); code != 0 {
			t.Fatalf("run %s: %s", n, errs)
		}
	}
	for _, f := range []string{"r.json", "r.xlsx", "r-payments.xlsx"} {
		b1, _ := os.ReadFile(filepath.Join(dir, "1", f))
		b2, _ := os.ReadFile(filepath.Join(dir, "2", f))
		if len(b1) < 10000 || !bytes.Equal(b1, b2) {
			t.Errorf("%s differs between two runs of the same case (%d and %d bytes)", f, len(b1), len(b2))
		}
	}
	cells := func(p string) map[string][][]string {
		f, err := excelize.OpenFile(p)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		out := map[string][][]string{}
		for _, s := range f.GetSheetList() {
			out[s], _ = f.GetRows(s)
		}
		return out
	}
	c1, c2 := cells(filepath.Join(dir, "1", "r.xlsx")), cells(filepath.Join(dir, "2", "r.xlsx"))
	if len(c1) != 10 {
		t.Errorf("workbook has %d sheets, want 10 (Payments is in the payment detail)", len(c1))
	}
	for s, rows := range c1 {
		if fmt.Sprint(rows) != fmt.Sprint(c2[s]) {
			t.Errorf("sheet %s differs between two runs", s)
		}
	}
}

// TestValidateExitsZeroWhenOnlyNotes: an ignored column and a duplicate
// row set aside are notes, not problems.
func TestValidateExitsZeroWhenOnlyNotes(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "pay.csv")
	os.WriteFile(p, []byte("data;importo;riferimento;colonna extra\n01/02/2020;10,00;A1;x\n01/02/2020;10,00;A1;x\n"), 0o644)
	code, out, errs := runCLI(t, "validate", "--payments", p)
	if code != exitOK {
		t.Errorf("exit %d, want 0:\n%s%s", code, out, errs)
	}
	for _, want := range []string{"Notes (nothing to fix): 2", "    column \"colonna extra\": unknown column", "    row 3, column \"riferimento\"",
		"duplicate of", "0 rejected or not counted, 0 warnings, 2 notes; 0 rows rejected"} {
		if !strings.Contains(out, want) {
			t.Errorf("validate output lacks %q:\n%s", want, out)
		}
	}
}

// TestExecuteMapsErrorsToExitCodes runs execute on a command tree whose
// commands fail in each way, so the one place that maps errors to codes is
// covered directly.
func TestExecuteMapsErrorsToExitCodes(t *testing.T) {
	tests := []struct {
		name     string
		err      error
		code     int
		wantLine string
	}{
		{"success", nil, exitOK, ""},
		{"rejected rows", withCode(exitRejected, errors.New("3 rows rejected")), exitRejected, "crosscheck: 3 rows rejected\n"},
		{"wrapped code", fmt.Errorf("run: %w", withCode(exitRejected, errors.New("x"))), exitRejected, "crosscheck: run: x\n"},
		{"plain error is usage", errors.New("bad flag"), exitUsage, "crosscheck: bad flag\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := newRootCommand()
			root.AddCommand(&cobra.Command{Use: "fail", RunE: func(*cobra.Command, []string) error { return tt.err }})
			var out, errb bytes.Buffer
			root.SetOut(&out)
			root.SetErr(&errb)
			if code := execute(root, []string{"fail"}); code != tt.code {
				t.Errorf("exit %d, want %d", code, tt.code)
			}
			if errb.String() != tt.wantLine {
				t.Errorf("stderr %q, want %q", errb.String(), tt.wantLine)
			}
		})
	}
	// An unknown command or flag is a usage error from cobra itself.
	root := newRootCommand()
	var errb bytes.Buffer
	root.SetErr(&errb)
	root.SetOut(io.Discard)
	if code := execute(root, []string{"run", "--no-such-flag"}); code != exitUsage {
		t.Errorf("unknown flag: exit %d, want %d", code, exitUsage)
	}
}

// TestHelpNamesTheCaseFileValue: pflag takes a backquoted word of a flag's
// usage as its value name; the case flag's must be the file, not a command.
func TestHelpNamesTheCaseFileValue(t *testing.T) {
	for _, cmd := range []string{"run", "validate"} {
		_, out, _ := runCLI(t, cmd, "--help")
		if !strings.Contains(out, "-c, --case case.yaml") || strings.Contains(out, "--case crosscheck") {
			t.Errorf("%s --help: case flag reads %q", cmd, lineWith(out, "--case"))
		}
	}
	_, out, _ := runCLI(t, "demo", "--help")
	if strings.Contains(out, "--strict") {
		t.Errorf("demo --help speaks of --strict, which it does not take")
	}
}

func lineWith(s, sub string) string {
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, sub) {
			return l
		}
	}
	return ""
}
