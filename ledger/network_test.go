package ledger

import (
	"fmt"
	"reflect"
	"testing"
)

func netTotals(links [][3]string) []SuspectTotals {
	out := make([]SuspectTotals, len(links))
	for i, l := range links {
		out[i] = SuspectTotals{Suspect: Suspect{ID: l[0], Upline: l[1]}, IncomeEUR: d(l[2])}
	}
	return out
}

func TestNetworkRollsIncomeUpTheChain(t *testing.T) {
	totals := netTotals([][3]string{
		{"S1", "", "100"},
		{"S2", "S1", "10"},
		{"S3", "S2", "1"},
		{"S4", "S1", "1000"},
		{"S5", "S404", "5"}, // unknown upline: ignored
	})
	cycles := Network(totals)
	if len(cycles) != 0 {
		t.Fatalf("cycles %v", cycles)
	}
	want := map[string]struct {
		net  string
		down []string
	}{
		"S1": {"1111", []string{"S2", "S3", "S4"}},
		"S2": {"11", []string{"S3"}},
		"S3": {"1", nil},
		"S4": {"1000", nil},
		"S5": {"5", nil},
	}
	for _, tot := range totals {
		w := want[tot.Suspect.ID]
		if !tot.NetworkIncomeEUR.Equal(d(w.net)) || !reflect.DeepEqual(tot.Downline, w.down) {
			t.Errorf("%s: net %s down %v, want %s %v", tot.Suspect.ID, tot.NetworkIncomeEUR, tot.Downline, w.net, w.down)
		}
	}
}

func TestNetworkReportsUplineCycleOnce(t *testing.T) {
	// A -> B -> C -> A (A's upline is B...), D hangs below C, E is alone
	// in a loop with itself.
	totals := netTotals([][3]string{
		{"B", "C", "2"},
		{"A", "B", "1"},
		{"C", "A", "4"},
		{"D", "C", "8"},
		{"E", "E", "16"},
	})
	cycles := Network(totals)
	if want := []Cycle{{"A", "B", "C"}, {"E"}}; !reflect.DeepEqual(cycles, want) {
		t.Fatalf("cycles %v, want %v", cycles, want)
	}
	for _, tot := range totals {
		switch tot.Suspect.ID {
		case "A", "B", "C":
			// everyone in the loop is below everyone else, each counted once
			if !tot.NetworkIncomeEUR.Equal(d("15")) || len(tot.Downline) != 3 {
				t.Errorf("%s: net %s down %v", tot.Suspect.ID, tot.NetworkIncomeEUR, tot.Downline)
			}
		case "D":
			if !tot.NetworkIncomeEUR.Equal(d("8")) || tot.Downline != nil {
				t.Errorf("D: %s %v", tot.NetworkIncomeEUR, tot.Downline)
			}
		case "E":
			if !tot.NetworkIncomeEUR.Equal(d("16")) || tot.Downline != nil {
				t.Errorf("E: %s %v", tot.NetworkIncomeEUR, tot.Downline)
			}
		}
	}
}

func TestNetworkLongChain(t *testing.T) {
	const n = 2000
	links := make([][3]string, n)
	for i := range links {
		up := ""
		if i > 0 {
			up = fmt.Sprintf("S%05d", i-1)
		}
		links[i] = [3]string{fmt.Sprintf("S%05d", i), up, "1"}
	}
	totals := netTotals(links)
	if cycles := Network(totals); len(cycles) != 0 {
		t.Fatal(cycles)
	}
	if !totals[0].NetworkIncomeEUR.Equal(d(fmt.Sprint(n))) || len(totals[0].Downline) != n-1 || totals[0].Downline[0] != "S00001" {
		t.Errorf("root: %s, %d below", totals[0].NetworkIncomeEUR, len(totals[0].Downline))
	}
	if !totals[n-1].NetworkIncomeEUR.Equal(d("1")) {
		t.Errorf("leaf: %s", totals[n-1].NetworkIncomeEUR)
	}
}

func TestLedgerTotalsIncludeNetwork(t *testing.T) {
	l := newTestLedger(testSuspects, testRates(), testAttr)
	for i, id := range []string{"S001", "S002", "S003"} {
		p := pay("p.csv", i+2, "2020-11-06", "10", "EUR")
		p.Suspect = id
		l.Post(&p, nil)
	}
	if got := totalsByID(l.Ledger)["S001"]; !got.NetworkIncomeEUR.Equal(d("30")) || !reflect.DeepEqual(got.Downline, []string{"S002", "S003"}) {
		t.Errorf("%s %v", got.NetworkIncomeEUR, got.Downline)
	}
}
