package casework

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/casefile"
	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/match"
)

// TestInitCaseGivesSameResultsAsHandWritten: init on the sample's files,
// then run with the case file init wrote, gives the per-suspect results of
// the hand-written case file.
func TestInitCaseGivesSameResultsAsHandWritten(t *testing.T) {
	dir := t.TempDir()
	files, _ := filepath.Glob(filepath.Join(sampleDir, "*"))
	for _, f := range files {
		ext := filepath.Ext(f)
		if ext != ".csv" && ext != ".xlsx" {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, filepath.Base(f)), data, 0o644)
	}
	res, err := Init(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Unclassified) > 0 {
		t.Errorf("unclassified: %+v", res.Unclassified)
	}
	var buf bytes.Buffer
	if err := WriteCaseFile(&buf, "sample", res); err != nil {
		t.Fatal(err)
	}
	casePath := filepath.Join(dir, "case.yaml")
	os.WriteFile(casePath, buf.Bytes(), 0o644)
	if !strings.Contains(buf.String(), "suspect S01: the title rows name the holder") {
		t.Errorf("init did not explain the bank statement's holder:\n%s", buf.String())
	}
	if !strings.Contains(buf.String(), "suspect S06: the title rows name card") {
		t.Errorf("init did not explain the card statement's holder:\n%s", buf.String())
	}

	fromInit, err := casefile.Load(casePath)
	if err != nil {
		t.Fatalf("init wrote a case file that does not load: %v\n%s", err, buf.String())
	}
	hand, err := casefile.Load(filepath.Join(sampleDir, "case.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	a, b := runSample(t, hand).Report, runSample(t, fromInit).Report
	if ka, kb := totalsKey(a.Suspects), totalsKey(b.Suspects); ka != kb {
		t.Errorf("per-suspect results differ:\nhand-written %s\ninit         %s", ka, kb)
	}
	if len(a.Flags) != len(b.Flags) {
		t.Errorf("flags: hand-written %d, init %d", len(a.Flags), len(b.Flags))
	}
	if !a.Seizure.TotalEUR.Equal(b.Seizure.TotalEUR) {
		t.Errorf("seized: hand-written %s, init %s", a.Seizure.TotalEUR, b.Seizure.TotalEUR)
	}
}

func TestStatementHolderFromTitleRows(t *testing.T) {
	suspects := []ledger.Suspect{
		{ID: "S1", Surname: "Rossi", Name: "Mario", Identifiers: []ledger.Identifier{
			{Suspect: "S1", Kind: ledger.IdentIBAN, Value: "IT60 X054 2811 1010 0000 0123 456"},
			{Suspect: "S1", Kind: ledger.IdentCard, Value: "5333 1711 2222 1234"},
		}},
		{ID: "S2", Surname: "Bianchi", Name: "Luca"},
	}
	attr, _ := match.NewAttributor(suspects, nil)
	cards := []card{{suspect: "S1", digits: "5333171122221234"}}
	tests := []struct {
		name   string
		titles []string
		want   string
		why    string
	}{
		{"iban", []string{"Estratto conto", "Intestatario: ROSSI MARIO; IBAN: IT60X0542811101000000123456"}, "S1", "IBAN"},
		{"name surname first", []string{"Intestatario: BIANCHI LUCA"}, "S2", "holder"},
		{"name given first", []string{"Titolare: Luca Bianchi"}, "S2", "holder"},
		{"masked card", []string{"Carta n. 5333 **** **** 1234 - Titolare: NOME IGNOTO"}, "S1", "card"},
		{"unknown holder asks", []string{"Intestatario: VERDI GIUSEPPE"}, "", "whose account is this?"},
		{"no holder asks", []string{"Estratto conto"}, "", "whose account is this?"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, why := holder(tt.titles, attr, cards)
			if got != tt.want || !strings.Contains(why, tt.why) {
				t.Errorf("holder = %q (%s), want %q (%s)", got, why, tt.want, tt.why)
			}
		})
	}
}
