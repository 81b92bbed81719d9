package match

import (
	"testing"

	"github.com/crosscheck/crosscheck/match/ident"
)

func codePerson(t *testing.T, code string) *person {
	t.Helper()
	p := &person{taxCode: code}
	if tc, err := ident.ParseTaxCode(code); err == nil {
		p.tc, p.valid = tc, true
	}
	return p
}

// TestTaxCodeEvidenceSaysOmocodiaAndCheckCharacter: two codes that look
// different but agree (omocodia), or that disagree by the check character
// alone, say so, so that the evidence never reads as a contradiction.
func TestTaxCodeEvidenceSaysOmocodiaAndCheckCharacter(t *testing.T) {
	tests := []struct {
		name, a, b string
		agreement  Agreement
		detail     string
	}{
		{"omocodic form", codeCaccamo, codeCaccamoOm, AgreeExact, DetailOmocodia},
		{"same code", codeCaccamo, " " + codeCaccamo, AgreeExact, ""},
		{"check character only", "MRNNDR76A28D969G", "MRNNDR76A28D969N", AgreeNo, DetailCheckCharacter},
		{"different people", codeCaccamo, "MRNNDR76A28D969G", AgreeNo, ""},
		{"one missing", codeCaccamo, "", AgreeMissing, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := taxCodeEvidence(codePerson(t, tt.a), codePerson(t, tt.b))
			if e.Agreement != tt.agreement || e.Detail != tt.detail {
				t.Errorf("evidence = %+v, want %s %q", e, tt.agreement, tt.detail)
			}
		})
	}
}
