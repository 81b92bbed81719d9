package reports

import (
	"github.com/crosscheck/crosscheck/result"
	"iter"

	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/match"
	"github.com/crosscheck/crosscheck/msg"
	"github.com/crosscheck/crosscheck/pipeline"
	"github.com/crosscheck/crosscheck/review"
	"github.com/shopspring/decimal"
)

// The JSON document's parts. Struct fields give a fixed key order; maps
// are written with sorted keys by encoding/json.

type jsonUnattributed struct {
	Payments int                  `json:"payments"`
	EUR      string               `json:"eur"`
	ByReason []jsonUnattribReason `json:"by_reason"`
}

// jsonUnattribReason is one group of unattributed payments: the reason
// (a fixed code), the value that stopped attribution, the message in
// English (and in Italian beside it in an Italian report), and the
// suspects the payments may belong to.
type jsonUnattribReason struct {
	Reason     string   `json:"reason"`
	Value      string   `json:"value,omitempty"`
	Message    string   `json:"message"`
	MessageIT  string   `json:"message_it,omitempty"`
	Candidates []string `json:"candidates"`
	Payments   int      `json:"payments"`
	EUR        string   `json:"eur"`
	NoRate     int      `json:"no_rate,omitempty"`
}

func jsonUnattributedOf(r *result.Report) jsonUnattributed {
	en, it := jsonTranslators(r.Params.Lang)
	out := jsonUnattributed{Payments: r.UnattributedCount, EUR: eur(r.UnattributedEUR), ByReason: []jsonUnattribReason{}}
	for _, g := range r.Unattributed {
		out.ByReason = append(out.ByReason, jsonUnattribReason{Reason: string(g.Why.Reason), Value: g.Why.Value,
			Message: reasonText(en, g.Why), MessageIT: it.do(func(tr translator) string { return reasonText(tr, g.Why) }), Candidates: nonNil(g.Why.Candidates), Payments: g.Payments, EUR: eur(g.EUR), NoRate: g.NoRate})
	}
	return out
}

// jsonRecovery is the benefit recovery as the headline gives it: rejected
// flags left out, confirmed and open apart.
type jsonRecovery struct {
	ProposedEUR    string `json:"proposed_eur"`
	ConfirmedEUR   string `json:"confirmed_eur"`
	OpenEUR        string `json:"open_eur"`
	RejectedEUR    string `json:"rejected_eur"`
	ConfirmedFlags int    `json:"confirmed_flags"`
	OpenFlags      int    `json:"open_flags"`
	RejectedFlags  int    `json:"rejected_flags"`
	// ByProgramme splits ProposedEUR when a flag is of a programme other
	// than reddito di cittadinanza.
	ByProgramme []jsonProgrammeRecovery `json:"by_programme,omitempty"`
}

type jsonProgrammeRecovery struct {
	Programme   string `json:"programme"`
	Flags       int    `json:"flags"`
	ProposedEUR string `json:"proposed_eur"`
}

func jsonRecoveryOf(r *result.Report) jsonRecovery {
	s := splitRecovery(r)
	return jsonRecovery{ProposedEUR: eur(s.ProposedEUR), ConfirmedEUR: eur(s.ConfirmedEUR), OpenEUR: eur(s.OpenEUR),
		RejectedEUR: eur(s.RejectedEUR), ConfirmedFlags: len(s.Confirmed), OpenFlags: len(s.Open), RejectedFlags: len(s.Rejected),
		ByProgramme: jsonByProgramme(r)}
}

func jsonByProgramme(r *result.Report) []jsonProgrammeRecovery {
	var out []jsonProgrammeRecovery
	for _, pr := range recoveryByProgramme(r) {
		out = append(out, jsonProgrammeRecovery{Programme: string(pr.Programme), Flags: pr.Flags, ProposedEUR: eur(pr.ProposedEUR)})
	}
	return out
}

// jsonDateSource is the fact an inferred report date was taken from.
type jsonDateSource struct {
	Kind      string `json:"kind"`
	Path      string `json:"path"`
	Sheet     string `json:"sheet"`
	Row       int    `json:"row"`
	Message   string `json:"message"`
	MessageIT string `json:"message_it,omitempty"`
}

// jsonDetail is the payment detail workbook written beside the report.
type jsonDetail struct {
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
	Rows   int    `json:"rows"`
}

type jsonEvidence struct {
	Field     string  `json:"field"`
	Suspect   string  `json:"suspect"`
	Recipient string  `json:"recipient"`
	Agreement string  `json:"agreement"`
	Score     float64 `json:"score"`
	Detail    string  `json:"detail,omitempty"`
	Message   string  `json:"message"`
	MessageIT string  `json:"message_it,omitempty"`
}

type jsonFlag struct {
	ID                     string         `json:"id"`
	Suspect                string         `json:"suspect"`
	SuspectName            string         `json:"suspect_name"`
	Application            string         `json:"application"`
	Programme              string         `json:"programme"`
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
	// Profile is the export profile the payments table was read with.
	Profile string `json:"profile,omitempty"`
}

// jsonIssue documents the shape appendIssue writes: one group of
// issues (the same problem on several rows) per object, in level order.
type jsonIssue struct {
	Level     string `json:"level"`
	Path      string `json:"path"`
	Sheet     string `json:"sheet"`
	Row       int    `json:"row"`
	Rows      string `json:"rows"`
	Count     int    `json:"count"`
	Column    string `json:"column"`
	ColumnIT  string `json:"column_it,omitempty"`
	Value     string `json:"value"`
	Values    int    `json:"values,omitempty"`
	Code      string `json:"code"`
	Problem   string `json:"problem"`
	ProblemIT string `json:"problem_it,omitempty"`
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
	ProblemIT   string `json:"problem_it,omitempty"`
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
	// Directions counts the non-duplicate rows of each direction.
	Directions jsonDirections `json:"directions"`
}

type jsonDirections struct {
	Incoming   int `json:"incoming"`
	Outgoing   int `json:"outgoing"`
	Refund     int `json:"refund"`
	NotPayment int `json:"not_a_payment"`
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

// WriteJSON writes the JSON document of docs/rules.md#outputs: money as decimal
// strings (EUR with two decimals, native amounts at full precision), keys
// in a fixed order, so the same Report gives the same bytes. Issues are
// streamed from r.Issues, which is ranged over once, on another goroutine
// that has finished when WriteJSON returns.
func WriteJSON(w io.Writer, r *result.Report) error {
	// Large writes: the document of a large case is megabytes, and each
	// write system call costs more than filling a buffer.
	bw := bufio.NewWriterSize(w, 256<<10)
	jw := &jsonWriter{w: bw}
	// The issues, the document's tail, are encoded on another core while
	// the head is built and written.
	issues := encodeIssuesAsync(issueGroups(r), r.Params.Lang)
	defer issues.Close()
	jw.raw("{\n")
	jw.field("case", r.Params.Case)
	jw.field("report_date", day(r.Params.ReportDate))
	if src := r.Params.ReportDateFrom; src != nil {
		en, it := jsonTranslators(r.Params.Lang)
		jw.field("report_date_inferred_from", jsonDateSource{Kind: src.Kind, Path: src.Ref.Path, Sheet: src.Ref.Sheet, Row: src.Ref.Row,
			Message:   inferredDateText(en, r.Params),
			MessageIT: it.do(func(tr translator) string { return inferredDateText(tr, r.Params) })})
	}
	target := r.Seizure.TargetEUR
	if target.IsZero() {
		target = r.Params.TargetEUR
	}
	jw.field("target_eur", eur(target))
	jw.field("seized_eur", eur(r.Seizure.TotalEUR))
	jw.field("target_percent", r.Seizure.Percent.StringFixed(2))
	jw.suspects(r)
	jw.field("unattributed", jsonUnattributedOf(r))
	jw.field("benefit_recovery", jsonRecoveryOf(r))
	jw.field("benefit_flags", jsonFlags(r, r.Flags, r.Review))
	jw.field("withdrawn_flags", jsonWithdrawnFlags(r.Review))
	jw.field("households_known", r.HouseholdsKnown)
	jw.field("sources", jsonSources(r.Sources))
	if d := r.Detail; d != nil {
		jw.field("payment_detail", jsonDetail{Path: d.Name, SHA256: d.SHA256, Rows: d.Rows})
	}
	jw.field("payments", jsonPayments{Total: r.PaymentsTotal, Attributed: r.AttributedPayments,
		AttributedEUR: eur(r.AttributedEUR), AttributedPercent: attributedShare(r).StringFixed(2),
		Duplicates: r.DuplicateCount, NoRate: r.NoRateCount,
		Directions: jsonDirections{Incoming: r.Directions[ledger.DirIncoming], Outgoing: r.Directions[ledger.DirOutgoing],
			Refund: r.Directions[ledger.DirRefund], NotPayment: r.Directions[ledger.DirNotPayment]}})
	jw.field("seizure", jsonSeizureOf(r.Seizure, r.Params.Lang))
	jw.field("cycles", nonNil(r.Cycles))
	jw.field("rates_used", jsonRates(r.RatesUsed))
	jw.field("parameters", jsonParams{CaseFile: r.Params.CaseFile, Lang: r.Params.Lang, Version: r.Params.Version, Settings: r.Params.Settings})
	jw.issues(issues)
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
	j.raw("  ")
	j.raw(quote(key))
	j.raw(": ")
	j.bytes(b)
	j.raw(",\n")
}

func (j *jsonWriter) bytes(b []byte) {
	if j.err == nil {
		_, j.err = j.w.Write(b)
	}
}

// issues writes the issues array, the document's last key.
func (j *jsonWriter) issues(chunks *pipeline.Puller[byte]) {
	j.raw(`  "issues": [`)
	empty := true
	for chunk := range chunks.All() {
		empty = false
		j.bytes(chunk)
		if j.err != nil {
			return
		}
	}
	if !empty {
		j.raw("\n  ")
	}
	j.raw("]\n")
}

// At most issueChunksAhead chunks of about issueChunkBytes wait for the
// writer, so that memory stays bounded however many issues a case has.
const (
	issueChunkBytes  = 256 << 10
	issueChunksAhead = 16
)

// encodeIssuesAsync encodes the issues on a goroutine of its own, in
// chunks sent in order. Closing the Puller stops the encoder and waits
// for it, so that the issues are never ranged over after WriteJSON
// returns.
func encodeIssuesAsync(seq iter.Seq[ledger.IssueGroup], lang string) *pipeline.Puller[byte] {
	return pipeline.Pull(context.Background(), issueChunkBytes+4096, issueChunksAhead, func(s *pipeline.Sender[byte]) error {
		b := s.Batch()
		sep := "\n    "
		for g := range seq {
			b = append(b, sep...)
			sep = ",\n    "
			b = appendIssue(b, &g, lang, "    ")
			if len(b) >= issueChunkBytes {
				b = s.Send(b)
				if s.Err() != nil {
					return nil // the writer gave up
				}
			}
		}
		s.Send(b)
		return nil
	})
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

func jsonFlags(r *result.Report, flags []match.BenefitFlag, rv *review.Outcome) []jsonFlag {
	names := suspectNames(r)
	en, it := jsonTranslators(r.Params.Lang)
	out := make([]jsonFlag, 0, len(flags))
	for _, f := range flags {
		ev := make([]jsonEvidence, 0, len(f.Evidence))
		for _, e := range f.Evidence {
			ev = append(ev, jsonEvidence{Field: e.Field, Suspect: e.SuspectText(), Recipient: e.RecipientText(), Agreement: string(e.Agreement),
				Score: e.Score, Detail: e.Detail, Message: evidenceText(en, e),
				MessageIT: it.do(func(tr translator) string { return evidenceText(tr, e) })})
		}
		fr := rv.Review(f.ID)
		status := fr.Status()
		jf := jsonFlag{
			ID: f.ID, Suspect: f.Suspect, SuspectName: names[f.Suspect], Application: f.Application,
			Programme: string(f.Programme.OrDefault()), Class: string(f.Class), Role: f.Role,
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
			Suspect: s.Suspect, Unknown: s.Unknown, Profile: s.Profile})
	}
	return out
}

func jsonSeizureOf(z ledger.Seizure, lang string) jsonSeizure {
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
			Status: string(a.Status), Counted: a.Counted, Problem: joinMessages(a.Problems, msg.EN)}
		if lang == msg.IT {
			ja.ProblemIT = joinMessages(a.Problems, msg.IT)
		}
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

// The two largest parts of the document, the suspects and the issues, are
// encoded by hand below, byte for byte as json.MarshalIndent(v, prefix,
// "  ") would encode them (the tests compare the two): reflection and the
// re-indenting pass cost more than the rest of a large run's output.

// suspects streams the suspects array, one suspect at a time through
// one buffer, straight from the totals.
func (j *jsonWriter) suspects(r *result.Report) {
	j.raw(`  "suspects": `)
	if len(r.Suspects) == 0 {
		j.raw("[],\n")
		return
	}
	flagged := flagBySuspect(r.Flags)
	j.raw("[")
	var (
		b    []byte
		keys []string
	)
	for i := range r.Suspects {
		b = b[:0]
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, "\n    "...)
		b, keys = appendSuspect(b, &r.Suspects[i], string(flagged[r.Suspects[i].Suspect.ID]), "    ", keys)
		j.bytes(b)
	}
	j.raw("\n  ],\n")
}

// appendSuspect encodes one suspect as the jsonSuspect jsonSuspects would
// make of it. keys is scratch space, returned for reuse.
func appendSuspect(b []byte, t *ledger.SuspectTotals, flag, prefix string, keys []string) ([]byte, []string) {
	s := &t.Suspect
	o := beginObject(b, prefix)
	o.str("id", s.ID)
	o.str("tax_code", s.TaxCode)
	o.str("surname", s.Surname)
	o.str("name", s.Name)
	if s.Role != "" {
		o.str("role", s.Role)
	}
	if s.Upline != "" {
		o.str("upline", s.Upline)
	}
	o.eur("income_eur", t.IncomeEUR)
	o.int("payments", t.Payments)
	o.int("no_rate", t.NoRate)
	o.eur("seized_eur", t.SeizedEUR)
	o.eur("shortfall_eur", t.ShortfallEUR)
	o.eur("network_income_eur", t.NetworkIncomeEUR)
	o.str("first_payment", day(t.First))
	o.str("last_payment", day(t.Last))
	o.int("payers", t.Payers)
	keys = o.decMap("by_currency", t.ByCurrency, false, keys)
	if len(t.ByChannel) > 0 {
		keys = o.decMap("by_channel", t.ByChannel, true, keys)
	}
	if len(t.ByMonth) > 0 {
		keys = o.decMap("by_month", t.ByMonth, true, keys)
	}
	if len(t.Downline) > 0 {
		keys = append(keys[:0], t.Downline...)
		slices.Sort(keys)
		o.strs("downline", keys)
	}
	if flag != "" {
		o.str("benefit_flag", flag)
	}
	return o.end(), keys
}

// appendIssue encodes one group of issues as a jsonIssue: English keys
// and message, the message in the report's language beside it.
func appendIssue(b []byte, g *ledger.IssueGroup, lang, prefix string) []byte {
	o := beginObject(b, prefix)
	o.str("level", g.Level.String())
	o.str("path", g.Path)
	o.str("sheet", g.Sheet)
	o.int("row", g.Row)
	o.str("rows", g.RowsText())
	o.int("count", g.Count)
	o.str("column", IssueColumn(g, msg.EN))
	// A field with no column of its own is named in words: the Italian
	// words beside the English, as problem_it beside problem.
	if c := IssueColumn(g, msg.IT); lang == msg.IT && c != "" {
		o.str("column_it", c)
	}
	o.str("value", g.Value)
	if g.Values > 1 {
		o.int("values", g.Values)
	}
	o.str("code", string(g.Msg.Key))
	o.str("problem", g.Msg.In(msg.EN))
	if it := g.Msg.In(msg.IT); lang == msg.IT && it != "" {
		o.str("problem_it", it)
	}
	return o.end()
}

// jsonObject appends an object's members one per line, indented two
// spaces past prefix, the indentation of the line the object opens on.
type jsonObject struct {
	b      []byte
	prefix string
	empty  bool
}

func beginObject(b []byte, prefix string) jsonObject {
	return jsonObject{b: append(b, '{'), prefix: prefix, empty: true}
}

func (o *jsonObject) key(k string) {
	if o.empty {
		o.b = append(o.b, '\n')
		o.empty = false
	} else {
		o.b = append(o.b, ",\n"...)
	}
	o.b = append(o.b, o.prefix...)
	o.b = append(o.b, "  "...)
	o.b = appendJSONString(o.b, k)
	o.b = append(o.b, ": "...)
}

func (o *jsonObject) str(k, v string) {
	o.key(k)
	o.b = appendJSONString(o.b, v)
}

func (o *jsonObject) int(k string, v int) {
	o.key(k)
	o.b = strconv.AppendInt(o.b, int64(v), 10)
}

// eur writes an amount as a string with two decimals, like eur.
func (o *jsonObject) eur(k string, d decimal.Decimal) {
	o.key(k)
	o.b = append(o.b, '"')
	o.b = appendEUR(o.b, d)
	o.b = append(o.b, '"')
}

// decMap writes the amounts of m as strings (two decimals when fixed, as
// they are otherwise), keys sorted as encoding/json sorts a map's; nil or
// empty, it is {} as decMap makes it. keys is scratch space, returned.
func (o *jsonObject) decMap(k string, m map[string]decimal.Decimal, fixed bool, keys []string) []string {
	o.key(k)
	keys = keys[:0]
	for mk := range m {
		keys = append(keys, mk)
	}
	slices.Sort(keys)
	inner := beginObject(o.b, o.prefix+"  ")
	for _, mk := range keys {
		inner.key(mk)
		inner.b = append(inner.b, '"')
		if fixed {
			inner.b = appendEUR(inner.b, m[mk])
		} else {
			// Decimal strings are digits, '-' and '.': nothing to escape.
			inner.b = append(inner.b, m[mk].String()...)
		}
		inner.b = append(inner.b, '"')
	}
	o.b = inner.end()
	return keys
}

// appendEUR appends d.StringFixed(2). Amounts of up to 17 digits with at
// most two decimals (all sums of rounded cents) are written from their
// int64 coefficient; the others go through StringFixed.
func appendEUR(b []byte, d decimal.Decimal) []byte {
	exp := d.Exponent()
	// NumDigits may be one short near a power of ten; 17 + 1 digits still
	// fit an int64 once scaled to cents below.
	if exp < -2 || exp > 0 || d.NumDigits() > 17-int(exp+2) {
		return append(b, d.StringFixed(2)...)
	}
	c := d.CoefficientInt64()
	switch exp {
	case -1:
		c *= 10
	case 0:
		c *= 100
	}
	if c < 0 {
		b = append(b, '-')
		c = -c
	}
	b = strconv.AppendInt(b, c/100, 10)
	return append(b, '.', byte('0'+c/10%10), byte('0'+c%10))
}

// strs writes a string array; a nil slice is null.
func (o *jsonObject) strs(k string, v []string) {
	o.key(k)
	if v == nil {
		o.b = append(o.b, "null"...)
		return
	}
	if len(v) == 0 {
		o.b = append(o.b, "[]"...)
		return
	}
	o.b = append(o.b, '[')
	for i, s := range v {
		if i > 0 {
			o.b = append(o.b, ',')
		}
		o.b = append(o.b, '\n')
		o.b = append(o.b, o.prefix...)
		o.b = append(o.b, "    "...)
		o.b = appendJSONString(o.b, s)
	}
	o.b = append(o.b, '\n')
	o.b = append(o.b, o.prefix...)
	o.b = append(o.b, "  ]"...)
}

func (o *jsonObject) end() []byte {
	if !o.empty {
		o.b = append(o.b, '\n')
		o.b = append(o.b, o.prefix...)
	}
	return append(o.b, '}')
}

// appendJSONString quotes s as encoding/json does by default: <, > and &
// escaped for HTML, invalid UTF-8 replaced by U+FFFD, U+2028 and U+2029
// escaped.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i++
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// optionalTranslator renders a text only in an Italian report: the JSON
// keeps every message in English and adds the Italian beside it
// (docs/messages.md).
type optionalTranslator struct {
	tr translator
	on bool
}

func (o optionalTranslator) do(f func(translator) string) string {
	if !o.on {
		return ""
	}
	return f(o.tr)
}

// jsonTranslators returns the English translator and the Italian one,
// the latter used only when the report is Italian.
func jsonTranslators(lang string) (translator, optionalTranslator) {
	return newTranslator(msg.EN), optionalTranslator{newTranslator(msg.IT), lang == msg.IT}
}
