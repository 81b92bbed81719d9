package ingest

import (
	"fmt"
	"strings"
	"testing"
)

// preamble writes n account-preamble rows above a table, as Intesa's
// "Lista movimenti" puts 28 rows of account details above its header.
func preamble(n int) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "Campo %d;valore %d\n", i, i)
	}
	return b.String()
}

func TestHeaderSearchReaches100Rows(t *testing.T) {
	for _, tc := range []struct {
		name      string
		titleRows int
		wantErr   string
	}{
		{"header on row 29", 28, ""},
		{"header on row 100", 99, ""},
		{"header on row 101", 100, "no recognisable header in the first 100 rows"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := preamble(tc.titleRows) + "Data;Importo;Causale\n01/10/2020;12,50;abbonamento\n"
			c := readPayments(Input{Path: writeBytes(t, "lista.csv", []byte(text))})
			if tc.wantErr != "" {
				if c.err == nil || !strings.Contains(c.err.Error(), tc.wantErr) {
					t.Fatalf("err = %v, want %q", c.err, tc.wantErr)
				}
				return
			}
			if c.err != nil {
				t.Fatal(c.err)
			}
			if len(c.rows) != 1 || !c.rows[0].Amount.Equal(dec("12.50")) {
				t.Fatalf("rows = %+v", c.rows)
			}
		})
	}
}

func TestNoHeaderSaysHowFarItLooked(t *testing.T) {
	c := readPayments(Input{Path: writeBytes(t, "short.csv", []byte(preamble(7)))})
	if c.err == nil || !strings.Contains(c.err.Error(), "no recognisable header in the table's 7 rows") {
		t.Fatalf("err = %v", c.err)
	}
	cls, err := Classify(writeBytes(t, "short.csv", []byte(preamble(120))))
	if err != nil {
		t.Fatal(err)
	}
	if len(cls) != 1 || !strings.Contains(cls[0].Reason, "in the first 100 rows") {
		t.Fatalf("classified %+v", cls)
	}
}
