// Package casework runs a case from end to end: it reads every input
// through ingest, posts payments to the ledger, attributes them with
// match, values the seizures, cross-checks the benefit lists and fills
// the result model (package result) that reports writes out. Data flows
// one way: read -> ledger -> match -> result -> reports.
package casework

import (
	"context"
	"fmt"
	"io"
	"iter"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/crosscheck/crosscheck/casefile"
	"github.com/crosscheck/crosscheck/ingest"
	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/match"
	"github.com/crosscheck/crosscheck/msg"
	"github.com/crosscheck/crosscheck/pipeline"
	"github.com/crosscheck/crosscheck/result"
	"github.com/crosscheck/crosscheck/review"
	"github.com/crosscheck/crosscheck/spool"
	"github.com/shopspring/decimal"
)

// RateLookbackDays is how far back a missing day's rate may be taken
// from (weekends, TARGET holidays): docs/rules.md#conversion.
const RateLookbackDays = 7

// Options are the run's settings that are not part of the case.
type Options struct {
	// Context stops the run when it is done (an interrupt): Run returns
	// its cause, and the sequences of the Report stop early with the
	// cause in Result.Err. Nil means never.
	Context context.Context
	Version string
	// TempDir holds the spool files; empty means the system default.
	TempDir string
	// Progress, when not nil, receives progress lines for long reads.
	Progress io.Writer
	// NoPaymentRows is for callers that write no workbook: the payment
	// rows are then not spooled and Report.Entries is nil. The JSON
	// document and the summary need only the totals.
	NoPaymentRows bool
}

// Result is a computed case, ready for the reports. Close removes its
// spool files.
type Result struct {
	Report   *result.Report
	Rejected int // rows rejected across all sources
	entries  *spool.Spool[ledger.Entry]
	issues   *spool.Spool[ledger.Issue]
	// benefitIssues are the issues of the households and benefit lists,
	// read beside the payments; Report.Issues puts them back in place.
	benefitIssues *spool.Spool[ledger.Issue]
	stop          *interrupt
}

// Close releases the spool files behind Report.Entries and Report.Issues.
func (r *Result) Close() {
	if r.stop != nil {
		r.stop.release()
	}
	if r.entries != nil {
		r.entries.Close()
	}
	if r.issues != nil {
		r.issues.Close()
	}
	if r.benefitIssues != nil {
		r.benefitIssues.Close()
	}
}

// Err reports a failure while reading the spools back (after the reports
// were written).
func (r *Result) Err() error {
	if r.stop != nil {
		if err := r.stop.seen.Load(); err != nil {
			return *err
		}
	}
	if r.entries != nil && r.entries.Err() != nil {
		return r.entries.Err()
	}
	if r.benefitIssues != nil && r.benefitIssues.Err() != nil {
		return r.benefitIssues.Err()
	}
	return r.issues.Err()
}

type runner struct {
	c        *casefile.Case
	opt      Options
	sources  []ledger.Source
	issues   *spool.Spool[ledger.Issue]
	entries  *spool.Spool[ledger.Entry]
	progress *progress
	ahead    *ingest.Ahead
	stop     *interrupt
	// payments, when not nil, are the payments inputs to read instead of
	// the case's (one part of an export).
	payments []casefile.Input
	// describeOnly reads payments for an export: no duplicate table is
	// sized or touched.
	describeOnly bool
}

func (r *runner) report(is ledger.Issue) { r.issues.Add(&is) }

func (r *runner) options(kind ledger.Kind) ingest.Options {
	report := r.report
	if kind == ledger.KindBenefits || kind == ledger.KindHousehold {
		// A rejected benefit row belongs to a recipient who matches no
		// suspect (it was never compared): its cells must not reach any
		// output. The file, row and column are enough to find it.
		report = func(is ledger.Issue) {
			if is.Value != "" {
				is.Msg = is.Msg.Redact(is.Value)
				is.Value = withheld
			}
			r.report(is)
		}
	}
	return ingest.Options{Columns: r.c.Columns[kind], Report: report, Ahead: r.ahead}
}

// withheld replaces a benefit recipient's cell in an issue.
const withheld = "(withheld: benefit recipient data)"

// read runs one ingest reader over every input of a kind.
func read[T any](r *runner, kind ledger.Kind, reader func(ingest.Input, ingest.Options, func(T) error) ([]ledger.Source, error), emit func(T) error) error {
	for _, in := range r.c.Inputs[kind] {
		rd := r.progress.begin(string(kind), in.Path)
		// casefile.Check accepted the programme: it parses.
		programme, _ := ledger.ParseProgramme(in.Programme)
		srcs, err := reader(ingest.Input{Path: in.Path, Name: in.Name, Suspect: in.Suspect, Programme: programme}, r.options(kind), func(v T) error {
			if err := r.stop.err(); err != nil {
				return err
			}
			rd.row()
			return emit(v)
		})
		rd.end()
		if err != nil {
			return msg.Wrap(err, msg.ErrInput, msg.Term(string(kind)), msg.Text(in.Path))
		}
		r.sources = append(r.sources, srcs...)
	}
	return nil
}

// ratesRead is what reading the rates inputs gave, kept apart so that it
// can be read on another goroutine and merged in input order.
type ratesRead struct {
	rates   *ledger.Rates
	sources []ledger.Source
	issues  []ledger.Issue
	err     error
}

// readRates reads every rates input. It touches nothing of r but the case
// and, when set, the progress line.
func (r *runner) readRates() *ratesRead {
	out := &ratesRead{rates: ledger.NewRates(RateLookbackDays)}
	report := func(is ledger.Issue) { out.issues = append(out.issues, is) }
	opt := ingest.Options{Columns: r.c.Columns[ledger.KindRates], Report: report, Ahead: r.ahead}
	for _, in := range r.c.Inputs[ledger.KindRates] {
		rd := r.progress.begin(string(ledger.KindRates), in.Path)
		srcs, err := ingest.ReadRates(ingest.Input{Path: in.Path, Name: in.Name, Suspect: in.Suspect}, opt, func(rt ledger.Rate) error {
			if err := r.stop.err(); err != nil {
				return err
			}
			rd.row()
			if problem := out.rates.Add(rt); !problem.IsZero() {
				report(ledger.Issue{Path: rt.Ref.Path, Sheet: rt.Ref.Sheet, Row: rt.Ref.Row, Column: rt.Currency, Value: rt.Value.String(), Msg: problem, Level: ledger.LevelRejected})
			}
			return nil
		})
		rd.end()
		if err != nil {
			out.err = msg.Wrap(err, msg.ErrInput, msg.Term(string(ledger.KindRates)), msg.Text(in.Path))
			return out
		}
		out.sources = append(out.sources, srcs...)
	}
	for _, p := range out.rates.ResolveCross() {
		rt := p.Rate
		report(ledger.Issue{Path: rt.Ref.Path, Sheet: rt.Ref.Sheet, Row: rt.Ref.Row, Column: rt.Currency, Value: rt.Value.String(), Msg: p.Problem, Level: ledger.LevelRejected})
	}
	return out
}

// Run computes a case. An error means an input could not be read at all
// (exit 2); rejected rows are counted in Result.Rejected and listed among
// the issues.
//
// The run goes in stages, each a function with its inputs and results:
// referenceData (suspects, identifiers, rates), startBenefits (households
// and benefit lists, on a goroutine of their own), readAssets,
// postPayments (the ledger) and assemble (the Report).
func Run(c *casefile.Case, opt Options) (res *Result, err error) {
	r := &runner{c: c, opt: opt, progress: newProgress(opt.Progress), stop: watch(opt.Context)}
	// Every text input is hashed and checked on another goroutine, in
	// the order the run reads them (ledger.Kinds).
	var paths []string
	for _, kind := range ledger.Kinds {
		for _, in := range c.Inputs[kind] {
			paths = append(paths, in.Path)
		}
	}
	r.ahead = ingest.CheckAhead(paths)
	defer r.ahead.Close()
	if r.issues, err = spool.Issues(opt.TempDir); err != nil {
		r.stop.release()
		return nil, err
	}
	if !opt.NoPaymentRows {
		if r.entries, err = spool.Entries(opt.TempDir); err != nil {
			r.stop.release()
			r.issues.Close()
			return nil, err
		}
	}
	spools := &Result{entries: r.entries, issues: r.issues, stop: r.stop}
	defer func() {
		if err != nil {
			spools.Close()
		}
	}()

	ref, err := r.referenceData()
	if err != nil {
		return nil, err
	}
	ben, err := r.startBenefits(ref.attr)
	if err != nil {
		return nil, err
	}
	spools.benefitIssues = ben.run.issues
	// Every way out waits for the benefits first: the spools are closed
	// on an error, and the matcher is read after.
	defer ben.wait()
	assets, err := r.readAssets()
	if err != nil {
		return nil, err
	}
	pay, err := r.postPayments(ref)
	if pay != nil {
		defer pay.refTexts.Close()
	}
	if err != nil {
		return nil, err
	}
	if err := ben.wait(); err != nil {
		return nil, err
	}
	if err := r.stop.now(); err != nil {
		return nil, err
	}
	spools.Report, spools.Rejected, err = r.assemble(ref, ben, assets, pay)
	if err != nil {
		return nil, err
	}
	return spools, nil
}

// reference is the reference data every later stage reads: who the
// suspects are (and how payments are attributed to them) and the rates.
type reference struct {
	attr  *match.Attributor
	rates *ledger.Rates
}

// referenceData reads the suspects and identifiers, and the rates beside
// them on another goroutine (they do not depend on the suspects); their
// sources and issues come out in input order.
func (r *runner) referenceData() (*reference, error) {
	ratesDone := make(chan *ratesRead, 1)
	go func() { ratesDone <- r.readRates() }()
	// Every way out waits for the rates: they read through r.ahead, which
	// Run closes.
	waitRates := sync.OnceValue(func() *ratesRead { return <-ratesDone })
	defer waitRates()
	suspects, ids, err := r.readPeople()
	if err != nil {
		return nil, err
	}
	attr, attrIssues := match.NewAttributor(suspects, ids)
	for _, is := range attrIssues {
		r.report(is)
	}

	rr := waitRates()
	if rr.err != nil {
		return nil, rr.err
	}
	// In the order they would have come reading the rates here.
	r.sources = append(r.sources, rr.sources...)
	for _, is := range rr.issues {
		r.report(is)
	}
	return &reference{attr: attr, rates: rr.rates}, nil
}

// benefits is the households and benefit lists being read and matched on
// a goroutine of their own. Their issues go to a spool of their own and,
// like their sources, are put back in input order (after the rates,
// where issuesAt and sourcesAt say) when the run is assembled.
type benefits struct {
	run                 *runner
	matcher             *match.BenefitMatcher
	issuesAt, sourcesAt int
	// wait returns the reading's error once it is done; every call
	// after the first returns the same.
	wait func() error
}

// startBenefits starts reading the households and benefit lists: they
// need only the suspects, and are read while the assets and payments are.
func (r *runner) startBenefits(attr *match.Attributor) (*benefits, error) {
	br := &runner{c: r.c, opt: r.opt, progress: r.progress, ahead: r.ahead, stop: r.stop}
	var err error
	if br.issues, err = spool.Issues(r.opt.TempDir); err != nil {
		return nil, err
	}
	b := &benefits{run: br, issuesAt: r.issues.Len(), sourcesAt: len(r.sources)}
	done := make(chan error, 1)
	go func() {
		done <- func() error {
			b.matcher = match.NewBenefitMatcher(attr.Suspects(), match.Options{})
			if err := read(br, ledger.KindHousehold, ingest.ReadHousehold, func(h ledger.HouseholdMember) error {
				b.matcher.AddHousehold(h)
				return nil
			}); err != nil {
				return err
			}
			return read(br, ledger.KindBenefits, ingest.ReadBenefits, func(row ledger.BenefitRow) error {
				b.matcher.AddBenefit(row)
				return nil
			})
		}()
	}()
	b.wait = sync.OnceValue(func() error { return <-done })
	return b, nil
}

// readAssets reads the seizure records.
func (r *runner) readAssets() ([]ledger.Asset, error) {
	var assets []ledger.Asset
	err := read(r, ledger.KindAssets, ingest.ReadAssets, func(a ledger.Asset) error {
		assets = append(assets, a)
		return nil
	})
	return assets, err
}

// posted is what posting the payments gave: the ledger with its totals,
// the unattributed payments grouped by reason, the latest payment date,
// and the reference texts the duplicate table reads until it is sealed.
type posted struct {
	led          *ledger.Ledger
	unattributed result.UnattributedTally
	last         time.Time
	lastFrom     result.DateSource // the payment last was read from
	refTexts     *spool.RefTexts
}

// postPayments reads every payments input and posts its rows to a new
// ledger, each with the attribution worked out as it was read.
func (r *runner) postPayments(ref *reference) (*posted, error) {
	attr := ref.attr
	// Attribution is read-only: the reader goroutine works it out with the
	// parsing, and each row is posted with its answer (no Attributor here).
	// The first row of every reference keeps its text on disk: a
	// fingerprint hit is decided on the texts without holding them all.
	refTexts, err := spool.NewRefTexts(r.opt.TempDir)
	if err != nil {
		return nil, err
	}
	led := ledger.New(attr.Suspects(), ref.rates, ledger.Options{Texts: refTexts})
	out := &posted{led: led, refTexts: refTexts}
	// An unknown file suspect would otherwise be reported on every row of
	// the file: say it once per source and value.
	problemSeen := map[string]bool{}
	row := func(item *batchItem) *ledger.Posting {
		if item.isIssue {
			return nil
		}
		return &item.row
	}
	posted := func(item *batchItem, e *ledger.Entry, issues []ledger.Issue) {
		if e == nil {
			r.report(item.is)
			return
		}
		p := &item.row.Payment
		if problem := item.problem; !problem.IsZero() {
			value, row, field := p.Suspect, p.Ref.Row, "suspect"
			if value == "" {
				value, row, field = p.FileSuspect, 0, "suspect (case file)"
			}
			key := p.Ref.Path + "\x00" + p.Ref.Sheet + "\x00" + value
			if row > 0 || !problemSeen[key] {
				problemSeen[key] = true
				r.report(ledger.Issue{Path: p.Ref.Path, Sheet: p.Ref.Sheet, Row: row, Field: field, Value: value, Msg: problem})
			}
		}
		for i := range issues {
			r.issues.Add(&issues[i])
		}
		if e.Attrib == "" {
			out.unattributed.Add(item.why, e)
			if item.why.Reason == match.ReasonNearMiss {
				// Once per source and identifier: its every payment is on
				// the Unattributed sheet.
				key := "near\x00" + p.Ref.Path + "\x00" + p.Ref.Sheet + "\x00" + item.why.Value
				if !problemSeen[key] {
					problemSeen[key] = true
					field := "payee_account"
					if item.why.Value != strings.TrimSpace(p.PayeeAccount) {
						field = "payee"
					}
					r.report(ledger.Issue{Path: p.Ref.Path, Sheet: p.Ref.Sheet, Row: p.Ref.Row, Field: field,
						Value: item.why.Value, Msg: match.NearMissNote(item.why), Level: ledger.LevelNote})
				}
			}
		}
		if r.entries != nil {
			r.entries.Add(e)
		}
		if p.Date.After(out.last) {
			out.last, out.lastFrom = p.Date, result.DateSource{Kind: "payment", Ref: p.Ref}
		}
	}
	if err := r.readPayments(attr, func(batch []batchItem) { ledger.Post(led, batch, row, posted) }); err != nil {
		// The run stops here: sealing ends the ledger's booking goroutine.
		_ = led.Seal()
		return out, err
	}
	return out, nil
}

// assemble puts the stages' results together into the Report: the
// sources with their duplicates, the seizure valued, the totals, the
// benefit flags and reviews, and the spools finished for reading back.
// It returns the rows rejected across all sources.
func (r *runner) assemble(ref *reference, ben *benefits, assets []ledger.Asset, pay *posted) (*result.Report, int, error) {
	c, led, rates, attr, matcher := r.c, pay.led, ref.rates, ref.attr, ben.matcher
	r.sources = slices.Insert(r.sources, ben.sourcesAt, ben.run.sources...)
	rejected := 0
	for i := range r.sources {
		s := &r.sources[i]
		d := 0
		switch {
		case s.Kind == ledger.KindPayments:
			d = led.Duplicates(s.Path, s.Sheet)
		case s.Kind == ledger.KindBenefits && matcher != nil:
			d = matcher.Duplicates(s.Path, s.Sheet)
		}
		s.Duplicates += d
		s.Accepted -= d
		rejected += s.Rejected
	}

	reportDate := c.ReportDate
	var inferredFrom *result.DateSource
	if reportDate.IsZero() {
		// Without a report date the case speaks as of its latest dated fact,
		// never of the wall clock, so that reruns give the same figures.
		reportDate = pay.last
		from := pay.lastFrom
		for _, a := range assets {
			if a.SeizureDate.After(reportDate) {
				reportDate, from = a.SeizureDate, result.DateSource{Kind: "seizure", Ref: a.Ref}
			}
		}
		if !reportDate.IsZero() {
			inferredFrom = &from
		}
	}
	seizure, assetIssues := ledger.ValueAssets(assets, rates, attr.Resolve, reportDate, c.TargetEUR)
	for _, is := range assetIssues {
		r.report(is)
	}
	totals, cycles := led.Totals()
	ledger.ApplySeizure(totals, seizure)
	flags, flagIssues := matcher.Flags(led)
	for _, is := range flagIssues {
		r.report(is)
	}
	// Decisions taken on earlier workbooks carry over; a reviews file that
	// cannot be used is an issue, never a reason to stop the run.
	var outcome *review.Outcome
	if len(c.Reviews) > 0 {
		decisions, loadIssues := review.LoadAll(c.Reviews)
		o, applyIssues := review.Apply(flags, decisions)
		for _, is := range append(loadIssues, applyIssues...) {
			r.report(is)
		}
		outcome = &o
	}
	// The totals and flags are taken: the duplicate table, the largest
	// thing in memory, is not needed to write the reports.
	if err := led.Seal(); err != nil {
		return nil, 0, fmt.Errorf("duplicate check: %w", err)
	}
	pay.refTexts.Close()
	var entries iter.Seq[ledger.Entry]
	if r.entries != nil {
		if err := r.entries.Finish(); err != nil {
			return nil, 0, err
		}
		entries = markConflicts(r.entries.All(), led)
	}
	if err := r.issues.Finish(); err != nil {
		return nil, 0, err
	}
	if err := ben.run.issues.Finish(); err != nil {
		return nil, 0, err
	}

	// An input changed after it was read would make the report describe
	// bytes nobody can show again.
	if err := r.ahead.Verify(); err != nil {
		return nil, 0, err
	}

	payments, attributed, noRate, duplicates, _ := led.Counts()
	unCount, unEUR := led.Unattributed()
	attributedEUR := decimal.Zero
	for _, t := range totals {
		attributedEUR = attributedEUR.Add(t.IncomeEUR)
	}
	rep := &result.Report{
		Params: result.Params{
			Case:           c.Name,
			ReportDate:     reportDate,
			ReportDateFrom: inferredFrom,
			TargetEUR:      c.TargetEUR,
			Lang:           c.Lang,
			Version:        r.opt.Version,
			CaseFile:       c.Path,
			Settings: map[string]string{
				"rate_lookback_days": fmt.Sprint(RateLookbackDays),
				"rounding":           "half away from zero, once per payment, to the cent",
			},
		},
		Sources:            r.sources,
		Suspects:           totals,
		Seizure:            seizure,
		Flags:              flags,
		HouseholdsKnown:    len(c.Inputs[ledger.KindHousehold]) > 0,
		Review:             outcome,
		Cycles:             cycles,
		PaymentsTotal:      payments,
		AttributedPayments: attributed,
		AttributedEUR:      attributedEUR,
		UnattributedCount:  unCount,
		UnattributedEUR:    unEUR,
		Unattributed:       pay.unattributed.Groups(),
		Explain:            func(e *ledger.Entry) match.Unattributed { return attr.Why(&e.Payment) },
		NoRateCount:        noRate,
		DuplicateCount:     duplicates,
		Directions:         led.DirectionCounts(),
		RatesUsed:          rates.Used(),
		Entries:            guard(r.stop, entries),
		IssueCount:         r.issues.Len() + ben.run.issues.Len(),
		Issues:             guard(r.stop, spool.Spliced(r.issues, ben.issuesAt, ben.run.issues)),
	}
	return rep, rejected, nil
}

// markConflicts marks the first row of a reference that later turned out
// to conflict: when it was read, the conflict was not yet known.
func markConflicts(entries iter.Seq[ledger.Entry], led *ledger.Ledger) iter.Seq[ledger.Entry] {
	return func(yield func(ledger.Entry) bool) {
		for e := range entries {
			if e.Status == ledger.EntryOK && led.Conflicted(&e.Payment) {
				e.Status = ledger.EntryConflict
			}
			if !yield(e) {
				return
			}
		}
	}
}

// batchItem is a payment row or an issue, in the order the reader met
// them.
type batchItem struct {
	isIssue bool
	// input is the position of the row's input in the list read.
	input int32
	// row is the payment with what the reader goroutine worked out for
	// the ledger: its attribution, reference key and, when not 0, how
	// many references the duplicate table should make room for (see
	// estimateRows).
	row ledger.Posting
	is  ledger.Issue
	// problem is what is wrong with the row's suspect columns, if anything.
	problem msg.Message
	// why explains a row attributed to nobody.
	why match.Unattributed
}

const batchSize = 1024

// readPayments reads every payments input on a goroutine of its own (CSV parsing,
// decimals, dates, attribution) while consume runs in this one on each
// batch (duplicates, conversion, totals, spooling): each keeps a core busy. Rows travel in
// batches, in read order, so the result does not depend on scheduling.
func (r *runner) readPayments(attr *match.Attributor, consume func([]batchItem)) error {
	var srcs []ledger.Source
	rows := pipeline.Pull(r.stop.ctx, batchSize, 4, func(s *pipeline.Sender[batchItem]) error {
		cur := s.Batch()
		var input int32
		opt := ingest.Options{Columns: r.c.Columns[ledger.KindPayments], Profiles: r.c.Profiles, Ahead: r.ahead, Report: func(is ledger.Issue) {
			cur = append(cur, batchItem{isIssue: true, is: is, input: input})
			if len(cur) == batchSize {
				cur = s.Send(cur)
			}
		}}
		// refRows estimates the rows of the files read so far that have
		// references: the duplicate table is sized for them once instead
		// of growing in steps.
		refRows := 0
		sample := make([]byte, estimateSample)
		inputs := r.c.Inputs[ledger.KindPayments]
		if r.payments != nil {
			inputs = r.payments
		}
		for i, in := range inputs {
			input = int32(i)
			fileRows, counted := 0, r.describeOnly
			if !counted {
				fileRows = estimateFileRows(in.Path, sample)
			}
			// The reader goroutine alone touches the progress line here.
			rd := r.progress.begin(string(ledger.KindPayments), in.Path)
			got, err := ingest.ReadPayments(ingest.Input{Path: in.Path, Name: in.Name, Suspect: in.Suspect, Profile: in.Profile}, opt, func(p *ledger.Payment) error {
				if err := r.stop.err(); err != nil {
					return err
				}
				rd.row()
				cur = append(cur, batchItem{row: ledger.Posting{Payment: *p}, input: input})
				it := &cur[len(cur)-1]
				pay, att := &it.row.Payment, &it.row.Attribution
				att.Suspect, att.Rule, att.By = attr.Attribute(pay)
				if att.Suspect == "" {
					it.why = attr.Why(pay)
				}
				it.problem = attr.Problem(pay)
				if !r.describeOnly {
					it.row.Prepare()
				}
				if !counted && pay.Reference != "" {
					counted = true
					refRows += fileRows
					it.row.Reserve = reserveFor(refRows)
				}
				if len(cur) == batchSize {
					cur = s.Send(cur)
				}
				return nil
			})
			rd.end()
			if err != nil {
				// The rows and issues read before the error are posted.
				s.Send(cur)
				return msg.Wrap(err, msg.ErrInput, msg.Term(string(ledger.KindPayments)), msg.Text(in.Path))
			}
			srcs = append(srcs, got...)
		}
		s.Send(cur)
		return nil
	})
	defer rows.Close()
	for b := range rows.All() {
		consume(b)
	}
	// Close waits for the reader: its results are visible from here.
	if err := rows.Close(); err != nil {
		return err
	}
	r.sources = append(r.sources, srcs...)
	return nil
}

// readPeople reads the suspects and identifiers tables, which attribution
// needs before any payment; run and export share it.
func (r *runner) readPeople() ([]ledger.Suspect, []ledger.Identifier, error) {
	var suspects []ledger.Suspect
	if err := read(r, ledger.KindSuspects, ingest.ReadSuspects, func(s ledger.Suspect) error {
		suspects = append(suspects, s)
		return nil
	}); err != nil {
		return nil, nil, err
	}
	var ids []ledger.Identifier
	if err := read(r, ledger.KindIdentifiers, ingest.ReadIdentifiers, func(id ledger.Identifier) error {
		ids = append(ids, id)
		return nil
	}); err != nil {
		return nil, nil, err
	}
	return suspects, ids, nil
}
