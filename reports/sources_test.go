package reports

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/crosscheck/crosscheck/ledger"
	"github.com/xuri/excelize/v2"
)

// Sources names the export profile that read each payments file, or
// says it was read by its headers; other kinds leave the cell empty.
func TestSourcesNameTheProfile(t *testing.T) {
	for _, c := range []struct{ lang, byHeaders string }{{"en", "by its headers"}, {"it", "dalle intestazioni"}} {
		r := testReport(c.lang)
		r.Sources = append(r.Sources, ledger.Source{Path: "paypal.csv", Kind: ledger.KindPayments, SHA256: "cc33", Rows: 2, Accepted: 2, Profile: "paypal-it"})
		path := filepath.Join(t.TempDir(), "r.xlsx")
		if err := WriteWorkbook(path, r); err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatal(err)
		}
		sheet := "Sources"
		if c.lang == "it" {
			sheet = "Fonti"
		}
		rows, err := f.GetRows(sheet)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		col := slices.Index(rows[0], map[string]string{"en": "Profile", "it": "Profilo"}[c.lang])
		if col < 0 {
			t.Fatalf("%s: no profile column in %q", c.lang, rows[0])
		}
		want := map[string]string{"indagati.xlsx": "", "pagamenti.csv": c.byHeaders, "paypal.csv": "paypal-it"}
		for _, row := range rows[1:] {
			if len(row) == 0 {
				continue
			}
			if w, ok := want[row[0]]; ok {
				got := ""
				if col < len(row) {
					got = row[col]
				}
				if got != w {
					t.Errorf("%s: %s profile %q, want %q", c.lang, row[0], got, w)
				}
				delete(want, row[0])
			}
		}
		if len(want) > 0 {
			t.Errorf("%s: rows missing: %v", c.lang, want)
		}
	}
}
