package casework

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/ledger"
)

// readmeBlock returns the n-th fenced block of the given language after
// heading in README.md.
func readmeBlock(t *testing.T, heading, lang string, n int) string {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, after, ok := strings.Cut(string(src), heading)
	if !ok {
		t.Fatalf("README has no %q", heading)
	}
	for i := 0; ; i++ {
		_, rest, ok := strings.Cut(after, "```"+lang+"\n")
		if !ok {
			t.Fatalf("README: no %d-th %s block after %q", n, lang, heading)
		}
		block, tail, _ := strings.Cut(rest, "```")
		if i == n {
			return block
		}
		after = tail
	}
}

// The README's user-written profile, run as written: income, payers and
// directions as the README says.
func TestReadmeProfileExample(t *testing.T) {
	heading := "## Payment exports and what a row is"
	c := writeCase(t, map[string]string{
		"case.yaml":         readmeBlock(t, heading, "yaml", 0),
		"borgo_ottobre.csv": readmeBlock(t, heading, "text", 0),
		"suspects.csv":      "Id indagato;Cognome;Nome\nS2;Gallo;Anna\n",
	})
	res, err := Run(c, Options{Version: "test", TempDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer res.Close()
	r := res.Report
	if got, want := r.Directions, [4]int{2, 1, 1, 2}; got != want {
		t.Errorf("directions %v, want %v (incoming, outgoing, refund, not a payment)", got, want)
	}
	var s2 *ledger.SuspectTotals
	for i := range r.Suspects {
		if r.Suspects[i].Suspect.ID == "S2" {
			s2 = &r.Suspects[i]
		}
	}
	if s2 == nil || s2.IncomeEUR.StringFixed(2) != "1120.00" || s2.Payers != 2 || s2.Debits != 1 || s2.DebitsEUR.StringFixed(2) != "45.30" {
		t.Fatalf("S2 = %+v; want income 1120.00 from 2 payers, one outgoing of 45.30", s2)
	}
	for _, src := range r.Sources {
		if src.Kind == ledger.KindPayments && src.Profile != "banca-del-borgo" {
			t.Errorf("%s read with profile %q, want banca-del-borgo", src.Path, src.Profile)
		}
	}
	if res.Rejected != 0 {
		t.Errorf("%d rows rejected", res.Rejected)
	}
}
