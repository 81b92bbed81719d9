package columnar

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/msg"
	"github.com/parquet-go/parquet-go"
	"github.com/shopspring/decimal"
)

func TestParsePart(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Part
		ok   bool
	}{
		{"1/1", Part{1, 1}, true},
		{"2/3", Part{2, 3}, true},
		{" 3 / 3 ", Part{3, 3}, true},
		{"0/3", Part{}, false},
		{"4/3", Part{}, false},
		{"1/0", Part{}, false},
		{"1", Part{}, false},
		{"a/b", Part{}, false},
		{"1/2/3", Part{}, false},
		{"-1/2", Part{}, false},
	} {
		got, err := ParsePart(tc.in)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("ParsePart(%q) = %v, %v; want %v ok=%v", tc.in, got, err, tc.want, tc.ok)
		}
	}
	if got := (Part{2, 3}).PaymentsFile(); got != "payments-2-of-3.parquet" {
		t.Errorf("PaymentsFile = %q", got)
	}
}

// TestPutDecimalRoundTrips: the 16-byte DECIMAL(38, s) form reads back as
// the same value, on the fast path and the big one, and values that do
// not fit are refused rather than rounded.
func TestPutDecimalRoundTrips(t *testing.T) {
	cases := []struct {
		in    string
		scale int32
		ok    bool
	}{
		{"0", 18, true}, {"1", 18, true}, {"-1", 18, true}, {"100.00", 2, true},
		{"-0.01", 2, true}, {"123456789012345678", 18, true}, {"-123456789012345678.123456789012345678", 18, true},
		{"0.000000000000000001", 18, true}, {"0.0000000000000000001", 18, false},
		{"1.005", 2, false}, {"99999999999999999999.999999999999999999", 18, true},
		{"100000000000000000000", 18, false}, {"1E+30", 2, true}, {"1.50000000000000000000000", 18, true},
		{"-9223372036854775807", 2, true}, {"999999999999999999999999999999999999.99", 2, true},
		{"-999999999999999999999999999999999999.99", 2, true}, {"1000000000000000000000000000000000000", 2, false},
	}
	for _, tc := range cases {
		d := decimal.RequireFromString(tc.in)
		var b [16]byte
		ok := putDecimal(&b, d, tc.scale)
		if ok != tc.ok {
			t.Errorf("%s scale %d: ok = %v, want %v", tc.in, tc.scale, ok, tc.ok)
			continue
		}
		if ok && !decimalOf(b, tc.scale).Equal(d) {
			t.Errorf("%s scale %d: read back %s", tc.in, tc.scale, decimalOf(b, tc.scale))
		}
	}
	// The fast path agrees with the big-integer path.
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		d := decimal.New(r.Int64N(2e18)-1e18, -r.Int32N(19))
		for _, scale := range []int32{2, 18} {
			var fast, slow [16]byte
			okF, okS := putDecimal(&fast, d, scale), putDecimalBig(&slow, d, scale)
			if okF != okS || fast != slow {
				t.Fatalf("%s scale %d: fast %x %v, big %x %v", d, scale, fast, okF, slow, okS)
			}
		}
	}
}

// TestWriterRoundTrip writes a part and reads it back with parquet-go:
// every column of every kind of row.
func TestWriterRoundTrip(t *testing.T) {
	dir := t.TempDir()
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	w, err := NewWriter(dir, Part{2, 3})
	if err != nil {
		t.Fatal(err)
	}
	ref := &Reference{Case: "Synthetic", ReportDate: day("2020-06-30"), TargetEUR: decimal.RequireFromString("10000000"),
		Suspects: []ledger.Suspect{{ID: "S1", Surname: "Verdi", BirthDate: day("1970-01-01"), Ref: ledger.Ref{Path: "s.csv", Row: 2}}},
		Seizure: ledger.Seizure{Assets: []ledger.AssetValue{{Asset: ledger.Asset{ID: "A1", Type: ledger.AssetCash, Value: decimal.RequireFromString("10"),
			HasValue: true, Currency: "USD", SeizureDate: day("2020-06-01"), Status: ledger.StatusSeized, Ref: ledger.Ref{Path: "a.csv", Row: 2}},
			Suspect: "S1", EUR: decimal.RequireFromString("9.09"), HasEUR: true, Counted: true,
			Rate: ledger.Rate{Date: day("2020-06-01"), Currency: "USD", Value: decimal.RequireFromString("1.1")}, HasRate: true}}},
		Part: Part{2, 3}, RateLookbackDays: 7}
	if err := w.Reference(ref); err != nil {
		t.Fatal(err)
	}
	ok := Row{Position: 3, SheetIndex: 1, Entry: ledger.Entry{Payment: ledger.Payment{Ref: ledger.Ref{Path: "p.csv", Row: 2}, Date: day("2020-06-02"),
		Amount: decimal.RequireFromString("0.000000000000000001"), Currency: "ETH", Reference: " tx-1 ", Payee: "x"},
		EUR: decimal.RequireFromString("0.00"), HasEUR: true, Rate: ledger.Rate{Date: day("2020-06-01"), Currency: "ETH", Value: decimal.RequireFromString("200.5"), PerUnit: true},
		HasRate: true, Attrib: "S1", Rule: ledger.RulePayee, AttribBy: "x"}}
	noRate := Row{Position: 3, SheetIndex: 1, NoRate: "no rate for GBP", Entry: ledger.Entry{Payment: ledger.Payment{Ref: ledger.Ref{Path: "p.csv", Row: 3}, Date: day("2020-06-03"),
		Amount: decimal.RequireFromString("-5"), Currency: "GBP", Direction: ledger.DirRefund}}, AttribProblem: "suspect S9 is not a known suspect",
		UnattribReason: "shared_name", UnattribValue: "Rossi Mario", Candidates: []string{"S1", "S2"}}
	rejected := Row{Position: 3, SheetIndex: 1, Rejected: &ledger.Issue{Path: "p.csv", Row: 4, Column: "amount", Value: "x", Msg: msg.New(msg.NotAnAmount, msg.Nested(msg.New(msg.NoDigits))), Level: ledger.LevelRejected},
		Entry: ledger.Entry{Payment: ledger.Payment{Ref: ledger.Ref{Path: "p.csv", Row: 4}}}}
	for _, r := range []*Row{&ok, &noRate, &rejected} {
		if err := w.Row(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".*")); len(left) > 0 {
		t.Fatalf("temporary or lock files left: %v", left)
	}
	// The files hold names and accounts: owner only, as every output.
	for _, name := range []string{"payments-2-of-3.parquet", SuspectsFile, AssetsFile, CaseFile} {
		if st, err := os.Stat(filepath.Join(dir, name)); err != nil || st.Mode().Perm() != 0o600 {
			t.Errorf("%s: %v %v, want 0600", name, st.Mode(), err)
		}
	}
	got, err := parquet.ReadFile[paymentRecord](filepath.Join(dir, "payments-2-of-3.parquet"))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 {
		t.Fatalf("%d rows", len(got))
	}
	g := got[0]
	if g.Part != 2 || g.Source != "p.csv" || g.SourceIndex != 3 || g.Row != 2 || g.Status != StatusAccepted ||
		g.AmountText != "0.000000000000000001" || decimalOf(*g.Amount, 18).String() != "0.000000000000000001" ||
		decimalOf(*g.EUR, 2).StringFixed(2) != "0.00" || decimalOf(*g.Rate, 18).String() != "200.5" || g.RateQuote != "eur_per_unit" ||
		*g.Date != days(day("2020-06-02")) || *g.RateDate != days(day("2020-06-01")) || g.DuplicateKey != "ETH TX-1" ||
		g.Suspect != "S1" || g.Rule != "payee" || g.Direction != "incoming" {
		t.Errorf("accepted row read back as %+v", g)
	}
	g = got[1]
	if g.Status != StatusNoRate || g.Reason != "no rate for GBP" || g.EUR != nil || g.Rate != nil || g.Direction != "refund" ||
		g.Suspect != "" || g.Rule != "" || g.AttribIssue != "suspect S9 is not a known suspect" || g.DuplicateKey != "" ||
		g.Unattrib != "shared_name" || g.UnattribVal != "Rossi Mario" || g.Candidates != "S1, S2" {
		t.Errorf("no-rate row read back as %+v", g)
	}
	g = got[2]
	if g.Status != StatusRejected || g.Reason != "not an amount: no digits" || g.ReasonColumn != "amount" || g.ReasonValue != "x" || g.Amount != nil || g.Date != nil {
		t.Errorf("rejected row read back as %+v", g)
	}
	assets, err := parquet.ReadFile[assetRecord](filepath.Join(dir, AssetsFile))
	if err != nil || len(assets) != 1 || decimalOf(*assets[0].EUR, 2).StringFixed(2) != "9.09" || !assets[0].Counted || assets[0].Suspect != "S1" {
		t.Fatalf("assets: %+v %v", assets, err)
	}
	cs, err := parquet.ReadFile[caseRecord](filepath.Join(dir, CaseFile))
	if err != nil || len(cs) != 1 || cs[0].Parts != 3 || decimalOf(*cs[0].TargetEUR, 2).StringFixed(2) != "10000000.00" {
		t.Fatalf("case: %+v %v", cs, err)
	}
	sus, err := parquet.ReadFile[suspectRecord](filepath.Join(dir, SuspectsFile))
	if err != nil || len(sus) != 1 || sus[0].ID != "S1" || *sus[0].BirthDate != 0 {
		t.Fatalf("suspects: %+v %v", sus, err)
	}
}

// TestWriterAbortLeavesNothing: a failed part leaves the folder as it
// was: no payments file, no reference file, no temporary file, and a
// previous export's files untouched.
func TestWriterAbortLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	prev := filepath.Join(dir, SuspectsFile)
	os.WriteFile(prev, []byte("previous export"), 0o600)
	w, _ := NewWriter(dir, Part{1, 1})
	if err := w.Reference(&Reference{TargetEUR: decimal.Zero, Part: Part{1, 1}}); err != nil {
		t.Fatal(err)
	}
	w.Row(&Row{Entry: ledger.Entry{Payment: ledger.Payment{Ref: ledger.Ref{Path: "p.csv", Row: 2}}}})
	w.Abort()
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || entries[0].Name() != SuspectsFile {
		t.Fatalf("left %v", entries)
	}
	if b, _ := os.ReadFile(prev); string(b) != "previous export" {
		t.Errorf("the previous %s was replaced", SuspectsFile)
	}
}
