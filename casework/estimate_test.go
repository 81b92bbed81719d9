package casework

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/casefile"
)

// estimateRows sums the estimates of the payment files.
func estimateRows(inputs []casefile.Input) int {
	total := 0
	buf := make([]byte, estimateSample)
	for _, in := range inputs {
		total += estimateFileRows(in.Path, buf)
	}
	return total
}

func TestEstimateRows(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	// 100,000 lines of 20 bytes: the sample sees the same lines.
	csv := write("pay.csv", strings.Repeat("2020-01-01;10,00;XY\n", 100_000))
	zip := write("book.xlsx", "PK\x03\x04rest of a workbook")
	disguised := write("pay.txt", "PK\x03\x04\n\n\n")
	cases := []struct {
		name   string
		inputs []casefile.Input
		want   int
	}{
		{"csv", []casefile.Input{{Path: csv}}, 100_000},
		{"workbook and sheet count nothing", []casefile.Input{{Path: zip}, {Path: zip + "#Sheet1"}, {Path: disguised}}, 0},
		{"missing file counts nothing", []casefile.Input{{Path: filepath.Join(dir, "none.csv")}, {Path: csv}}, 100_000},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := estimateRows(c.inputs); got != c.want {
				t.Errorf("estimateRows = %d, want %d", got, c.want)
			}
		})
	}
}
