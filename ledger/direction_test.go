package ledger

import "testing"

// Each direction lands where the rules say: incoming and refunds make
// income, outgoing rows are reported apart, rows that are not a payment
// are counted by direction and never summed, whatever their amount.
func TestDirectionsAreSummedOnlyWhenTheyAreIncome(t *testing.T) {
	rows := []struct {
		amount string
		dir    Direction
		ref    string
	}{
		{"100.00", DirIncoming, "A"},
		{"-30.00", DirRefund, "B"},
		{"45.00", DirOutgoing, "C"},
		{"5000.00", DirNotPayment, "D"}, // a currency-conversion leg
		{"5000.00", DirNotPayment, "D"}, // its other leg, same reference: not a duplicate
		{"100.00", DirIncoming, "A"},    // a duplicate of the first row
	}
	l := newTestLedger(testSuspects, testRates(), testAttr)
	for i, r := range rows {
		p := pay("p.csv", i+2, "2020-11-06", r.amount, "EUR")
		p.FileSuspect, p.Direction, p.Reference = "S001", r.dir, r.ref
		l.Post(&p, nil)
	}
	tot := totalsByID(l.Ledger)["S001"]
	if !tot.IncomeEUR.Equal(d("70")) || tot.Payments != 2 || tot.Debits != 1 || !tot.DebitsEUR.Equal(d("45")) {
		t.Errorf("income %s payments %d debits %d (%s); want 70.00, 2, 1 (45.00)", tot.IncomeEUR, tot.Payments, tot.Debits, tot.DebitsEUR)
	}
	if got, want := l.DirectionCounts(), [4]int{1, 1, 1, 2}; got != want {
		t.Errorf("direction counts %v, want %v", got, want)
	}
	payments, _, _, dups, debits := l.Counts()
	if payments != 2 || dups != 1 || debits != 1 || l.NotPayments() != 2 {
		t.Errorf("payments %d duplicates %d debits %d not payments %d; want 2 1 1 2", payments, dups, debits, l.NotPayments())
	}
	if n, _ := l.Unattributed(); n != 0 {
		t.Errorf("unattributed %d, want 0: a row that is not a payment is nobody's income", n)
	}
}

func TestParseDirectionReadsWhatStringWrites(t *testing.T) {
	for _, d := range Directions {
		if got, ok := ParseDirection(d.String()); !ok || got != d {
			t.Errorf("ParseDirection(%q) = %v %v", d.String(), got, ok)
		}
	}
	for in, want := range map[string]Direction{"Not a payment": DirNotPayment, "uscita": DirOutgoing, "Storno": DirRefund, "entrata": DirIncoming} {
		if got, ok := ParseDirection(in); !ok || got != want {
			t.Errorf("ParseDirection(%q) = %v %v, want %v", in, got, ok, want)
		}
	}
	if _, ok := ParseDirection("sideways"); ok {
		t.Error("ParseDirection accepted an unknown word")
	}
}
