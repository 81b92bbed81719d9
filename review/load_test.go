package review

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/msg"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

var enHeader = []any{"Flag ID", "Suspect", "Application", "Class", "Months paid", "Benefit EUR", "Overlap months",
	"Recovery EUR", "Income during benefit EUR", "Status", "Review state", "Decision", "Reviewer", "Review date", "Note"}

var itHeader = []any{"ID segnalazione", "Indagato", "Domanda", "Classe", "Mensilità pagate", "RdC percepito EUR",
	"Mesi sovrapposti", "Da recuperare EUR", "Proventi durante il RdC EUR", "Stato", "Stato revisione",
	"Decisione", "Revisore", "Data revisione", "Note"}

// writeBook writes a workbook with one sheet holding rows, row 1 first.
func writeBook(t *testing.T, sheet string, rows ...[]any) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		t.Fatal(err)
	}
	for i, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sheet, cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "review.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func TestLoadReadsDecisionsAndSnapshot(t *testing.T) {
	serial := 44197.0 // 2021-01-01 as an Excel date cell
	tests := []struct {
		name, sheet string
		header      []any
		row         []any
		want        Decision
	}{
		{"english", "Benefit flags", enHeader,
			[]any{"F-1", "S001", "A1", "exact", 6, 3000, 4, 1224.8, 407.46, "to review", "new", "Confirmed", "M. Bianco", serial, "checked"},
			Decision{FlagID: "F-1", Suspect: "S001", Application: "A1", Decision: Confirmed, Reviewer: "M. Bianco",
				ReviewDate: time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC), Note: "checked", Class: "exact", MonthsPaid: 6,
				BenefitEUR: dec("3000"), OverlapMonths: 4, RecoveryEUR: dec("1224.80"), IncomeDuringEUR: dec("407.46"), Sheet: "Benefit flags", Row: 2}},
		{"italian, typed date", "Segnalazioni RdC", itHeader,
			[]any{"F-2", "S002", "A7", "probabile", 3, 1120.4, 1, 280.1, 45.5, "da verificare", "nuova", "RESPINTA", "", "03/02/2021", ""},
			Decision{FlagID: "F-2", Suspect: "S002", Application: "A7", Decision: Rejected,
				ReviewDate: time.Date(2021, 2, 3, 0, 0, 0, 0, time.UTC), Class: "probable", MonthsPaid: 3,
				BenefitEUR: dec("1120.40"), OverlapMonths: 1, RecoveryEUR: dec("280.10"), IncomeDuringEUR: dec("45.50"), Sheet: "Segnalazioni RdC", Row: 2}},
		{"note without decision", "Benefit flags", enHeader,
			[]any{"F-3", "S003", "A9", "possible", 1, 100, 0, 0, 0, "to review", "new", nil, nil, nil, "ask INPS"},
			Decision{FlagID: "F-3", Suspect: "S003", Application: "A9", Note: "ask INPS", Class: "possible", MonthsPaid: 1,
				BenefitEUR: dec("100"), RecoveryEUR: dec("0"), IncomeDuringEUR: dec("0"), Sheet: "Benefit flags", Row: 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeBook(t, tt.sheet, tt.header, tt.row)
			got, issues := Load(path)
			if len(issues) > 0 {
				t.Fatalf("issues: %+v", issues)
			}
			if len(got) != 1 {
				t.Fatalf("%d decisions, want 1", len(got))
			}
			g := got[0]
			if len(g.SHA256) != 64 || g.Source != path {
				t.Errorf("source %q sha %q", g.Source, g.SHA256)
			}
			g.Source, g.SHA256 = "", ""
			if !equalDecision(g, tt.want) {
				t.Errorf("got  %+v\nwant %+v", g, tt.want)
			}
		})
	}
}

func equalDecision(a, b Decision) bool {
	return a.FlagID == b.FlagID && a.Suspect == b.Suspect && a.Application == b.Application && a.Decision == b.Decision &&
		a.Reviewer == b.Reviewer && a.ReviewDate.Equal(b.ReviewDate) && a.Note == b.Note && a.Class == b.Class &&
		a.MonthsPaid == b.MonthsPaid && a.OverlapMonths == b.OverlapMonths && a.BenefitEUR.Equal(b.BenefitEUR) &&
		a.RecoveryEUR.Equal(b.RecoveryEUR) && a.IncomeDuringEUR.Equal(b.IncomeDuringEUR) && a.Sheet == b.Sheet && a.Row == b.Row
}

func TestLoadSkipsRowsWithoutDecisionOrNote(t *testing.T) {
	path := writeBook(t, "Benefit flags", enHeader,
		[]any{"F-1", "S001", "A1", "exact", 6, 3000, 4, 1224.8, 407.46, "to review", "new", nil, "M. Bianco"},
		[]any{"F-2", "S002", "A2", "exact", 6, 3000, 4, 1224.8, 407.46, "to review", "new", "unsure"})
	got, issues := Load(path)
	if len(issues) != 0 || len(got) != 1 || got[0].FlagID != "F-2" || got[0].Row != 3 {
		t.Fatalf("got %+v, issues %+v", got, issues)
	}
}

// TestLoadBadInput: every problem is one Issue naming the file, sheet,
// row, column and value; the run is never stopped.
func TestLoadBadInput(t *testing.T) {
	row := func(id, decision, date string) []any {
		return []any{id, "S001", "A1", "exact", 6, 3000, 4, 1224.8, 407.46, "to review", "new", decision, "R", date, ""}
	}
	notXLSX := filepath.Join(t.TempDir(), "report.xlsx")
	if err := os.WriteFile(notXLSX, []byte("Flag ID;Decision\nF-1;confirmed\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		path      string
		decisions int
		want      ledger.Issue // Path "" means the workbook's own path
	}{
		{"unknown decision value", writeBook(t, "Benefit flags", enHeader, row("F-1", "maybe", "")), 1,
			ledger.Issue{Sheet: "Benefit flags", Row: 2, Column: "Decision", Value: "maybe", Msg: msg.New(msg.Detail, msg.Text("unknown decision"))}},
		{"two rows for one flag id", writeBook(t, "Benefit flags", enHeader, row("F-1", "confirmed", ""), row("F-1", "rejected", "")), 1,
			ledger.Issue{Sheet: "Benefit flags", Row: 3, Column: "Flag ID", Value: "F-1", Msg: msg.New(msg.Detail, msg.Text("two rows for one flag id (first in Benefit flags row 2)"))}},
		{"review date not a date", writeBook(t, "Benefit flags", enHeader, row("F-1", "confirmed", "next week")), 1,
			ledger.Issue{Sheet: "Benefit flags", Row: 2, Column: "Review date", Value: "next week", Msg: msg.New(msg.Detail, msg.Text("not a date"))}},
		{"decision without flag id", writeBook(t, "Benefit flags", enHeader, row("", "confirmed", "")), 0,
			ledger.Issue{Sheet: "Benefit flags", Row: 2, Column: "Decision", Value: "confirmed", Msg: msg.New(msg.Detail, msg.Text("without a flag id"))}},
		{"not a crosscheck workbook", writeBook(t, "Foglio1", []any{"Nome", "Importo"}, []any{"x", 1}), 0,
			ledger.Issue{Msg: msg.New(msg.Detail, msg.Text("not a crosscheck workbook"))}},
		{"flags sheet without the header", writeBook(t, "Benefit flags", []any{"Flag ID", "Decision"}, []any{"F-1", "confirmed"}), 0,
			ledger.Issue{Sheet: "Benefit flags", Value: "Class, Months paid, Benefit EUR", Msg: msg.New(msg.Detail, msg.Text("lacks the expected header"))}},
		{"missing file", filepath.Join(t.TempDir(), "nowhere.xlsx"), 0,
			ledger.Issue{Msg: msg.New(msg.Detail, msg.Text("cannot be read"))}},
		{"not an xlsx file", notXLSX, 0,
			ledger.Issue{Msg: msg.New(msg.Detail, msg.Text("not an xlsx workbook"))}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, issues := Load(tt.path)
			if len(got) != tt.decisions {
				t.Errorf("%d decisions, want %d", len(got), tt.decisions)
			}
			if len(issues) != 1 {
				t.Fatalf("issues = %+v, want one", issues)
			}
			is := issues[0]
			if is.Path != tt.path || is.Sheet != tt.want.Sheet || is.Row != tt.want.Row || is.Column != tt.want.Column ||
				!strings.HasPrefix(is.Value, tt.want.Value) || !strings.Contains(is.Msg.String(), tt.want.Msg.String()) {
				t.Errorf("issue = %+v\nwant    %+v", is, tt.want)
			}
		})
	}
}

func TestParseDecisionEitherLanguage(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"confirmed", Confirmed, true}, {" Confermata ", Confirmed, true}, {"REJECTED", Rejected, true},
		{"respinta", Rejected, true}, {"unsure", Unsure, true}, {"Incerta", Unsure, true},
		{"yes", "", false}, {"", "", false},
	}
	for _, tt := range tests {
		got, ok := ParseDecision(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseDecision(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
	for _, d := range Decisions {
		for _, lang := range []string{"en", "it"} {
			if got, ok := ParseDecision(DecisionLabel(d, lang)); !ok || got != d {
				t.Errorf("label %q (%s) does not read back as %q", DecisionLabel(d, lang), lang, d)
			}
		}
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want time.Time
		ok   bool
	}{
		{"44197", time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC), true},
		{"2021-03-04", time.Date(2021, 3, 4, 0, 0, 0, 0, time.UTC), true},
		{"04/03/2021", time.Date(2021, 3, 4, 0, 0, 0, 0, time.UTC), true},
		{"4.3.2021", time.Time{}, false},
		{"04.03.2021", time.Date(2021, 3, 4, 0, 0, 0, 0, time.UTC), true},
		{"-5", time.Time{}, false},
		{"soon", time.Time{}, false},
	}
	for _, tt := range tests {
		got, ok := parseDate(tt.in)
		if ok != tt.ok || !got.Equal(tt.want) {
			t.Errorf("parseDate(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func FuzzParseDecision(f *testing.F) {
	for _, s := range []string{"confirmed", "Confermata", "respinta", " unsure ", "", "ß", "CONFIRMED\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := ParseDecision(s)
		if ok != (d != "") {
			t.Fatalf("ParseDecision(%q) = %q, %v", s, d, ok)
		}
		if ok {
			if again, _ := ParseDecision(DecisionLabel(d, "it")); again != d {
				t.Fatalf("label of %q does not read back", d)
			}
		}
	})
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"44197", "2021-03-04", "04/03/2021", "1e308", "NaN", "-0", "2958466", "31/02/2021"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := parseDate(s)
		if !ok && !got.IsZero() {
			t.Fatalf("parseDate(%q) failed but returned %v", s, got)
		}
		if ok && (got.Hour() != 0 || got.Location() != time.UTC) {
			t.Fatalf("parseDate(%q) = %v, not a UTC day", s, got)
		}
	})
}

// FuzzLoad feeds arbitrary bytes as a reviews file: Load must never
// panic, and what it returns must be located.
func FuzzLoad(f *testing.F) {
	dir := f.TempDir()
	seed := excelize.NewFile()
	_ = seed.SetSheetName("Sheet1", "Benefit flags")
	_ = seed.SetSheetRow("Benefit flags", "A1", &enHeader)
	_ = seed.SetSheetRow("Benefit flags", "A2", &[]any{"F-1", "S", "A", "exact", 1, 1, 1, 1, 1, "", "", "confirmed"})
	buf, _ := seed.WriteToBuffer()
	f.Add(buf.Bytes())
	f.Add([]byte("PK\x03\x04"))
	f.Add([]byte("Flag ID,Decision\nF-1,confirmed\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		path := filepath.Join(dir, "fuzz.xlsx")
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		got, issues := Load(path)
		for _, is := range issues {
			if is.Path != path || is.Msg.String() == "" {
				t.Fatalf("issue without path or problem: %+v", is)
			}
		}
		for _, d := range got {
			if d.FlagID == "" || d.Row < 2 {
				t.Fatalf("decision without id or row: %+v", d)
			}
		}
	})
}
