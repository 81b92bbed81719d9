package reports

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"flag"
	"github.com/crosscheck/crosscheck/sheets"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with testdata/name, rewriting it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden (run go test ./reports -update): %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from golden:\n%s", name, got)
	}
}

func TestJSONGolden(t *testing.T) {
	var a, b bytes.Buffer
	if err := WriteJSON(&a, testReport("en")); err != nil {
		t.Fatal(err)
	}
	if err := WriteJSON(&b, testReport("en")); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("two writes of the same report differ")
	}
	var doc map[string]any
	if err := json.Unmarshal(a.Bytes(), &doc); err != nil {
		t.Fatalf("invalid JSON: %v", err)
	}
	for key, want := range map[string]any{"target_eur": "10000000.00", "seized_eur": "251500.10", "target_percent": "2.52", "report_date": "2020-11-06"} {
		if doc[key] != want {
			t.Errorf("%s = %v, want %v", key, doc[key], want)
		}
	}
	golden(t, "report.golden.json", a.Bytes())
}

func TestSummaryGoldenFitsEightyColumns(t *testing.T) {
	for _, lang := range []string{"en", "it"} {
		var buf bytes.Buffer
		if err := WriteSummary(&buf, testReport(lang)); err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(buf.String(), "\n") {
			if n := utf8.RuneCountInString(line); n > 80 {
				t.Errorf("%s line %d has %d columns: %q", lang, i+1, n, line)
			}
		}
		golden(t, "summary."+lang+".golden.txt", buf.Bytes())
	}
}

func TestGroupDecimal(t *testing.T) {
	tests := []struct {
		in   string
		it   bool
		want string
	}{
		{"1234567.891", false, "1,234,567.89"},
		{"1234567.891", true, "1.234.567,89"},
		{"-12.5", true, "-12,50"},
		{"0", false, "0.00"},
		{"999", false, "999.00"},
	}
	for _, tt := range tests {
		if got := groupDecimal(d(tt.in), tt.it); got != tt.want {
			t.Errorf("groupDecimal(%s, %v) = %q, want %q", tt.in, tt.it, got, tt.want)
		}
	}
}

// TestWorkbookOpensInLibreOffice converts the workbook with a real
// spreadsheet program and reads the figures back.
func TestWorkbookOpensInLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice not installed: skipping the real-client check of the workbook")
	}
	dir := t.TempDir()
	book := filepath.Join(dir, "book.xlsx")
	if err := WriteWorkbook(book, testReport("en")); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 120*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, soffice, "--headless", "--norestore",
		"-env:UserInstallation=file://"+filepath.Join(dir, "lo"),
		"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,UTF8,1,,0,false,true,false,false,false,-1",
		"--outdir", dir, book)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	order := sheets.Order(false)
	sheets := map[string][][]string{}
	for _, name := range order {
		b, err := os.ReadFile(filepath.Join(dir, "book-"+name+".csv"))
		if err != nil {
			t.Errorf("sheet %q not exported: %v", name, err)
			continue
		}
		rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
		if err != nil {
			// Rows have different lengths; read them loosely.
			r := csv.NewReader(bytes.NewReader(b))
			r.FieldsPerRecord = -1
			rows, err = r.ReadAll()
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
		}
		sheets[name] = rows
	}
	sus := sheets["Suspects"]
	if len(sus) < 5 {
		t.Fatalf("Suspects: %d rows", len(sus))
	}
	total := sus[4]
	for col, want := range map[int]string{0: "Total", 6: "5", 7: "432.96", 8: "251500.1", 9: "45.5", 14: "1"} {
		if col >= len(total) || total[col] != want {
			t.Errorf("Suspects totals col %d = %q, want %q (row %q)", col, at(total, col), want, total)
		}
	}
	want := map[string]string{"Target EUR": "10000000", "Seized EUR": "251500.1", "Percent of target reached": "2.52",
		"Remaining EUR": "9748499.9", "Unattributed EUR": "42.85", "Benefit proposed for recovery EUR": "2280.1"}
	for _, row := range sheets["Summary"] {
		if w, ok := want[at(row, 0)]; ok {
			if at(row, 1) != w {
				t.Errorf("Summary %s = %q, want %q", row[0], at(row, 1), w)
			}
			delete(want, row[0])
		}
	}
	if len(want) > 0 {
		t.Errorf("Summary lacks %v", want)
	}
	// The protected flags sheet opens, with its review columns.
	flags := sheets["Benefit flags"]
	if len(flags) < 3 || at(flags[0], 0) != "Flag ID" || at(flags[0], flagColDecision) != "Decision" || at(flags[1], flagColState) != "new" {
		t.Errorf("Benefit flags as LibreOffice reads it: %q", flags)
	}
}

func at(row []string, i int) string {
	if i < len(row) {
		return row[i]
	}
	return ""
}
