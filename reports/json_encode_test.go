package reports

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/crosscheck/crosscheck/result"
	"slices"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/msg"
	"github.com/shopspring/decimal"
)

// The hand-written encoders must give encoding/json's bytes exactly.

func TestAppendJSONStringMatchesEncodingJSON(t *testing.T) {
	for _, s := range jsonStringSeeds {
		want, _ := json.Marshal(s)
		if got := appendJSONString(nil, s); string(got) != string(want) {
			t.Errorf("%q: got %s, want %s", s, got, want)
		}
	}
}

var jsonStringSeeds = []string{
	"", "plain", `quote " and \ backslash`, "tab\tnew\nline\rcr\bbs\fff",
	"\x00\x01\x1f\x7f", "<b>&amp;</b>", "città €", "\u2028\u2029", "bad \xff\xfe utf8",
	"truncated \xe2\x82", "emoji 😀", "(withheld: benefit recipient data)",
}

func FuzzAppendJSONString(f *testing.F) {
	for _, s := range jsonStringSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, _ := json.Marshal(s)
		if got := appendJSONString(nil, s); string(got) != string(want) {
			t.Errorf("%q: got %s, want %s", s, got, want)
		}
	})
}

func TestAppendIssueMatchesMarshalIndent(t *testing.T) {
	issues := append(testIssues(),
		ledger.Issue{},
		ledger.Issue{Path: "a<b>.csv", Sheet: "Foglio 1", Row: -3, Column: "importo", Value: "1,5\t€", Msg: msg.New(msg.Detail, msg.Text("not \"a\" number")), Level: ledger.LevelNote},
	)
	for _, is := range issues {
		for _, lang := range []string{"en", "it"} {
			g := ledger.IssueGroup{Issue: is, Count: 1, Values: 1}
			if is.Row > 0 {
				g.Rows = []ledger.RowRange{{First: is.Row, Last: is.Row}}
			}
			want, err := marshal(wantIssue(g, lang), "    ")
			if err != nil {
				t.Fatal(err)
			}
			if got := appendIssue(nil, &g, lang, "    "); string(got) != string(want) {
				t.Errorf("got\n%s\nwant\n%s", got, want)
			}
		}
	}
}

// jsonSuspect is the shape appendSuspect writes, kept here as the
// reference it is checked against through encoding/json.
type jsonSuspect struct {
	ID               string            `json:"id"`
	TaxCode          string            `json:"tax_code"`
	Surname          string            `json:"surname"`
	Name             string            `json:"name"`
	Role             string            `json:"role,omitempty"`
	Upline           string            `json:"upline,omitempty"`
	IncomeEUR        string            `json:"income_eur"`
	Payments         int               `json:"payments"`
	NoRate           int               `json:"no_rate"`
	SeizedEUR        string            `json:"seized_eur"`
	ShortfallEUR     string            `json:"shortfall_eur"`
	NetworkIncomeEUR string            `json:"network_income_eur"`
	FirstPayment     string            `json:"first_payment"`
	LastPayment      string            `json:"last_payment"`
	Payers           int               `json:"payers"`
	ByCurrency       map[string]string `json:"by_currency"`
	ByChannel        map[string]string `json:"by_channel,omitempty"`
	ByMonth          map[string]string `json:"by_month,omitempty"`
	Downline         []string          `json:"downline,omitempty"`
	BenefitFlag      string            `json:"benefit_flag,omitempty"`
}

// jsonSuspects is the reference for appendSuspect: the suspects as
// encoding/json would see them.
func jsonSuspects(r *result.Report) []jsonSuspect {
	flagged := flagBySuspect(r.Flags)
	out := make([]jsonSuspect, 0, len(r.Suspects))
	for _, s := range r.Suspects {
		out = append(out, jsonSuspect{
			ID: s.Suspect.ID, TaxCode: s.Suspect.TaxCode, Surname: s.Suspect.Surname, Name: s.Suspect.Name,
			Role: s.Suspect.Role, Upline: s.Suspect.Upline,
			IncomeEUR: eur(s.IncomeEUR), Payments: s.Payments, NoRate: s.NoRate,
			SeizedEUR: eur(s.SeizedEUR), ShortfallEUR: eur(s.ShortfallEUR),
			NetworkIncomeEUR: eur(s.NetworkIncomeEUR), FirstPayment: day(s.First), LastPayment: day(s.Last),
			Payers: s.Payers, ByCurrency: decMap(s.ByCurrency, false), ByChannel: decMap(s.ByChannel, true),
			ByMonth: decMap(s.ByMonth, true), Downline: slices.Sorted(slices.Values(s.Downline)),
			BenefitFlag: string(flagged[s.Suspect.ID]),
		})
	}
	return out
}

func TestAppendSuspectMatchesMarshalIndent(t *testing.T) {
	r := testReport("en")
	r.Suspects = append(r.Suspects,
		ledger.SuspectTotals{},
		ledger.SuspectTotals{Suspect: ledger.Suspect{ID: "S9", Role: "boss", Upline: "S1", Name: "Ugo <&>"},
			IncomeEUR: d("-0.05"), SeizedEUR: d("1234567890123456.7"), ShortfallEUR: d("12"), NetworkIncomeEUR: d("0.125"),
			ByCurrency: map[string]decimal.Decimal{}, ByChannel: map[string]decimal.Decimal{},
			ByMonth:  map[string]decimal.Decimal{"2020-02": d("1.005"), "2020-01": d("-2.5"), "2019-12": d("99999999999999999.99")},
			Downline: []string{"S3", "S2", "S10"}, First: date(2020, 1, 2)},
		ledger.SuspectTotals{Suspect: ledger.Suspect{ID: "S8"}, ByCurrency: map[string]decimal.Decimal{"BTC": d("0.00000001"), "EUR": d("1")},
			IncomeEUR: d("1000"), SeizedEUR: d("-1000.0"), NetworkIncomeEUR: d("-0.004"), ShortfallEUR: d("-0.005")},
	)
	if len(r.Suspects) < 5 || len(r.Flags) == 0 {
		t.Fatalf("fixture has %d suspects, %d flags", len(r.Suspects), len(r.Flags))
	}
	want := jsonSuspects(r)
	flagged := flagBySuspect(r.Flags)
	var keys []string
	for i := range r.Suspects {
		w, err := marshal(want[i], "    ")
		if err != nil {
			t.Fatal(err)
		}
		var got []byte
		got, keys = appendSuspect(nil, &r.Suspects[i], string(flagged[r.Suspects[i].Suspect.ID]), "    ", keys)
		if string(got) != string(w) {
			t.Errorf("got\n%s\nwant\n%s", got, w)
		}
	}
}

func TestAppendEURMatchesStringFixed(t *testing.T) {
	for _, s := range []string{"0", "-0", "0.00", "1", "-1", "0.1", "-0.1", "0.01", "-0.01", "0.005", "-0.005", "0.015",
		"1000", "10000000", "9999999999999999.99", "99999999999999999.99", "999999999999999999", "1e20", "-1e3",
		"123456789.123456789", "-0.0049999", "100000000000000000", "1000000000000000"} {
		v := d(s)
		if got, want := string(appendEUR(nil, v)), v.StringFixed(2); got != want {
			t.Errorf("%s: got %s, want %s", s, got, want)
		}
	}
	// Around every power of ten, where NumDigits may be one short.
	for e := 0; e < 20; e++ {
		for _, exp := range []int32{0, -1, -2} {
			p := decimal.New(1, int32(e)).Mul(decimal.New(1, exp))
			for _, v := range []decimal.Decimal{p, p.Neg(), p.Sub(decimal.New(1, exp)), p.Add(decimal.New(1, exp))} {
				v = decimal.New(v.Shift(-exp).IntPart(), exp)
				if got, want := string(appendEUR(nil, v)), v.StringFixed(2); got != want {
					t.Errorf("%s (exp %d): got %s, want %s", v, exp, got, want)
				}
			}
		}
	}
}

// manyIssues makes n issues, enough for several chunks of the encoder.
func manyIssues(n int) []ledger.Issue {
	out := make([]ledger.Issue, n)
	for i := range out {
		out[i] = ledger.Issue{Path: "paypal_2.csv", Row: i + 2, Column: "reference", Value: fmt.Sprintf("R%07d", i),
			Msg: msg.New(msg.Detail, msg.Text(fmt.Sprintf("duplicate of paypal_1.csv row %d <same reference>", i+7))), Level: ledger.Level(i % 3)}
	}
	return out
}

func TestJSONIssuesInOrderAcrossChunks(t *testing.T) {
	for _, n := range []int{0, 1, 2, 20000} {
		issues := manyIssues(n)
		r := testReport("en")
		r.Issues = slices.Values(issues)
		var buf bytes.Buffer
		if err := WriteJSON(&buf, r); err != nil {
			t.Fatal(err)
		}
		// The issues part as encoding/json writes it, item by item.
		var want strings.Builder
		want.WriteString(`  "issues": [`)
		// Level by level (rejected, warnings, notes); no two issues
		// share a problem, so each is its own group.
		i := 0
		for _, level := range ledger.Levels {
			for _, is := range issues {
				if is.Level != level {
					continue
				}
				g := ledger.IssueGroup{Issue: is, Count: 1, Values: 1, Rows: []ledger.RowRange{{First: is.Row, Last: is.Row}}}
				b, err := marshal(wantIssue(g, "en"), "    ")
				if err != nil {
					t.Fatal(err)
				}
				if i > 0 {
					want.WriteString(",")
				}
				i++
				want.WriteString("\n    ")
				want.Write(b)
			}
		}
		if n > 0 {
			want.WriteString("\n  ")
		}
		want.WriteString("]\n}\n")
		got := buf.String()
		if !strings.HasSuffix(got, want.String()) {
			t.Errorf("%d issues: the document does not end with them in order (%d bytes)", n, len(got))
		}
	}
}

// failAfter fails every write once n bytes went through.
type failAfter struct{ n int }

func (f *failAfter) Write(p []byte) (int, error) {
	if len(p) > f.n {
		return 0, errors.New("disk full")
	}
	f.n -= len(p)
	return len(p), nil
}

func TestJSONWriteErrorStopsTheIssues(t *testing.T) {
	ranged := 0
	r := testReport("en")
	issues := manyIssues(50000)
	r.Issues = func(yield func(ledger.Issue) bool) {
		for _, is := range issues {
			ranged++
			if !yield(is) {
				return
			}
		}
	}
	err := WriteJSON(&failAfter{n: 1 << 20}, r)
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("err = %v, want disk full", err)
	}
	// WriteJSON waited for the encoder: ranged is final, and the encoder
	// stopped before the end: grouping reads the issues once per level
	// (three passes), and the write failed before the last.
	if ranged == 0 || ranged >= len(ledger.Levels)*len(issues) {
		t.Errorf("ranged over %d of %d issues", ranged, len(issues))
	}
}

// wantIssue is the jsonIssue encoding/json would write for g.
func wantIssue(g ledger.IssueGroup, lang string) jsonIssue {
	j := jsonIssue{Level: g.Level.String(), Path: g.Path, Sheet: g.Sheet, Row: g.Row, Rows: g.RowsText(), Count: g.Count,
		Column: IssueColumn(&g, "en"), Value: g.Value, Code: string(g.Msg.Key), Problem: g.Msg.In("en")}
	if lang == "it" {
		j.ProblemIT = g.Msg.In("it")
		j.ColumnIT = IssueColumn(&g, "it")
	}
	return j
}

// An issue about a field with no column of its own keeps the English
// words in column and gives the Italian beside them in Italian mode.
func TestIssueColumnIT(t *testing.T) {
	g := ledger.IssueGroup{Issue: ledger.Issue{Path: "casi.yaml", Field: "identifier", Msg: msg.New(msg.Detail, msg.Text("x"))}, Count: 1, Values: 1}
	for _, tc := range []struct{ lang, want, absent string }{
		{"it", `"column": "Identifier",` + "\n" + `  "column_it": "Identificativo",`, ""},
		{"en", `"column": "Identifier",`, "column_it"},
	} {
		got := string(appendIssue(nil, &g, tc.lang, ""))
		if !strings.Contains(got, tc.want) || (tc.absent != "" && strings.Contains(got, tc.absent)) {
			t.Errorf("%s: %s", tc.lang, got)
		}
	}
}
