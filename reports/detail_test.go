package reports

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestPaymentDetailIsReferencedBySHA256: written for print, the report
// leaves the Payments sheet to a detail workbook and names that file on
// Sources with the SHA-256 of its bytes; the detail holds every row.
func TestPaymentDetailIsReferencedBySHA256(t *testing.T) {
	r := testReport("en")
	var main, detail bytes.Buffer
	if err := WriteWorkbooksTo(&main, &detail, "report-payments.xlsx", r); err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(detail.Bytes())
	want := hex.EncodeToString(sum[:])
	if r.Detail == nil || r.Detail.SHA256 != want || r.Detail.Rows != len(testEntries()) {
		t.Fatalf("Detail = %+v, want SHA-256 %s and %d rows", r.Detail, want, len(testEntries()))
	}
	f, err := excelize.OpenReader(&main)
	if err != nil {
		t.Fatal(err)
	}
	if slices.Contains(f.GetSheetList(), "Payments") {
		t.Errorf("sheets %q: Payments belongs in the detail", f.GetSheetList())
	}
	sources, _ := f.GetRows("Sources")
	found := false
	for _, row := range sources {
		if len(row) > 5 && row[0] == "report-payments.xlsx" && row[4] == want && row[5] == strconv.Itoa(len(testEntries())) {
			found = true
		}
	}
	if !found {
		t.Errorf("Sources does not name the detail with its SHA-256: %q", sources)
	}
	d, err := excelize.OpenReader(&detail)
	if err != nil {
		t.Fatal(err)
	}
	pays, _ := d.GetRows("Payments")
	if len(pays) != len(testEntries())+1 || pays[0][0] != "Source" {
		t.Errorf("detail Payments has %d rows", len(pays))
	}
	if !slices.Contains(d.GetSheetList(), "Rates used") {
		t.Errorf("detail sheets %q lack the rates used day by day", d.GetSheetList())
	}
	var js bytes.Buffer
	if err := WriteJSON(&js, r); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(js.String(), `"sha256": "`+want+`"`) {
		t.Error("JSON lacks the payment detail's SHA-256")
	}
}

func TestDetailPathBesideTheReport(t *testing.T) {
	for _, tt := range []struct{ in, lang, want string }{
		{"out/report.xlsx", "en", "out/report-payments.xlsx"},
		{"fascicolo.xlsx", "it", "fascicolo-pagamenti.xlsx"},
	} {
		if got := DetailPath(tt.in, tt.lang); got != tt.want {
			t.Errorf("DetailPath(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
