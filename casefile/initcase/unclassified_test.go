package initcase

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestInitListsWhatItCannotClassify: a spreadsheet with no known header
// and a file that is not a spreadsheet are both reported with a reason,
// and the case file says so in a comment instead of guessing.
func TestInitListsWhatItCannotClassify(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "note.csv"), []byte("colore;sapore\nrosso;dolce\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "scan.xlsx"), []byte("%PDF-1.4 not a workbook"), 0o644)
	os.WriteFile(filepath.Join(dir, "pagamenti.csv"), []byte("data;importo;beneficiario\n01/02/2020;10,00;Rossi Mario\n"), 0o644)
	res, err := Scan(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Entries) != 1 || res.Entries[0].Path != "pagamenti.csv" || res.Entries[0].Kind != "payments" {
		t.Errorf("entries = %+v", res.Entries)
	}
	reasons := map[string]string{}
	for _, e := range res.Unclassified {
		reasons[e.Path] = e.Reason
	}
	if !strings.Contains(reasons["note.csv"], "no recognisable header") {
		t.Errorf("note.csv reason = %q", reasons["note.csv"])
	}
	if reasons["scan.xlsx"] == "" {
		t.Errorf("scan.xlsx not reported: %+v", res.Unclassified)
	}
	var buf bytes.Buffer
	if err := WriteCaseFile(&buf, "x", res); err != nil {
		t.Fatal(err)
	}
	// The headers are Italian, so are init's own comments.
	for _, english := range []string{"Not classified", "header on row", "Paths are relative", "en or it"} {
		if strings.Contains(buf.String(), english) {
			t.Errorf("Italian case file holds %q:\n%s", english, buf.String())
		}
	}
	for _, want := range []string{"# Non classificati", "#   note.csv: ", "#   scan.xlsx: ", "attribuite dal conto o dal nome del beneficiario"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("case file lacks %q:\n%s", want, buf.String())
		}
	}
}
