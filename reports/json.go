package reports

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/match"
	"github.com/crosscheck/crosscheck/review"
	"github.com/shopspring/decimal"
)

// The JSON document's parts. Struct fields give a fixed key order; maps
// are written with sorted keys by encoding/json.

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

type jsonUnattributed struct {
	Payments int    `json:"payments"`
	EUR      string `json:"eur"`
}

type jsonEvidence struct {
	Field     string  `json:"field"`
	Suspect   string  `json:"suspect"`
	Recipient string  `json:"recipient"`
	Agreement string  `json:"agreement"`
	Score     float64 `json:"score"`
}

type jsonFlag struct {
	ID                     string         `json:"id"`
	Suspect                string         `json:"suspect"`
	Application            string         `json:"application"`
	Class                  string         `json:"class"`
	Role                   string         `json:"role"`
	Evidence               []string       `json:"evidence"`
	Fields                 []jsonEvidence `json:"fields"`
	MonthsPaid             int            `json:"months_paid"`
	Months                 []string       `json:"months"`
	BenefitEUR             string         `json:"benefit_eur"`
	OverlapMonths          int            `json:"overlap_months"`
	Overlap                []string       `json:"overlap"`
	RecoveryEUR            string         `json:"recovery_eur"`
	IncomeDuringBenefitEUR string         `json:"income_during_benefit_eur"`
	Status                 string         `json:"status"`
	ReviewState            string         `json:"review_state"`
	Changes                []string       `json:"changes"`
	Decision               string         `json:"decision"`
	Reviewer               string         `json:"reviewer"`
	ReviewDate             string         `json:"review_date"`
	Note                   string         `json:"note"`
}

// jsonWithdrawn is a reviewed flag that no longer arises, with its last
// decision and where that decision was read.
type jsonWithdrawn struct {
	ID                     string `json:"id"`
	Suspect                string `json:"suspect"`
	Application            string `json:"application"`
	Class                  string `json:"class"`
	MonthsPaid             int    `json:"months_paid"`
	BenefitEUR             string `json:"benefit_eur"`
	OverlapMonths          int    `json:"overlap_months"`
	RecoveryEUR            string `json:"recovery_eur"`
	IncomeDuringBenefitEUR string `json:"income_during_benefit_eur"`
	Decision               string `json:"decision"`
	Reviewer               string `json:"reviewer"`
	ReviewDate             string `json:"review_date"`
	Note                   string `json:"note"`
	Source                 string `json:"source"`
	SHA256                 string `json:"sha256"`
	Sheet                  string `json:"sheet"`
	Row                    int    `json:"row"`
}

type jsonSource struct {
	Path       string   `json:"path"`
	Sheet      string   `json:"sheet"`
	Kind       string   `json:"kind"`
	SHA256     string   `json:"sha256"`
	Rows       int      `json:"rows"`
	Accepted   int      `json:"accepted"`
	Rejected   int      `json:"rejected"`
	Duplicates int      `json:"duplicates"`
	Suspect    string   `json:"suspect,omitempty"`
	Unknown    []string `json:"unknown_columns,omitempty"`
}

type jsonIssue struct {
	Path    string `json:"path"`
	Sheet   string `json:"sheet"`
	Row     int    `json:"row"`
	Column  string `json:"column"`
	Value   string `json:"value"`
	Problem string `json:"problem"`
	Note    bool   `json:"note,omitempty"`
}

type jsonAsset struct {
	ID          string `json:"id"`
	Owner       string `json:"owner"`
	Suspect     string `json:"suspect"`
	Type        string `json:"type"`
	Description string `json:"description,omitempty"`
	Value       string `json:"value,omitempty"`
	Quantity    string `json:"quantity,omitempty"`
	Currency    string `json:"currency"`
	SeizureDate string `json:"seizure_date"`
	Country     string `json:"country,omitempty"`
	Share       string `json:"share"`
	Status      string `json:"status"`
	EUR         string `json:"eur,omitempty"`
	Counted     bool   `json:"counted"`
	ReportEUR   string `json:"report_date_eur,omitempty"`
	Problem     string `json:"problem,omitempty"`
}

type jsonSeizure struct {
	TotalEUR          string            `json:"total_eur"`
	RemainingEUR      string            `json:"remaining_eur"`
	CryptoAtSeizeEUR  string            `json:"crypto_at_seizure_eur"`
	CryptoAtReportEUR string            `json:"crypto_at_report_date_eur"`
	Released          int               `json:"released"`
	ByType            map[string]string `json:"by_type"`
	ByCountry         map[string]string `json:"by_country"`
	Takedowns         map[string]int    `json:"takedowns"`
	TakedownItems     map[string]string `json:"takedown_items"`
	Assets            []jsonAsset       `json:"assets"`
}

type jsonPayments struct {
	Total             int    `json:"total"`
	Attributed        int    `json:"attributed"`
	AttributedEUR     string `json:"attributed_eur"`
	AttributedPercent string `json:"attributed_percent"`
	Duplicates        int    `json:"duplicates"`
	NoRate            int    `json:"no_rate"`
}

type jsonRate struct {
	Currency  string `json:"currency"`
	Date      string `json:"date"`
	Value     string `json:"value"`
	Quotation string `json:"quotation"`
	Uses      int    `json:"uses"`
}

type jsonParams struct {
	CaseFile string            `json:"case_file,omitempty"`
	Lang     string            `json:"lang"`
	Version  string            `json:"version"`
	Settings map[string]string `json:"settings,omitempty"`
}

// WriteJSON writes the JSON document of SPEC section 5: money as decimal
// strings (EUR with two decimals, native amounts at full precision), keys
// in a fixed order, so the same Report gives the same bytes. Issues are
// streamed one by one from r.Issues, which is ranged over once.
func WriteJSON(w io.Writer, r *Report) error {
	bw := bufio.NewWriter(w)
	jw := &jsonWriter{w: bw}
	jw.raw("{\n")
	jw.field("case", r.Params.Case)
	jw.field("report_date", day(r.Params.ReportDate))
	target := r.Seizure.TargetEUR
	if target.IsZero() {
		target = r.Params.TargetEUR
	}
	jw.field("target_eur", eur(target))
	jw.field("seized_eur", eur(r.Seizure.TotalEUR))
	jw.field("target_percent", r.Seizure.Percent.StringFixed(2))
	jw.field("suspects", jsonSuspects(r))
	jw.field("unattributed", jsonUnattributed{Payments: r.UnattributedCount, EUR: eur(r.UnattributedEUR)})
	jw.field("benefit_flags", jsonFlags(r.Flags, r.Review))
	jw.field("withdrawn_flags", jsonWithdrawnFlags(r.Review))
	jw.field("households_known", r.HouseholdsKnown)
	jw.field("sources", jsonSources(r.Sources))
	jw.field("payments", jsonPayments{Total: r.PaymentsTotal, Attributed: r.AttributedPayments,
		AttributedEUR: eur(r.AttributedEUR), AttributedPercent: attributedShare(r).StringFixed(2),
		Duplicates: r.DuplicateCount, NoRate: r.NoRateCount})
	jw.field("seizure", jsonSeizureOf(r.Seizure))
	jw.field("cycles", nonNil(r.Cycles))
	jw.field("rates_used", jsonRates(r.RatesUsed))
	jw.field("parameters", jsonParams{CaseFile: r.Params.CaseFile, Lang: r.Params.Lang, Version: r.Params.Version, Settings: r.Params.Settings})
	jw.issues(r.Issues)
	jw.raw("}\n")
	if jw.err != nil {
		return fmt.Errorf("write JSON: %w", jw.err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write JSON: %w", err)
	}
	return nil
}

// jsonWriter writes the top-level object key by key, indented by two
// spaces, keeping the first error.
type jsonWriter struct {
	w   *bufio.Writer
	err error
}

func (j *jsonWriter) raw(s string) {
	if j.err == nil {
		_, j.err = j.w.WriteString(s)
	}
}

func (j *jsonWriter) field(key string, v any) {
	b, err := marshal(v, "  ")
	if err != nil && j.err == nil {
		j.err = fmt.Errorf("%s: %w", key, err)
	}
	j.raw("  " + quote(key) + ": " + string(b) + ",\n")
}

// issues streams the issues array, the document's last key.
func (j *jsonWriter) issues(seq func(func(ledger.Issue) bool)) {
	j.raw(`  "issues": [`)
	first := true
	for is := range seqOrEmpty(seq) {
		b, err := marshal(jsonIssue{Path: is.Path, Sheet: is.Sheet, Row: is.Row, Column: is.Column, Value: is.Value, Problem: is.Problem, Note: is.Note}, "    ")
		if err != nil && j.err == nil {
			j.err = err
		}
		if first {
			j.raw("\n    ")
			first = false
		} else {
			j.raw(",\n    ")
		}
		j.raw(string(b))
		if j.err != nil {
			return
		}
	}
	if !first {
		j.raw("\n  ")
	}
	j.raw("]\n")
}

func marshal(v any, prefix string) ([]byte, error) {
	return json.MarshalIndent(v, prefix, "  ")
}

func quote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func decMap[K ~string](m map[K]decimal.Decimal, fixed bool) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		if fixed {
			out[string(k)] = eur(v)
		} else {
			out[string(k)] = v.String()
		}
	}
	return out
}

func monthStrings(ms []time.Time) []string {
	out := make([]string, 0, len(ms))
	for _, m := range ms {
		out = append(out, m.Format("2006-01"))
	}
	return out
}

func jsonSuspects(r *Report) []jsonSuspect {
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

func jsonFlags(flags []match.BenefitFlag, rv *review.Outcome) []jsonFlag {
	out := make([]jsonFlag, 0, len(flags))
	for _, f := range flags {
		ev := make([]jsonEvidence, 0, len(f.Evidence))
		for _, e := range f.Evidence {
			ev = append(ev, jsonEvidence{Field: e.Field, Suspect: e.Suspect, Recipient: e.Recipient, Agreement: string(e.Agreement), Score: e.Score})
		}
		status := f.Status
		if status == "" {
			status = "to review"
		}
		fr := rv.Review(f.ID)
		jf := jsonFlag{
			ID: f.ID, Suspect: f.Suspect, Application: f.Application, Class: string(f.Class), Role: f.Role,
			Evidence: nonNil(f.Agreed), Fields: ev, MonthsPaid: len(f.Months), Months: monthStrings(f.Months),
			BenefitEUR: eur(f.BenefitEUR), OverlapMonths: len(f.OverlapMonths), Overlap: monthStrings(f.OverlapMonths),
			RecoveryEUR: eur(f.RecoveryEUR), IncomeDuringBenefitEUR: eur(f.IncomeDuringEUR), Status: status,
			ReviewState: string(fr.State), Changes: nonNil(fr.Changes),
		}
		if d := fr.Decision; d != nil {
			jf.Decision, jf.Reviewer, jf.ReviewDate, jf.Note = d.Decision, d.Reviewer, day(d.ReviewDate), d.Note
		}
		out = append(out, jf)
	}
	return out
}

func jsonWithdrawnFlags(rv *review.Outcome) []jsonWithdrawn {
	out := []jsonWithdrawn{}
	if rv == nil {
		return out
	}
	for _, d := range rv.Withdrawn {
		out = append(out, jsonWithdrawn{ID: d.FlagID, Suspect: d.Suspect, Application: d.Application, Class: d.Class,
			MonthsPaid: d.MonthsPaid, BenefitEUR: eur(d.BenefitEUR), OverlapMonths: d.OverlapMonths,
			RecoveryEUR: eur(d.RecoveryEUR), IncomeDuringBenefitEUR: eur(d.IncomeDuringEUR), Decision: d.Decision,
			Reviewer: d.Reviewer, ReviewDate: day(d.ReviewDate), Note: d.Note, Source: d.Source, SHA256: d.SHA256,
			Sheet: d.Sheet, Row: d.Row})
	}
	return out
}

func jsonSources(src []ledger.Source) []jsonSource {
	out := make([]jsonSource, 0, len(src))
	for _, s := range src {
		out = append(out, jsonSource{Path: s.Path, Sheet: s.Sheet, Kind: string(s.Kind), SHA256: s.SHA256,
			Rows: s.Rows, Accepted: s.Accepted, Rejected: s.Rejected, Duplicates: s.Duplicates,
			Suspect: s.Suspect, Unknown: s.Unknown})
	}
	return out
}

func jsonSeizureOf(z ledger.Seizure) jsonSeizure {
	td := map[string]int{}
	for k, v := range z.Takedowns {
		td[string(k)] = v
	}
	out := jsonSeizure{TotalEUR: eur(z.TotalEUR), RemainingEUR: eur(z.RemainingEUR),
		CryptoAtSeizeEUR: eur(z.CryptoAtSeize), CryptoAtReportEUR: eur(z.CryptoAtReport), Released: z.Released,
		ByType: decMap(z.ByType, true), ByCountry: decMap(z.ByCountry, true), Takedowns: td, Assets: []jsonAsset{}}
	out.TakedownItems = map[string]string{}
	for k, v := range z.TakedownItems {
		out.TakedownItems[string(k)] = v.String()
	}
	for _, a := range z.Assets {
		ja := jsonAsset{ID: a.ID, Owner: a.Owner, Suspect: a.Suspect, Type: string(a.Type), Description: a.Description,
			Currency: a.Currency, SeizureDate: day(a.SeizureDate), Country: a.Country, Share: a.Share.String(),
			Status: string(a.Status), Counted: a.Counted, Problem: a.Problem}
		if a.HasValue {
			ja.Value = a.Value.String()
		}
		if a.HasQuantity {
			ja.Quantity = a.Quantity.String()
		}
		if a.HasEUR {
			ja.EUR = eur(a.EUR)
		}
		if a.HasReportEUR {
			ja.ReportEUR = eur(a.ReportEUR)
		}
		out.Assets = append(out.Assets, ja)
	}
	return out
}

func jsonRates(uses []ledger.RateUse) []jsonRate {
	out := make([]jsonRate, 0, len(uses))
	for _, u := range uses {
		q := "units per EUR"
		if u.Rate.PerUnit {
			q = "EUR per unit"
		}
		out = append(out, jsonRate{Currency: u.Rate.Currency, Date: day(u.Rate.Date), Value: u.Rate.Value.String(), Quotation: q, Uses: u.Uses})
	}
	return out
}
