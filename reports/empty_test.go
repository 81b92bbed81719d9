package reports

import (
	"bytes"
	"github.com/crosscheck/crosscheck/result"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/match"
	"github.com/xuri/excelize/v2"
)

// artefacts are what a division by zero or a bad format verb leaves in a
// written output.
var artefacts = []string{"%!", "NaN", "Inf", "<nil>"}

// TestEmptyReport: a case with no suspects, no payments, no assets and no
// flags still gives a workbook that opens, a JSON document and a summary,
// none with a formatting artefact.
func TestEmptyReport(t *testing.T) {
	for _, lang := range []string{"en", "it"} {
		for name, r := range map[string]*result.Report{
			"zero value":  {Params: result.Params{Lang: lang}},
			"params only": {Params: result.Params{Case: "empty", ReportDate: date(2020, 11, 6), TargetEUR: d("10000000"), Lang: lang, Version: "test"}},
			"zero target": {Params: result.Params{Case: "empty", TargetEUR: d("0"), Lang: lang}},
			"empty flags": {Params: result.Params{Lang: lang, TargetEUR: d("1")}, Flags: []match.BenefitFlag{}},
		} {
			t.Run(lang+" "+name, func(t *testing.T) {
				path := filepath.Join(t.TempDir(), "empty.xlsx")
				if err := WriteWorkbook(path, r); err != nil {
					t.Fatalf("WriteWorkbook: %v", err)
				}
				f, err := excelize.OpenFile(path)
				if err != nil {
					t.Fatalf("open: %v", err)
				}
				defer f.Close()
				var all strings.Builder
				for _, sheet := range f.GetSheetList() {
					rows, err := f.GetRows(sheet)
					if err != nil {
						t.Fatalf("%s: %v", sheet, err)
					}
					for _, row := range rows {
						all.WriteString(sheet + ": " + strings.Join(row, " | ") + "\n")
					}
				}
				var js, txt bytes.Buffer
				if err := WriteJSON(&js, r); err != nil {
					t.Fatalf("WriteJSON: %v", err)
				}
				if err := WriteSummary(&txt, r); err != nil {
					t.Fatalf("WriteSummary: %v", err)
				}
				for what, out := range map[string]string{"workbook": all.String(), "JSON": js.String(), "summary": txt.String()} {
					for _, a := range artefacts {
						if strings.Contains(out, a) {
							t.Errorf("%s contains %q:\n%s", what, a, out)
						}
					}
				}
				if strings.Contains(txt.String(), "( ") || strings.Contains(txt.String(), " )") {
					t.Errorf("summary has an empty parenthesis:\n%s", txt.String())
				}
				if !strings.Contains(js.String(), `"suspects": []`) {
					t.Errorf("JSON suspects is not an empty array:\n%s", js.String())
				}
			})
		}
	}
}

// TestRecoveryCountsAnApplicationMonthOnce: two suspects in one household
// each get a flag for the application, but its benefit was paid once.
func TestRecoveryCountsAnApplicationMonthOnce(t *testing.T) {
	jan, feb, mar := date(2020, 1, 1), date(2020, 2, 1), date(2020, 3, 1)
	flag := func(suspect, app string, ms []time.Time, paid ...string) match.BenefitFlag {
		f := match.BenefitFlag{Suspect: suspect, Application: app, Class: match.ClassExact, OverlapMonths: ms, RecoveryEUR: d("0")}
		for _, p := range paid {
			f.OverlapEUR = append(f.OverlapEUR, d(p))
			f.RecoveryEUR = f.RecoveryEUR.Add(d(p))
		}
		return f
	}
	tests := []struct {
		name  string
		flags []match.BenefitFlag
		want  string
	}{
		{"one flag", []match.BenefitFlag{flag("S1", "A1", []time.Time{jan, feb}, "100", "200")}, "300"},
		{"two suspects, same application, overlapping months", []match.BenefitFlag{
			flag("S1", "A1", []time.Time{jan, feb}, "100", "200"),
			flag("S2", "A1", []time.Time{feb, mar}, "200", "50")}, "350"},
		{"two applications, same months", []match.BenefitFlag{
			flag("S1", "A1", []time.Time{jan}, "100"),
			flag("S1", "A2", []time.Time{jan}, "100")}, "200"},
		{"flag without per-month figures counts its own total", []match.BenefitFlag{
			{Suspect: "S1", Application: "A1", OverlapMonths: []time.Time{jan}, RecoveryEUR: d("70")},
			{Suspect: "S2", Application: "A1", RecoveryEUR: d("5")}}, "75"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, total := flagCounts(tt.flags)
			if !total.Equal(d(tt.want)) || n[match.ClassExact]+n[""] != len(tt.flags) {
				t.Errorf("flagCounts = %v, %s; want %s over %d flags", n, total, tt.want, len(tt.flags))
			}
		})
	}
}

// TestSummaryNamesAssetTypes: the Summary names asset types for a reader;
// the Assets sheet keeps the codes the inputs use, for filtering.
func TestSummaryNamesAssetTypes(t *testing.T) {
	tests := []struct {
		lang, summary, assets string
		want                  []string
	}{
		{"en", "Summary", "Assets", []string{"Bank accounts", "Crypto-assets", "Servers", "Telegram channels"}},
		{"it", "Riepilogo", "Beni sequestrati", []string{"Conto corrente", "Criptovalute", "Server", "Canale telegram"}},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			_, f := writeBook(t, testReport(tt.lang))
			rows, _ := f.GetRows(tt.summary)
			var labels []string
			for _, row := range rows {
				if len(row) > 0 {
					labels = append(labels, row[0])
				}
			}
			all := strings.Join(labels, "\n")
			for _, w := range tt.want {
				if !strings.Contains("\n"+all+"\n", "\n"+w+"\n") {
					t.Errorf("Summary lacks %q:\n%s", w, all)
				}
			}
			if strings.Contains(all, "_") {
				t.Errorf("Summary shows a raw code:\n%s", all)
			}
			if tt.lang == "en" {
				if v, _ := f.GetCellValue(tt.assets, "D2"); v != "bank_account" {
					t.Errorf("Assets type = %q, want the code bank_account", v)
				}
			}
		})
	}
}

func TestTextWidthWidensCapitals(t *testing.T) {
	tests := []struct {
		s    string
		want int
	}{
		{"", 0}, {"rossi", 5}, {"R", 2}, {"RSSMRA80A01H501U", 16 + 3}, {"Città", 6},
	}
	for _, tt := range tests {
		if got := textWidth(tt.s); got != tt.want {
			t.Errorf("textWidth(%q) = %d, want %d", tt.s, got, tt.want)
		}
	}
}
