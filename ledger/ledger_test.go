package ledger

import (
	"fmt"
	"math/rand"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/msg"
	"github.com/shopspring/decimal"
)

// fakeAttributor applies the four rules in the order of docs/rules.md#attribution on exact strings:
// enough to see ledger pass the rule and evidence through.
type fakeAttributor struct {
	accounts map[string]string
	payees   map[string]string
}

func (f fakeAttributor) Attribute(p *Payment) (string, Rule, string) {
	switch {
	case p.Suspect != "":
		return p.Suspect, RuleSuspectColumn, p.Suspect
	case p.FileSuspect != "":
		return p.FileSuspect, RuleFileSuspect, p.FileSuspect
	case f.accounts[p.PayeeAccount] != "":
		return f.accounts[p.PayeeAccount], RulePayeeAccount, p.PayeeAccount
	case f.payees[p.Payee] != "":
		return f.payees[p.Payee], RulePayee, p.Payee
	}
	return "", RuleNone, ""
}

var testSuspects = []Suspect{
	{ID: "S001", TaxCode: "RSSMRA80A01H501U", Surname: "Rossi", Name: "Mario"},
	{ID: "S002", Surname: "Bianchi", Name: "Luca", Upline: "S001"},
	{ID: "S003", Surname: "Verdi", Name: "Anna", Upline: "S002"},
}

var testAttr = fakeAttributor{
	accounts: map[string]string{"IT60X0542811101000000123456": "S002"},
	payees:   map[string]string{"ANNA VERDI": "S003"},
}

func testRates() *Rates {
	r := NewRates(7)
	r.Add(Rate{Date: day("2020-11-06"), Currency: "USD", Value: d("1.187")})
	r.Add(Rate{Date: day("2020-11-06"), Currency: "BTC", Value: d("13000"), PerUnit: true})
	return r
}

func pay(path string, row int, date, amount, cur string) Payment {
	return Payment{Ref: Ref{Path: path, Row: row}, Date: day(date), Amount: d(amount), Currency: cur}
}

func TestEachAttributionRuleIsRecorded(t *testing.T) {
	l := newTestLedger(testSuspects, testRates(), testAttr)
	cases := []struct {
		mod        func(*Payment)
		want, rule string
		by         string
	}{
		{func(p *Payment) { p.Suspect = "S001" }, "S001", "suspect_column", "S001"},
		{func(p *Payment) { p.Suspect = "RSSMRA80A01H501U" }, "S001", "suspect_column", "RSSMRA80A01H501U"},
		{func(p *Payment) { p.FileSuspect = "S003" }, "S003", "file_suspect", "S003"},
		{func(p *Payment) { p.PayeeAccount = "IT60X0542811101000000123456" }, "S002", "payee_account", "IT60X0542811101000000123456"},
		{func(p *Payment) { p.Payee = "ANNA VERDI" }, "S003", "payee", "ANNA VERDI"},
		{func(p *Payment) { p.Payee = "NOBODY" }, "", "", ""},
	}
	for i, c := range cases {
		p := pay("p.csv", i+2, "2020-11-06", "10", "EUR")
		c.mod(&p)
		e, issues := l.Post(&p, nil)
		if e.Attrib != c.want || string(e.Rule) != c.rule || e.AttribBy != c.by {
			t.Errorf("case %d: got %q %q %q, want %q %q %q", i, e.Attrib, e.Rule, e.AttribBy, c.want, c.rule, c.by)
		}
		if len(issues) != 0 {
			t.Errorf("case %d: issues %v", i, issues)
		}
	}
	if n, eur := l.Unattributed(); n != 1 || !eur.Equal(d("10")) {
		t.Errorf("unattributed %d %s", n, eur)
	}
}

func TestUnknownSuspectIsReportedAndLeftUnattributed(t *testing.T) {
	l := newTestLedger(testSuspects, testRates(), testAttr)
	p := pay("p.csv", 2, "2020-11-06", "10", "EUR")
	p.Suspect = "S999"
	e, issues := l.Post(&p, nil)
	if e.Attrib != "" || len(issues) != 1 || issues[0].Field != "suspect" || issues[0].Value != "S999" {
		t.Fatalf("entry %q issues %+v", e.Attrib, issues)
	}
}

func TestRefundNetsIncome(t *testing.T) {
	l := newTestLedger(testSuspects, testRates(), testAttr)
	for i, a := range []string{"59.99", "59.99", "-59.99", "12.50"} {
		p := pay("p.csv", i+2, "2020-11-06", a, "EUR")
		p.Suspect = "S001"
		l.Post(&p, nil)
	}
	tot := totalsByID(l.Ledger)["S001"]
	if tot.Payments != 4 || !tot.IncomeEUR.Equal(d("72.49")) || !tot.ByCurrency["EUR"].Equal(d("72.49")) {
		t.Fatalf("payments %d income %s by currency %v", tot.Payments, tot.IncomeEUR, tot.ByCurrency)
	}
}

func TestDebitsAreReportedApartFromIncome(t *testing.T) {
	l := newTestLedger(testSuspects, testRates(), testAttr)
	in := pay("bank.csv", 2, "2020-11-06", "100", "EUR")
	out := pay("bank.csv", 3, "2020-11-06", "40", "EUR")
	out.Direction = DirOutgoing
	for _, p := range []*Payment{&in, &out} {
		p.Suspect = "S002"
		l.Post(p, nil)
	}
	tot := totalsByID(l.Ledger)["S002"]
	if tot.Payments != 1 || !tot.IncomeEUR.Equal(d("100")) || tot.Debits != 1 || !tot.DebitsEUR.Equal(d("40")) {
		t.Fatalf("%+v", tot)
	}
	if p, a, nr, dup, deb := l.Counts(); p != 1 || a != 1 || nr != 0 || dup != 0 || deb != 1 {
		t.Fatalf("counts %d %d %d %d %d", p, a, nr, dup, deb)
	}
}

func TestNoRateRowIsCountedButNotInEUR(t *testing.T) {
	l := newTestLedger(testSuspects, testRates(), testAttr)
	p := pay("p.csv", 7, "2020-11-20", "100", "USD") // 14 days after the only USD rate
	p.Suspect = "S001"
	e, issues := l.Post(&p, nil)
	if e.HasEUR || len(issues) != 1 {
		t.Fatalf("entry %+v issues %v", e, issues)
	}
	want := Issue{Path: "p.csv", Row: 7, Field: "currency", Value: "USD", Level: LevelRejected,
		Msg: msg.New(msg.NoRateWithin, msg.Text("USD"), msg.Date(day("2020-11-20")), msg.Int(7))}
	if issues[0] != want || want.Msg.String() != "no rate for USD on 2020-11-20 (none within 7 days before)" {
		t.Errorf("issue %+v", issues[0])
	}
	tot := totalsByID(l.Ledger)["S001"]
	if tot.Payments != 1 || tot.NoRate != 1 || !tot.IncomeEUR.IsZero() || !tot.ByCurrency["USD"].Equal(d("100")) {
		t.Fatalf("%+v", tot)
	}
}

func TestDuplicateIsNotCountedTwice(t *testing.T) {
	l := newTestLedger(testSuspects, testRates(), testAttr)
	a := pay("paypal.xlsx", 5, "2020-11-06", "10.00", "USD")
	a.Ref.Sheet = "Transazioni"
	a.Reference, a.Suspect = "TX-1", "S001"
	b := pay("postepay.csv", 9, "2020-11-06", "10.0", "usd")
	b.Reference, b.Suspect = " tx-1 ", "S001"
	ea, _ := l.Post(&a, nil)
	eb, issues := l.Post(&b, nil)
	if ea.Status != EntryOK || eb.Status != EntryDuplicate {
		t.Fatalf("statuses %s %s", ea.Status, eb.Status)
	}
	if eb.DuplicateOf != (Ref{Path: "paypal.xlsx", Sheet: "Transazioni", Row: 5}) {
		t.Errorf("duplicate of %+v", eb.DuplicateOf)
	}
	if len(issues) != 1 || issues[0].Msg.String() != "duplicate of paypal.xlsx [Transazioni] row 5 (same reference tx-1, same amount)" || issues[0].Field != "reference" || issues[0].Level != LevelNote {
		t.Errorf("issues %+v", issues)
	}
	tot := totalsByID(l.Ledger)["S001"]
	if tot.Payments != 1 || !tot.IncomeEUR.Equal(d("8.42")) {
		t.Errorf("payments %d income %s", tot.Payments, tot.IncomeEUR)
	}
	if l.Duplicates("postepay.csv", "") != 1 || l.Duplicates("paypal.xlsx", "Transazioni") != 0 {
		t.Errorf("duplicates per source")
	}
	if _, _, _, dup, _ := l.Counts(); dup != 1 {
		t.Errorf("duplicates %d", dup)
	}
}

func TestSameReferenceOtherCurrencyIsNotADuplicate(t *testing.T) {
	dd := newDeduper()
	a := pay("a.csv", 2, "2020-11-06", "10", "EUR")
	b := pay("a.csv", 3, "2020-11-06", "10", "USD")
	c := pay("a.csv", 4, "2020-11-06", "10", "EUR")
	a.Reference, b.Reference = "R1", "R1"
	for _, p := range []*Payment{&a, &b, &c, &c} { // c has no reference: never merged
		if s, _ := dd.Check(p); s != EntryOK {
			t.Fatalf("row %d: %s", p.Ref.Row, s)
		}
	}
}

func TestConflictKeepsBothAndMarksTheFirst(t *testing.T) {
	l := newTestLedger(testSuspects, testRates(), testAttr)
	a := pay("a.csv", 2, "2020-11-06", "10", "EUR")
	b := pay("b.csv", 3, "2020-11-06", "12.5", "EUR")
	other := pay("a.csv", 4, "2020-11-06", "1", "EUR")
	a.Reference, b.Reference, other.Reference = "CRO77", "cro77", "CRO78"
	a.Suspect, b.Suspect = "S001", "S001"
	l.Post(&a, nil)
	l.Post(&other, nil)
	eb, issues := l.Post(&b, nil)
	if eb.Status != EntryConflict || eb.DuplicateOf.Path != "a.csv" || eb.DuplicateOf.Row != 2 {
		t.Fatalf("entry %+v", eb)
	}
	want := "same reference cro77 as a.csv row 2 with a different amount (12.50 vs 10.00): both kept"
	if len(issues) != 1 || issues[0].Msg.String() != want {
		t.Errorf("issues %+v", issues)
	}
	if !l.dedupe.isConflicted(&a) || !l.dedupe.isConflicted(&b) || l.dedupe.isConflicted(&other) {
		t.Error("Conflicted")
	}
	tot := totalsByID(l.Ledger)["S001"]
	if tot.Payments != 2 || !tot.IncomeEUR.Equal(d("22.50")) {
		t.Errorf("both kept: %d %s", tot.Payments, tot.IncomeEUR)
	}

	// Sealed, the ledger drops its tables but still knows the conflicts
	// and gives the same totals; posting again is a programming error.
	before := fmt.Sprint(totalsByID(l.Ledger))
	l.Seal()
	if !l.dedupe.isConflicted(&a) || !l.dedupe.isConflicted(&b) || l.dedupe.isConflicted(&other) {
		t.Error("Conflicted after Seal")
	}
	if after := fmt.Sprint(totalsByID(l.Ledger)); after != before {
		t.Errorf("totals changed by Seal:\n%s\n%s", before, after)
	}
	for i := range l.dedupe.seen.shards {
		if l.dedupe.seen.shards[i].slots != nil || l.payers.shards[i].slots != nil {
			t.Fatal("Seal kept a table")
		}
	}
	defer func() {
		if recover() == nil {
			t.Error("Post after Seal did not panic")
		}
	}()
	l.Post(&other, nil)
}

func TestDeduperFoldsCaseAndTrailingZeros(t *testing.T) {
	cases := []struct {
		ref1, amt1, ref2, amt2 string
		want                   EntryStatus
	}{
		{"ABC", "10", "abc", "10.00", EntryDuplicate},
		{"ÄBC-ß", "1.5", "äbc-ß", "1.50", EntryDuplicate},
		{"K1", "1", "\u212a1", "1", EntryDuplicate}, // Kelvin sign folds to K
		{"X", "0", "x", "0.000", EntryDuplicate},
		{"X", "10", "X", "-10", EntryConflict},
		{"X", "1.000000000000000000001", "X", "1.0000000000000000000010", EntryDuplicate},
		{"X", "1.000000000000000000001", "X", "1.000000000000000000002", EntryConflict},
		{"X", "1e200", "X", "1e200", EntryDuplicate},
		{"\xff", "1", "\xfe", "1", EntryOK},
	}
	for _, c := range cases {
		dd := newDeduper()
		a := pay("a.csv", 2, "2020-01-01", c.amt1, "EUR")
		b := pay("a.csv", 3, "2020-01-01", c.amt2, "EUR")
		a.Reference, b.Reference = c.ref1, c.ref2
		dd.Check(&a)
		if got, _ := dd.Check(&b); got != c.want {
			t.Errorf("%q %s / %q %s: %s, want %s", c.ref1, c.amt1, c.ref2, c.amt2, got, c.want)
		}
	}
}

func TestTotalsFoot(t *testing.T) {
	l := newTestLedger(testSuspects, testRates(), testAttr)
	entries := generatePayments(2000, 42)
	for i := range entries {
		l.Post(&entries[i], nil)
	}
	totals, _ := l.Totals()
	for _, tot := range totals {
		var months, channels decimal.Decimal
		for _, v := range tot.ByMonth {
			months = months.Add(v)
		}
		for _, v := range tot.ByChannel {
			channels = channels.Add(v)
		}
		if !months.Equal(tot.IncomeEUR) || !channels.Equal(tot.IncomeEUR) {
			t.Errorf("%s: months %s channels %s income %s", tot.Suspect.ID, months, channels, tot.IncomeEUR)
		}
	}
	for i := 1; i < len(totals); i++ {
		if totals[i-1].IncomeEUR.LessThan(totals[i].IncomeEUR) {
			t.Error("totals not sorted by income")
		}
	}
}

// Income of all suspects + unattributed EUR = sum of the EUR of every
// converted, non-duplicate credit row.
func TestIncomePlusUnattributedEqualsAllConvertedCredits(t *testing.T) {
	l := newTestLedger(testSuspects, testRates(), testAttr)
	want := decimal.Zero
	entries := generatePayments(5000, 7)
	for i := range entries {
		e, _ := l.Post(&entries[i], nil)
		if e.Status != EntryDuplicate && e.HasEUR && !e.Debit() {
			want = want.Add(e.EUR)
		}
	}
	totals, _ := l.Totals()
	got := decimal.Zero
	for _, t := range totals {
		got = got.Add(t.IncomeEUR)
	}
	n, un := l.Unattributed()
	if got = got.Add(un); !got.Equal(want) || n == 0 {
		t.Fatalf("income+unattributed %s, want %s (unattributed rows %d)", got, want, n)
	}
	p, a, _, dup, deb := l.Counts()
	if dup == 0 {
		t.Error("the generator made no duplicates")
	}
	if p+dup+deb != len(entries) || a+n != p {
		t.Errorf("counts %d %d %d %d of %d rows", p, a, dup, deb, len(entries))
	}
}

// The same payments in another order give the same totals: only which
// duplicate is kept changes, and duplicates agree on amount.
func TestTotalsDoNotDependOnOrder(t *testing.T) {
	entries := generatePayments(3000, 3)
	summary := func(ps []Payment) string {
		l := newTestLedger(testSuspects, testRates(), testAttr)
		for i := range ps {
			l.Post(&ps[i], nil)
		}
		totals, _ := l.Totals()
		var b strings.Builder
		for _, t := range totals {
			b.WriteString(t.Suspect.ID + " " + t.IncomeEUR.String() + " " + t.First.Format(time.DateOnly) + " " + t.Last.Format(time.DateOnly) + " ")
			b.WriteString(string(rune('0' + t.Payers%10)))
			for _, k := range []string{"EUR", "USD", "BTC"} {
				b.WriteString(" " + t.ByCurrency[k].String())
			}
			b.WriteString("\n")
		}
		n, eur := l.Unattributed()
		b.WriteString(eur.String() + string(rune('0'+n%10)))
		return b.String()
	}
	want := summary(entries)
	shuffled := append([]Payment(nil), entries...)
	rand.New(rand.NewSource(1)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	if got := summary(shuffled); got != want {
		t.Fatalf("order changed totals:\n%s\nvs\n%s", got, want)
	}
}

func TestSpanAndIncomeInMonth(t *testing.T) {
	l := newTestLedger(testSuspects, testRates(), testAttr)
	for i, c := range []struct{ date, amount string }{{"2020-03-15", "10"}, {"2020-01-31", "5"}, {"2020-03-01", "2.5"}} {
		p := pay("p.csv", i+2, c.date, c.amount, "EUR")
		p.Suspect = "S003"
		l.Post(&p, nil)
	}
	first, last, ok := l.Span("S003")
	if !ok || first.Format(time.DateOnly) != "2020-01-31" || last.Format(time.DateOnly) != "2020-03-15" {
		t.Errorf("span %s %s %v", first, last, ok)
	}
	if got := l.IncomeInMonth("S003", day("2020-03-01")); !got.Equal(d("12.5")) {
		t.Errorf("March %s", got)
	}
	if got := l.IncomeInMonth("S003", day("2020-02-01")); !got.IsZero() {
		t.Errorf("February %s", got)
	}
	if _, _, ok := l.Span("S001"); ok {
		t.Error("span of a suspect without payments")
	}
	tot := totalsByID(l.Ledger)["S003"]
	if !tot.ByMonth["2020-03"].Equal(d("12.5")) || !tot.ByMonth["2020-01"].Equal(d("5")) {
		t.Errorf("by month %v", tot.ByMonth)
	}
}

func TestDistinctPayers(t *testing.T) {
	l := newTestLedger(testSuspects, testRates(), testAttr)
	payers := []struct{ name, account string }{
		{"Mario Bianchi", ""}, {" mario  BIANCHI ", ""}, // same name
		{"Mario Bianchi", "IT60 X054 2811 1010 0000 0123 456"}, {"Someone", "it60x0542811101000000123456"}, // same account
		{"", ""}, // nobody: not counted
		{"Giulia Neri", ""},
	}
	for i, c := range payers {
		p := pay("p.csv", i+2, "2020-11-06", "1", "EUR")
		p.Suspect, p.Payer, p.PayerAccount = "S001", c.name, c.account
		l.Post(&p, nil)
	}
	if got := totalsByID(l.Ledger)["S001"].Payers; got != 3 {
		t.Errorf("payers %d, want 3", got)
	}
}

func totalsByID(l *Ledger) map[string]SuspectTotals {
	totals, _ := l.Totals()
	m := map[string]SuspectTotals{}
	for _, t := range totals {
		m[t.Suspect.ID] = t
	}
	return m
}

// generatePayments makes a deterministic mix of EUR/USD/BTC credits,
// refunds, debits, references (some repeated: duplicates and conflicts)
// and all attribution routes.
func generatePayments(n int, seed int64) []Payment {
	rnd := rand.New(rand.NewSource(seed))
	out := make([]Payment, n)
	curs := []string{"EUR", "USD", "BTC"}
	amounts := map[string][]string{
		"EUR": {"59.99", "10", "-59.99", "120.50", "0.125"},
		"USD": {"100", "12.345", "-5", "70"},
		"BTC": {"0.0015", "0.00231", "-0.0001"},
	}
	for i := range out {
		cur := curs[rnd.Intn(3)]
		date := day("2020-11-01").AddDate(0, 0, rnd.Intn(9))
		if cur != "EUR" && rnd.Intn(20) == 0 {
			date = day("2020-11-20") // no rate
		}
		as := amounts[cur]
		p := Payment{Ref: Ref{Path: "gen.csv", Row: i + 2}, Date: date, Amount: d(as[rnd.Intn(len(as))]), Currency: cur,
			Channel: []string{"postepay", "paypal", "crypto"}[rnd.Intn(3)]}
		p.Payer = []string{"A", "B", "C", "D", ""}[rnd.Intn(5)]
		switch rnd.Intn(5) {
		case 0:
			p.Suspect = "S001"
		case 1:
			p.FileSuspect = "S002"
		case 2:
			p.PayeeAccount = "IT60X0542811101000000123456"
		case 3:
			p.Payee = "ANNA VERDI"
		}
		if rnd.Intn(5) == 0 {
			p.Reference = "R" + strconv.Itoa(i)
		}
		if rnd.Intn(20) == 0 && p.Amount.Sign() > 0 {
			p.Direction = DirOutgoing
		}
		// Every tenth row re-reads an earlier referenced row: the same
		// payment (a duplicate) or, one time in four, a different
		// amount under the same reference (a conflict).
		if j := rnd.Intn(i + 1); i%10 == 9 && out[j].Reference != "" {
			p = out[j]
			p.Ref = Ref{Path: "other.csv", Row: i + 2}
			if rnd.Intn(4) == 0 {
				p.Amount = p.Amount.Add(decimal.NewFromInt(1))
			}
		}
		out[i] = p
	}
	return out
}

// FuzzReferenceKeyFoldsLikeEqualFold: references equal under
// strings.EqualFold (after trimming) must fingerprint alike.
func FuzzReferenceKeyFoldsLikeEqualFold(f *testing.F) {
	f.Add("TX-1", "tx-1")
	f.Add("ß", "SS")
	f.Add("\u212a", "k")
	f.Add(" abc ", "ABC")
	f.Add("Σς", "σΣ")
	f.Fuzz(func(t *testing.T, a, b string) {
		ka, oka := referenceKey("EUR", a)
		kb, okb := referenceKey("EUR", b)
		if oka != (strings.TrimSpace(a) != "") {
			t.Fatalf("%q: ok=%v", a, oka)
		}
		// Invalid bytes stay distinct on purpose (EqualFold maps them all
		// to U+FFFD); ingest hands over valid UTF-8 anyway.
		valid := utf8.ValidString(a) && utf8.ValidString(b)
		if valid && oka && okb && strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(b)) && ka != kb {
			t.Fatalf("%q and %q fold alike but hash differently", a, b)
		}
		if kc, _ := referenceKey("USD", a); oka && kc == ka {
			t.Fatalf("%q: currency not in the key", a)
		}
	})
}

// TestPostMatchesOneByOne: Post over batches with reader issues among
// the rows (keys worked out ahead for some rows, not for others; slots
// prefetched; bookkeeping on its own goroutine) gives the same entries,
// issues, order and totals as posting one row at a time.
func TestPostMatchesOneByOne(t *testing.T) {
	ps := generatePayments(3000, 5)
	plain := newTestLedger(testSuspects, testRates(), testAttr)
	// The attribution comes with each row.
	batched := New(testSuspects, testRates(), Options{})
	type item struct {
		issue   bool
		posting Posting
	}
	var items []item
	for i := range ps {
		if i%7 == 0 {
			items = append(items, item{issue: true})
		}
		it := item{posting: Posting{Payment: ps[i], Attribution: attribution(testAttr, &ps[i])}}
		if i%2 == 0 {
			it.posting.Prepare()
		}
		items = append(items, it)
	}
	duplicates, row, seen := 0, 0, 0
	posting := func(it *item) *Posting {
		if it.issue {
			return nil
		}
		return &it.posting
	}
	for start := 0; start < len(items); start += 500 {
		Post(batched, items[start:min(start+500, len(items))], posting, func(it *item, got *Entry, gotIssues []Issue) {
			seen++
			if it.issue {
				if got != nil || gotIssues != nil {
					t.Fatalf("an item that is not a payment got an entry")
				}
				return
			}
			want, wantIssues := plain.Post(&ps[row], nil)
			if !reflect.DeepEqual(*got, want) || len(gotIssues)+len(wantIssues) > 0 && !reflect.DeepEqual(gotIssues, wantIssues) {
				t.Fatalf("row %d:\n got %+v %+v\nwant %+v %+v", row, *got, gotIssues, want, wantIssues)
			}
			if got.Status != EntryOK {
				duplicates++
			}
			row++
		})
	}
	if seen != len(items) || row != len(ps) {
		t.Fatalf("done called for %d items, %d rows; want %d, %d", seen, row, len(items), len(ps))
	}
	if duplicates == 0 {
		t.Fatal("no duplicate or conflict generated: the test proves nothing")
	}
	wantTotals, _ := plain.Totals()
	gotTotals, _ := batched.Totals()
	if !reflect.DeepEqual(gotTotals, wantTotals) {
		t.Fatalf("totals differ")
	}
}
