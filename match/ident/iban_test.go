package ident

import (
	"strconv"
	"strings"
	"testing"
)

func TestIBANVectors(t *testing.T) {
	for _, row := range readVectorCSV(t, "iban_vectors.csv") {
		t.Run(row["compact"], func(t *testing.T) {
			if got := NormalizeIBAN(row["input"]); got != row["compact"] {
				t.Errorf("NormalizeIBAN(%q) = %q, want %q", row["input"], got, row["compact"])
			}
			err := CheckIBAN(row["input"])
			switch row["expected"] {
			case "valid":
				if err != nil {
					t.Errorf("rejected: %v", err)
				}
			case "invalid":
				if err == nil {
					t.Errorf("accepted, want rejected: %s", row["reason_if_invalid"])
				}
			default:
				t.Fatalf("unknown expectation %q", row["expected"])
			}
		})
	}
}

// TestIBANWrongLengthWithGoodMod97IsRejected: mod-97 alone accepts these.
func TestIBANWrongLengthWithGoodMod97IsRejected(t *testing.T) {
	for _, in := range []string{"AD48000120302003591001", "AT93190430023457320199", "BE365390075470341234"} {
		if ibanMod97(in) != 1 {
			t.Fatalf("%s: vector should pass mod-97", in)
		}
		err := CheckIBAN(in)
		if err == nil || !strings.Contains(err.Error(), "wrong length") {
			t.Errorf("CheckIBAN(%s) = %v, want a wrong length error", in, err)
		}
	}
}

func TestItalianIBANWithWrongCINIsRejected(t *testing.T) {
	err := CheckIBAN("IT64Y0542811101000000123456")
	if err == nil || !strings.Contains(err.Error(), "CIN should be X") {
		t.Errorf("CheckIBAN = %v, want CIN should be X", err)
	}
	if err := CheckIBAN("IBAN: IT60 X054 2811 1010 0000 0123 456"); err != nil {
		t.Errorf("labelled Italian IBAN rejected: %v", err)
	}
}

func TestIBANErrorsSayWhatIsWrong(t *testing.T) {
	tests := []struct{ in, want string }{
		{"QQ9312345678", "unknown country code QQ"},
		{"BG93BNBG96611A20345678", "should be a digit"},
		{"GI22NW3K000000007099453", "should be a letter"},
		{"AT611804300234573201", "mod-97"},
		{"0001", "too short"},
		{"1234567890", "country code"},
	}
	for _, tt := range tests {
		err := CheckIBAN(tt.in)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("CheckIBAN(%q) = %v, want it to say %q", tt.in, err, tt.want)
		}
	}
}

func TestIBANCountryTableMatchesRegistry(t *testing.T) {
	rows := readVectorCSV(t, "iban_country_formats.csv")
	if len(rows) != len(ibanCountries) {
		t.Errorf("table has %d countries, registry file %d", len(ibanCountries), len(rows))
	}
	for _, row := range rows {
		c, ok := ibanCountries[row["country_code"]]
		if !ok {
			t.Errorf("%s missing", row["country_code"])
			continue
		}
		n, _ := strconv.Atoi(row["iban_length"])
		if c.length != n || c.format != row["bban_format_swift"] {
			t.Errorf("%s = %+v, want %d %s", row["country_code"], c, n, row["bban_format_swift"])
		}
		if got := bbanLength(t, c.format); got+4 != n {
			t.Errorf("%s: format %s gives %d characters + 4, length is %d", row["country_code"], c.format, got, n)
		}
	}
}

// bbanLength sums a SWIFT format's fixed lengths.
func bbanLength(t *testing.T, format string) int {
	t.Helper()
	total := 0
	for _, seg := range strings.FieldsFunc(format, func(r rune) bool { return r == 'n' || r == 'a' || r == 'c' || r == 'e' }) {
		n, err := strconv.Atoi(strings.TrimSuffix(seg, "!"))
		if err != nil {
			t.Fatalf("format %s: %v", format, err)
		}
		total += n
	}
	return total
}
