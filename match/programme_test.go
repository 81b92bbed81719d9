package match

import (
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/ledger"
)

// Each programme is checked against its own window; the flag carries the
// programme and the recovery is the programme's months like any other.
func TestBenefitProgrammes(t *testing.T) {
	act := fakeActivity{spans: map[string][2]time.Time{"S1": {date(2019, 1, 1), date(2026, 12, 31)}}}
	row := func(app string, p ledger.Programme, from, to time.Time) ledger.BenefitRow {
		b := benefit(app, esposito.code(), esposito.surname, esposito.name, esposito.birth, "", from, to, "100")
		b.Programme = p
		return b
	}
	tests := []struct {
		name      string
		rows      []ledger.BenefitRow
		programme ledger.Programme
		recovery  string
		issues    []string
	}{
		{"no programme is reddito di cittadinanza", []ledger.BenefitRow{row("A", "", month(2023, 11), month(2024, 1))},
			ledger.ProgrammeRdC, "300", []string{"2024-01 outside the months Reddito di cittadinanza was paid in (2019-04 to 2023-12)"}},
		{"pensione di cittadinanza, same window", []ledger.BenefitRow{row("A", ledger.ProgrammePdC, month(2019, 4), month(2019, 5))},
			ledger.ProgrammePdC, "200", nil},
		{"assegno di inclusione from 2024", []ledger.BenefitRow{row("A", ledger.ProgrammeADI, month(2024, 1), month(2024, 6))},
			ledger.ProgrammeADI, "600", nil},
		{"assegno di inclusione before 2024 is reported", []ledger.BenefitRow{row("A", ledger.ProgrammeADI, month(2023, 11), month(2024, 2))},
			ledger.ProgrammeADI, "400", []string{"2023-11..2023-12 outside the months Assegno di inclusione was paid in (from 2024-01)"}},
		{"supporto formazione e lavoro from September 2023", []ledger.BenefitRow{row("A", ledger.ProgrammeSFL, month(2023, 8), month(2023, 10))},
			ledger.ProgrammeSFL, "300", []string{"2023-08 outside the months Supporto per la formazione e il lavoro was paid in (from 2023-09)"}},
		{"an application under two programmes keeps the first", []ledger.BenefitRow{
			row("A", ledger.ProgrammeADI, month(2024, 1), month(2024, 1)), row("A", ledger.ProgrammeSFL, month(2024, 2), month(2024, 2))},
			ledger.ProgrammeADI, "200", []string{"application A is listed under Assegno di inclusione by an earlier row"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			flags, issues := crossOne([]ledger.Suspect{suspectOf("S1", esposito, true)}, nil, tt.rows, act)
			if len(flags) != 1 {
				t.Fatalf("%d flags", len(flags))
			}
			if flags[0].Programme != tt.programme || flags[0].RecoveryEUR.String() != tt.recovery {
				t.Errorf("programme %q recovery %s, want %q %s", flags[0].Programme, flags[0].RecoveryEUR, tt.programme, tt.recovery)
			}
			if len(issues) != len(tt.issues) {
				t.Fatalf("issues %+v, want %q", issues, tt.issues)
			}
			for i, w := range tt.issues {
				if !strings.Contains(issues[i].Msg.String(), w) {
					t.Errorf("issue %q, want %q", issues[i].Msg.String(), w)
				}
			}
		})
	}
}

func TestParseProgramme(t *testing.T) {
	for in, want := range map[string]ledger.Programme{
		"RdC": ledger.ProgrammeRdC, "Reddito di cittadinanza": ledger.ProgrammeRdC, "PENSIONE DI CITTADINANZA": ledger.ProgrammePdC,
		"ADI": ledger.ProgrammeADI, "Assegno di Inclusione": ledger.ProgrammeADI, "SFL": ledger.ProgrammeSFL,
		"Supporto per la formazione e il lavoro": ledger.ProgrammeSFL, "supporto formazione lavoro": ledger.ProgrammeSFL,
	} {
		if got, ok := ledger.ParseProgramme(in); !ok || got != want {
			t.Errorf("ParseProgramme(%q) = %q %v, want %q", in, got, ok, want)
		}
	}
	if _, ok := ledger.ParseProgramme("bonus"); ok {
		t.Error("an unknown programme parsed")
	}
}
