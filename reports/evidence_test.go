package reports

import (
	"testing"

	"github.com/crosscheck/crosscheck/match"
)

func TestEvidenceTextExplainsOmocodiaAndCheckCharacter(t *testing.T) {
	omo := match.FieldEvidence{Field: match.FieldTaxCode, Suspect: "CNTGTN68A08G478T", Recipient: "CNTGTN68A08G47UQ",
		Agreement: match.AgreeExact, Score: 1, Detail: match.DetailOmocodia}
	chk := match.FieldEvidence{Field: match.FieldTaxCode, Suspect: "MRNNDR76A28D969G", Recipient: "MRNNDR76A28D969N",
		Agreement: match.AgreeNo, Detail: match.DetailCheckCharacter}
	tests := []struct {
		lang string
		e    match.FieldEvidence
		want string
	}{
		{"en", omo, "exact: CNTGTN68A08G478T = CNTGTN68A08G47UQ (omocodia: the same tax code with letters in place of digits)"},
		{"en", chk, "no: MRNNDR76A28D969G ≠ MRNNDR76A28D969N (only the check character differs: one of the two codes is mistyped)"},
		{"it", chk, "no: MRNNDR76A28D969G ≠ MRNNDR76A28D969N (differisce solo il carattere di controllo: uno dei due codici è errato)"},
	}
	for _, tt := range tests {
		got := evidenceText(newTranslator(tt.lang), tt.e)
		if tt.lang == "it" {
			// The agreement word is the catalogue's; the detail is ours.
			want := tt.want[len("no: "):]
			if len(got) < len(want) || got[len(got)-len(want):] != want {
				t.Errorf("%s: %q, want it to end with %q", tt.lang, got, want)
			}
			continue
		}
		if got != tt.want {
			t.Errorf("%s: %q, want %q", tt.lang, got, tt.want)
		}
	}
}
