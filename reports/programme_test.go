package reports

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/ledger"
	"github.com/shopspring/decimal"
)

// With a flag of another programme than reddito di cittadinanza, the
// recovery is given by programme on the Summary and in the JSON, and the
// parts add up to the headline.
func TestRecoveryByProgramme(t *testing.T) {
	r := testReport("en")
	if recoveryByProgramme(r) != nil {
		t.Fatal("only reddito di cittadinanza: no split expected")
	}
	r.Flags[0].Programme = ledger.ProgrammeADI
	var buf bytes.Buffer
	if err := WriteJSON(&buf, r); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Recovery struct {
			ProposedEUR string `json:"proposed_eur"`
			ByProgramme []struct {
				Programme   string `json:"programme"`
				Flags       int    `json:"flags"`
				ProposedEUR string `json:"proposed_eur"`
			} `json:"by_programme"`
		} `json:"benefit_recovery"`
		Flags []struct {
			Programme string `json:"programme"`
		} `json:"benefit_flags"`
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	sum := decimal.Zero
	var names []string
	for _, p := range doc.Recovery.ByProgramme {
		sum = sum.Add(decimal.RequireFromString(p.ProposedEUR))
		names = append(names, p.Programme)
	}
	if strings.Join(names, " ") != "rdc adi" || sum.String() != decimal.RequireFromString(doc.Recovery.ProposedEUR).String() {
		t.Errorf("by programme %+v, proposed %s", doc.Recovery.ByProgramme, doc.Recovery.ProposedEUR)
	}
	if doc.Flags[0].Programme != "adi" || doc.Flags[1].Programme != "rdc" {
		t.Errorf("flag programmes %+v", doc.Flags)
	}
	_, f := writeBook(t, r)
	rows, _ := f.GetRows("Summary")
	found := false
	for _, row := range rows {
		if len(row) > 0 && strings.HasPrefix(row[0], "Proposed for recovery by programme EUR (flags): Assegno di inclusione (1)") {
			found = true
		}
	}
	if !found {
		t.Error("no Summary line for Assegno di inclusione")
	}
	flags, _ := f.GetRows("Benefit flags")
	if flags[0][4] != "Programme" || flags[1][4] != "Assegno di inclusione" {
		t.Errorf("Benefit flags programme column: %q / %q", flags[0][4], flags[1][4])
	}
}
