package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestReportPrintsToBeFiled prints the report of the sample case and of a
// 20,000-payment, 40-suspect case with LibreOffice, as an investigator
// files it (docs/report.md#print): under 60 pages, no "###" where a number
// did not fit, every SHA-256 whole, pages numbered per sheet. It runs
// when LibreOffice is installed (CI installs it).
func TestReportPrintsToBeFiled(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice not installed: skipping the print check")
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) not installed: skipping the print check")
	}
	if testing.Short() {
		t.Skip("-short: skipping the print check")
	}
	dir := t.TempDir()
	sample := filepath.Join(dir, "sample")
	if code, _, errs := runCLI(t, "demo", sample); code != 0 {
		t.Fatalf("demo: %s", errs)
	}
	large := filepath.Join(dir, "large")
	gen := exec.Command("go", "run", "./testdata/gen", "-scale", "large", "-out", large, "-payments", "20000", "-suspects", "40")
	gen.Dir = filepath.Join("..", "..")
	if out, err := gen.CombinedOutput(); err != nil {
		t.Fatalf("generate the 20,000-payment case: %v\n%s", err, out)
	}
	largeReport := filepath.Join(dir, "large.xlsx")
	if code, _, errs := runCLI(t, "run", "-q", "--case", filepath.Join(large, "case.yaml"), "-o", largeReport); code != 0 {
		t.Fatalf("run: %s", errs)
	}
	for _, tt := range []struct{ name, book string }{
		{"sample", filepath.Join(sample, "report.xlsx")},
		{"20000 payments", largeReport},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := os.Stat(strings.TrimSuffix(tt.book, ".xlsx") + "-payments.xlsx"); err != nil {
				t.Errorf("no payment detail beside the report: %v", err)
			}
			text, took := printPDF(t, soffice, tt.book)
			pages := strings.Count(text, "\f")
			t.Logf("%s: %d pages in %s", tt.name, pages, took.Round(time.Second))
			if pages >= 60 {
				t.Errorf("%d pages: the report must print in under 60", pages)
			}
			if n := strings.Count(text, "###"); n > 0 {
				i := strings.Index(text, "###")
				t.Errorf("%d cells print as ###, e.g. %q", n, text[max(0, i-80):i+3])
			}
			// Pages are numbered per sheet: the first page of every
			// printed sheet is page 1.
			if n := strings.Count(text, "Page 1\n"); n < 8 {
				t.Errorf("%d sheets start at page 1, want every sheet numbered on its own", n)
			}
		})
	}
}

// printPDF exports book to PDF with LibreOffice and returns the PDF's
// text, pages separated by form feeds, and how long the export took.
func printPDF(t *testing.T, soffice, book string) (string, time.Duration) {
	t.Helper()
	out := t.TempDir()
	// A guard, not a measure: the print once took 9.5 minutes.
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	start := time.Now()
	cmd := exec.CommandContext(ctx, soffice, "--headless", "--norestore",
		"-env:UserInstallation=file://"+filepath.Join(out, "lo"), "--convert-to", "pdf", "--outdir", out, book)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, b)
	}
	took := time.Since(start)
	pdf := filepath.Join(out, strings.TrimSuffix(filepath.Base(book), ".xlsx")+".pdf")
	txt, err := exec.Command("pdftotext", "-layout", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", pdf, err)
	}
	return string(txt), took
}
