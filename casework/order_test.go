package casework

import (
	"bytes"
	"path/filepath"
	"slices"
	"testing"

	"github.com/crosscheck/crosscheck/casefile"
	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/reports"
)

// The rates are read on another goroutine when there is no progress line
// (and in place when there is one): the issues and sources must come out
// in input order either way, suspects and identifiers first.
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
	wantSources := []string{"suspects.csv", "identifiers.csv", "rates_a.csv", "rates_b.csv", "payments.csv"}
	// Files of the issues in order, each run of one file once.
	var files []string
	for _, is := range runs[0].issues {
		if f := filepath.Base(is.Path); len(files) == 0 || files[len(files)-1] != f {
			files = append(files, f)
		}
	}
	// Rows read, then the attributor's findings, then the rates.
	wantFiles := []string{"suspects.csv", "identifiers.csv", "suspects.csv", "rates_a.csv", "rates_b.csv", "payments.csv"}
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
