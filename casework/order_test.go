package casework

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/casefile"
	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/match/ident"
	"github.com/crosscheck/crosscheck/reports"
)

// The rates, and the households and benefit lists, are read on other
// goroutines (with a progress line or without): the issues and sources
// must come out in input order either way, suspects and identifiers first.
func TestRatesReadAsideKeepInputOrder(t *testing.T) {
	var runs [2]struct {
		issues  []ledger.Issue
		sources []string
	}
	for i, progress := range []*bytes.Buffer{nil, new(bytes.Buffer)} {
		c, err := casefile.Load(filepath.Join("testdata", "order", "case.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		opt := Options{Version: "test"}
		if progress != nil {
			opt.Progress = progress
		}
		res := runSample(t, c, opt)
		runs[i].issues = slices.Collect(res.Report.Issues)
		for _, s := range res.Report.Sources {
			runs[i].sources = append(runs[i].sources, filepath.Base(s.Path))
		}
	}
	wantSources := []string{"suspects.csv", "identifiers.csv", "rates_a.csv", "rates_b.csv", "household.csv", "benefits.csv", "assets.csv", "payments.csv"}
	// Files of the issues in order, each run of one file once.
	var files []string
	for _, is := range runs[0].issues {
		if f := filepath.Base(is.Path); len(files) == 0 || files[len(files)-1] != f {
			files = append(files, f)
		}
	}
	// Rows read, then the attributor's findings, then the rates, the
	// benefit lists, the assets and the payments.
	wantFiles := []string{"suspects.csv", "identifiers.csv", "suspects.csv", "rates_a.csv", "rates_b.csv", "household.csv", "benefits.csv", "assets.csv", "payments.csv"}
	for r, run := range runs {
		if !slices.Equal(run.sources, wantSources) {
			t.Errorf("run %d: sources %v, want %v", r, run.sources, wantSources)
		}
	}
	if !slices.Equal(files, wantFiles) {
		t.Errorf("issues come from %v, want %v:\n%v", files, wantFiles, runs[0].issues)
	}
	if !slices.Equal(runs[0].issues, runs[1].issues) {
		t.Errorf("issues differ with a progress line:\n%v\n%v", runs[0].issues, runs[1].issues)
	}
}

// A run for the JSON alone keeps no payment rows; the document must be
// the same bytes as from a run that kept them for a workbook.
func TestNoPaymentRowsGivesTheSameJSON(t *testing.T) {
	var docs [2][]byte
	for i, noRows := range []bool{false, true} {
		c, err := casefile.Load(filepath.Join(sampleDir, "case.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		res := runSample(t, c, Options{Version: "test", NoPaymentRows: noRows})
		rows, read := 0, 0
		for _, s := range res.Report.Sources {
			if s.Kind == ledger.KindPayments {
				read += s.Accepted + s.Duplicates
			}
		}
		if res.Report.Entries != nil {
			for range res.Report.Entries {
				rows++
			}
		}
		switch {
		case noRows && res.Report.Entries != nil:
			t.Errorf("NoPaymentRows: Report.Entries is set")
		case !noRows && rows != read:
			t.Errorf("Entries yields %d rows, want the %d payment rows accepted or set aside as duplicates", rows, read)
		}
		var buf bytes.Buffer
		if err := reports.WriteJSON(&buf, res.Report); err != nil {
			t.Fatal(err)
		}
		if err := res.Err(); err != nil {
			t.Fatal(err)
		}
		docs[i] = buf.Bytes()
	}
	if len(docs[0]) < 1000 || !bytes.Equal(docs[0], docs[1]) {
		t.Errorf("JSON differs without payment rows (%d and %d bytes)", len(docs[0]), len(docs[1]))
	}
}

// Two exports of the benefit agency that overlap: the repeated rows are
// listed as duplicates of their source (rows = accepted + rejected +
// duplicates) and the benefit and recovery are counted once.
func TestOverlappingBenefitExports(t *testing.T) {
	birth := time.Date(1980, 5, 12, 0, 0, 0, 0, time.UTC)
	code := ident.EncodeTaxCode("Esposito", "Gennaro", "M", birth, "F839")
	files := map[string]string{
		"suspects.csv": "id;codice fiscale;cognome;nome;data di nascita\nS1;" + code + ";Esposito;Gennaro;12/05/1980\n",
		"payments.csv": "data;importo;valuta;indagato;riferimento\n10/02/2020;100,00;EUR;S1;T1\n20/03/2020;50,00;EUR;S1;T2\n",
		"rdc_1.csv":    "id domanda;codice fiscale;cognome;nome;mese;importo\nA1;" + code + ";ESPOSITO;GENNARO;2020-01;500,00\nA1;" + code + ";ESPOSITO;GENNARO;2020-02;500,00\n",
		"rdc_2.csv":    "id domanda;codice fiscale;cognome;nome;mese;importo\nA1;" + code + ";ESPOSITO;GENNARO;2020-02;500,00\nA1;" + code + ";ESPOSITO;GENNARO;2020-03;500,00\n",
		"case.yaml":    "case: overlap\nsuspects: [suspects.csv]\npayments: [payments.csv]\nbenefits: [rdc_1.csv, rdc_2.csv]\n",
	}
	c := writeCase(t, files)
	rep := runSample(t, c).Report
	want := map[string][4]int{"rdc_1.csv": {2, 2, 0, 0}, "rdc_2.csv": {2, 1, 0, 1}} // rows, accepted, rejected, duplicates
	for _, s := range rep.Sources {
		if s.Kind != ledger.KindBenefits {
			continue
		}
		got := [4]int{s.Rows, s.Accepted, s.Rejected, s.Duplicates}
		if got != want[filepath.Base(s.Path)] {
			t.Errorf("%s: rows, accepted, rejected, duplicates = %v, want %v", s.Path, got, want[filepath.Base(s.Path)])
		}
		delete(want, filepath.Base(s.Path))
	}
	if len(want) > 0 {
		t.Errorf("sources missing: %v", want)
	}
	if len(rep.Flags) != 1 {
		t.Fatalf("flags = %+v", rep.Flags)
	}
	f := rep.Flags[0]
	if f.BenefitEUR.StringFixed(2) != "1500.00" || f.RecoveryEUR.StringFixed(2) != "1000.00" || len(f.OverlapMonths) != 2 {
		t.Errorf("flag benefit %s, recovery %s over %d months; want 1500.00, 1000.00 over 2 (February counted once)",
			f.BenefitEUR.StringFixed(2), f.RecoveryEUR.StringFixed(2), len(f.OverlapMonths))
	}
	notes := 0
	for is := range rep.Issues {
		if (is.Level == ledger.LevelNote) && strings.Contains(is.Msg.String(), "duplicate of rdc_1.csv row 3") {
			notes++
		}
	}
	if notes != 1 {
		t.Errorf("want one note naming rdc_1.csv row 3, got %d", notes)
	}
}

// The first row of a conflict is known to be one only once the second is
// read: the rows read back for the workbook must mark both, after the
// ledger has dropped its duplicate table.
func TestConflictMarkedOnBothRowsAfterSeal(t *testing.T) {
	files := map[string]string{
		"suspects.csv": "id;cognome;nome\nS1;Neri;Dario\n",
		"payments.csv": "data;importo;valuta;indagato;riferimento\n10/02/2020;100,00;EUR;S1;T1\n11/02/2020;5,00;EUR;S1;T2\n12/02/2020;120,00;EUR;S1;t1\n13/02/2020;5,00;EUR;S1;T2\n",
		"case.yaml":    "case: conflict\nsuspects: [suspects.csv]\npayments: [payments.csv]\n",
	}
	c := writeCase(t, files)
	res := runSample(t, c)
	var got []string
	for e := range res.Report.Entries {
		got = append(got, fmt.Sprintf("%d %s", e.Ref.Row, e.Status))
	}
	if err := res.Err(); err != nil {
		t.Fatal(err)
	}
	want := []string{"2 " + string(ledger.EntryConflict), "3 " + string(ledger.EntryOK), "4 " + string(ledger.EntryConflict), "5 " + string(ledger.EntryDuplicate)}
	if !slices.Equal(got, want) {
		t.Errorf("rows %q, want %q", got, want)
	}
}

// writeCase writes files (name -> text, case.yaml among them) into a
// new directory and loads the case.
func writeCase(t *testing.T, files map[string]string) *casefile.Case {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	c, err := casefile.Load(filepath.Join(dir, "case.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return c
}
