package casework

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/casefile"
	"github.com/crosscheck/crosscheck/ledger"
	"github.com/shopspring/decimal"
)

// expected is the part of testdata/sample/expected.json the tests
// compare: figures the sample generator computed on its own from what it
// planted, independently of crosscheck's packages.
type expected struct {
	SeizedEUR     string `json:"seized_eur"`
	TargetPercent string `json:"target_percent"`
	RemainingEUR  string `json:"remaining_eur"`
	CryptoReport  string `json:"crypto_at_report_date_eur"`
	Takedowns     map[string]struct {
		Rows  int    `json:"rows"`
		Items string `json:"items"`
	} `json:"takedowns"`
	Suspects []struct {
		ID         string            `json:"id"`
		Payments   int               `json:"payments"`
		IncomeEUR  string            `json:"income_eur"`
		NoRate     int               `json:"no_rate"`
		Debits     int               `json:"debits"`
		DebitsEUR  string            `json:"debits_eur"`
		SeizedEUR  string            `json:"seized_eur"`
		Shortfall  string            `json:"shortfall_eur"`
		Network    string            `json:"network_income_eur"`
		First      string            `json:"first_payment"`
		Last       string            `json:"last_payment"`
		ByCurrency map[string]string `json:"by_currency"`
	} `json:"suspects"`
	Unattributed struct {
		Payments int    `json:"payments"`
		EUR      string `json:"eur"`
	} `json:"unattributed"`
	Flags []struct {
		Suspect     string `json:"suspect"`
		Application string `json:"application"`
		Class       string `json:"class"`
		MonthsPaid  int    `json:"months_paid"`
		BenefitEUR  string `json:"benefit_eur"`
		Overlap     int    `json:"overlap_months"`
		RecoveryEUR string `json:"recovery_eur"`
		IncomeDur   string `json:"income_during_benefit_eur"`
	} `json:"benefit_flags"`
	MustNotMatch []struct {
		Suspect     string `json:"suspect"`
		Application string `json:"application"`
	} `json:"must_not_match"`
	Sources []struct {
		Path       string `json:"path"`
		Sheet      string `json:"sheet"`
		Rows       int    `json:"rows"`
		Accepted   int    `json:"accepted"`
		Rejected   int    `json:"rejected"`
		Duplicates int    `json:"duplicates"`
	} `json:"sources"`
}

const sampleDir = "../testdata/sample"

func loadExpected(t *testing.T) expected {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(sampleDir, "expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	var e expected
	if err := json.Unmarshal(data, &e); err != nil {
		t.Fatal(err)
	}
	return e
}

func runSample(t *testing.T, c *casefile.Case, opts ...Options) *Result {
	t.Helper()
	opt := Options{Version: "test"}
	if len(opts) > 0 {
		opt = opts[0]
	}
	res, err := Run(c, opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(res.Close)
	return res
}

func money(d decimal.Decimal) string { return d.StringFixed(2) }

func TestSampleCaseMatchesExpectedResults(t *testing.T) {
	exp := loadExpected(t)
	c, err := casefile.Load(filepath.Join(sampleDir, "case.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	res := runSample(t, c)
	rep := res.Report

	if got := money(rep.Seizure.TotalEUR); got != exp.SeizedEUR {
		t.Errorf("seized = %s, want %s", got, exp.SeizedEUR)
	}
	if got := rep.Seizure.Percent.StringFixed(2); got != exp.TargetPercent {
		t.Errorf("percent = %s, want %s", got, exp.TargetPercent)
	}
	if got := money(rep.Seizure.RemainingEUR); got != exp.RemainingEUR {
		t.Errorf("remaining = %s, want %s", got, exp.RemainingEUR)
	}
	if got := money(rep.Seizure.CryptoAtReport); got != exp.CryptoReport {
		t.Errorf("crypto at report date = %s, want %s", got, exp.CryptoReport)
	}
	for typ, want := range exp.Takedowns {
		t2 := ledger.AssetType(typ)
		if got := rep.Seizure.Takedowns[t2]; got != want.Rows {
			t.Errorf("takedown records %s = %d, want %d", typ, got, want.Rows)
		}
		if got := rep.Seizure.TakedownItems[t2].String(); got != want.Items {
			t.Errorf("takedown items %s = %s, want %s", typ, got, want.Items)
		}
	}
	if rep.UnattributedCount != exp.Unattributed.Payments || money(rep.UnattributedEUR) != exp.Unattributed.EUR {
		t.Errorf("unattributed = %d / %s, want %d / %s", rep.UnattributedCount, money(rep.UnattributedEUR), exp.Unattributed.Payments, exp.Unattributed.EUR)
	}

	byID := map[string]ledger.SuspectTotals{}
	for _, s := range rep.Suspects {
		byID[s.Suspect.ID] = s
	}
	for _, want := range exp.Suspects {
		got, ok := byID[want.ID]
		if !ok {
			t.Errorf("suspect %s missing", want.ID)
			continue
		}
		check := func(field, g, w string) {
			if g != w {
				t.Errorf("%s %s = %s, want %s", want.ID, field, g, w)
			}
		}
		check("payments", fmt.Sprint(got.Payments), fmt.Sprint(want.Payments))
		check("income", money(got.IncomeEUR), want.IncomeEUR)
		check("no rate", fmt.Sprint(got.NoRate), fmt.Sprint(want.NoRate))
		check("debits", fmt.Sprint(got.Debits), fmt.Sprint(want.Debits))
		check("debits EUR", money(got.DebitsEUR), want.DebitsEUR)
		check("seized", money(got.SeizedEUR), want.SeizedEUR)
		check("shortfall", money(got.ShortfallEUR), want.Shortfall)
		check("network", money(got.NetworkIncomeEUR), want.Network)
		check("first", day(got.First), want.First)
		check("last", day(got.Last), want.Last)
		for cur, amt := range want.ByCurrency {
			g := got.ByCurrency[cur]
			w := decimal.RequireFromString(amt)
			if !g.Equal(w) {
				t.Errorf("%s by currency %s = %s, want %s", want.ID, cur, g, amt)
			}
		}
	}

	flags := map[string]string{}
	for _, f := range rep.Flags {
		flags[f.Suspect+"|"+f.Application] = string(f.Class)
	}
	for _, want := range exp.Flags {
		k := want.Suspect + "|" + want.Application
		if flags[k] != want.Class {
			t.Errorf("flag %s: class %q, want %q", k, flags[k], want.Class)
		}
		for _, f := range rep.Flags {
			if f.Suspect != want.Suspect || f.Application != want.Application {
				continue
			}
			got := fmt.Sprintf("%d %s %d %s %s", len(f.Months), money(f.BenefitEUR), len(f.OverlapMonths), money(f.RecoveryEUR), money(f.IncomeDuringEUR))
			w := fmt.Sprintf("%d %s %d %s %s", want.MonthsPaid, want.BenefitEUR, want.Overlap, want.RecoveryEUR, want.IncomeDur)
			if got != w {
				t.Errorf("flag %s: months/benefit/overlap/recovery/income = %s, want %s", k, got, w)
			}
		}
	}
	if len(rep.Flags) != len(exp.Flags) {
		t.Errorf("%d flags, want %d", len(rep.Flags), len(exp.Flags))
	}
	for _, no := range exp.MustNotMatch {
		if _, ok := flags[no.Suspect+"|"+no.Application]; ok {
			t.Errorf("decoy %s|%s was flagged", no.Suspect, no.Application)
		}
	}

	srcs := map[string]ledger.Source{}
	for _, s := range rep.Sources {
		// Sources are shown relative to the case file.
		srcs[s.Path+"#"+s.Sheet] = s
	}
	for _, want := range exp.Sources {
		got, ok := srcs[want.Path+"#"+want.Sheet]
		if !ok {
			t.Errorf("source %s#%s missing", want.Path, want.Sheet)
			continue
		}
		g := fmt.Sprintf("%d=%d+%d+%d", got.Rows, got.Accepted, got.Rejected, got.Duplicates)
		w := fmt.Sprintf("%d=%d+%d+%d", want.Rows, want.Accepted, want.Rejected, want.Duplicates)
		if g != w {
			t.Errorf("source %s#%s rows=accepted+rejected+duplicates: %s, want %s", want.Path, want.Sheet, g, w)
		}
	}
}

// TestRowsFootPerSource is the accounting invariant: every input row ends
// in exactly one place.
func TestRowsFootPerSource(t *testing.T) {
	c, err := casefile.Load(filepath.Join(sampleDir, "case.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	res := runSample(t, c)
	for _, s := range res.Report.Sources {
		if s.Rows != s.Accepted+s.Rejected+s.Duplicates {
			t.Errorf("%s#%s: %d rows != %d accepted + %d rejected + %d duplicates", s.Path, s.Sheet, s.Rows, s.Accepted, s.Rejected, s.Duplicates)
		}
	}
	var entries, dups int
	for e := range res.Report.Entries {
		entries++
		if e.Status == ledger.EntryDuplicate {
			dups++
		}
	}
	var accepted, duplicates int
	for _, s := range res.Report.Sources {
		if s.Kind == ledger.KindPayments {
			accepted += s.Accepted
			duplicates += s.Duplicates
		}
	}
	if entries != accepted+duplicates || dups != duplicates {
		t.Errorf("payment entries %d (dups %d) != accepted %d + duplicates %d", entries, dups, accepted, duplicates)
	}
}

// TestFileOrderDoesNotChangeTotals: the same inputs listed in another
// order give the same per-suspect totals.
func TestFileOrderDoesNotChangeTotals(t *testing.T) {
	c, err := casefile.Load(filepath.Join(sampleDir, "case.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	a := totalsKey(runSample(t, c).Report.Suspects)
	ps := c.Inputs[ledger.KindPayments]
	rev := make([]casefile.Input, len(ps))
	for i := range ps {
		rev[len(ps)-1-i] = ps[i]
	}
	c.Inputs[ledger.KindPayments] = rev
	b := totalsKey(runSample(t, c).Report.Suspects)
	if a != b {
		t.Errorf("totals depend on file order:\n%s\n%s", a, b)
	}
}

func totalsKey(ts []ledger.SuspectTotals) string {
	var lines []string
	for _, s := range ts {
		lines = append(lines, fmt.Sprintf("%s %d %s", s.Suspect.ID, s.Payments, money(s.IncomeEUR)))
	}
	sort.Strings(lines)
	return fmt.Sprint(lines)
}

func day(t interface{ Format(string) string }) string {
	s := t.Format("2006-01-02")
	if s == "0001-01-01" {
		return ""
	}
	return s
}

// TestRejectedBenefitRowsWithholdTheirValues: a benefit row that cannot
// be read belongs to nobody the case knows; the issue names file, row
// and column but not the recipient's data.
func TestRejectedBenefitRowsWithholdTheirValues(t *testing.T) {
	dir := t.TempDir()
	benefits := filepath.Join(dir, "rdc.csv")
	os.WriteFile(benefits, []byte("protocollo;codice fiscale richiedente;cognome;nome;data di nascita;mese;importo\n"+
		"A1;VRDGPP80A01H501X;VERDI;GIUSEPPE;01/01/1980;2020-01;500,00\n"+
		"A2;BNCNNA85B41F205Y;BIANCHI;ANNA;31/02/1985;2020-01;abc\n"+
		"A3;RSSLRA90C50L219Z;ROSSI;LAURA;10/03/1990;2020-01;15,OO\n"), 0o644)
	c := &casefile.Case{Name: "t", Lang: "en", TargetEUR: decimal.NewFromInt(1),
		Inputs: map[ledger.Kind][]casefile.Input{ledger.KindBenefits: {{Path: benefits}}}}
	res := runSample(t, c)
	n := 0
	for is := range res.Report.Issues {
		text := fmt.Sprintf("%+v", is)
		for _, secret := range []string{"BNCNNA85B41F205Y", "BIANCHI", "31/02/1985", "abc", "15,OO", "RSSLRA90C50L219Z"} {
			if strings.Contains(text, secret) {
				t.Errorf("issue shows recipient data %q: %s", secret, text)
			}
		}
		if is.Row == 3 || is.Row == 4 {
			n++
		}
	}
	if n < 2 {
		t.Errorf("the bad benefit row was not reported at all")
	}
}
