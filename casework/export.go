package casework

import (
	"cmp"
	"fmt"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/casefile"
	"github.com/crosscheck/crosscheck/columnar"
	"github.com/crosscheck/crosscheck/ingest"
	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/match"
	"github.com/crosscheck/crosscheck/spool"
)

// PartInput is a payments input with its position in the case file.
type PartInput struct {
	casefile.Input
	// Position is the input's 1-based position among the case file's
	// payments: with the sheet and row it orders rows as the run reads
	// them, which decides which row of a duplicate is kept.
	Position int
	Size     int64
}

// AssignParts splits the case's payments inputs into n parts balanced by
// file size: largest first, each to the part with the fewest bytes so far
// (the lowest-numbered on a tie). The answer depends only on the case
// file and the sizes, so every machine that sees the case's files (a
// shared folder, a mounted bucket) computes the same split; each reads
// only its part's files. Each part lists its inputs in case-file order.
// With more than one part, a payments file whose size cannot be read is
// an error: this machine's split could differ from the others'.
func AssignParts(c *casefile.Case, n int) ([][]PartInput, error) {
	ins := c.Inputs[ledger.KindPayments]
	all := make([]PartInput, len(ins))
	var missing []string
	for i, in := range ins {
		all[i] = PartInput{Input: in, Position: i + 1}
		path, _ := ingest.SplitSheet(in.Path)
		if fi, err := os.Stat(path); err == nil {
			all[i].Size = fi.Size()
		} else {
			missing = append(missing, cmp.Or(in.Name, in.Path))
		}
	}
	if n > 1 && len(missing) > 0 {
		return nil, fmt.Errorf("splitting the payment files into %d parts needs every file's size, and %s cannot be read here: every machine must see all of the case's payment files (it reads only its part's)", n, strings.Join(missing, ", "))
	}
	bySize := slices.Clone(all)
	slices.SortStableFunc(bySize, func(a, b PartInput) int { return cmp.Compare(b.Size, a.Size) })
	parts := make([][]PartInput, n)
	load := make([]int64, n)
	for _, in := range bySize {
		k := 0
		for j := 1; j < n; j++ {
			if load[j] < load[k] {
				k = j
			}
		}
		parts[k] = append(parts[k], in)
		load[k] += in.Size
	}
	for _, p := range parts {
		slices.SortFunc(p, func(a, b PartInput) int { return cmp.Compare(a.Position, b.Position) })
	}
	return parts, nil
}

// ExportSink receives an export: the reference data once, then every
// payment row of the part in read order.
type ExportSink interface {
	Reference(ref *columnar.Reference) error
	Row(row *columnar.Row) error
}

// ExportResult is the row accounting of an exported part.
type ExportResult struct {
	Inputs  []PartInput // the part's payments inputs
	Sources []ledger.Source
	Rows    int // rows handed to the sink, rejected ones included
}

// Export reads the whole reference data of c (suspects, identifiers,
// rates, seizures) and the payments inputs of one part, and hands every
// payment row to sink converted and attributed by the run's own code
// (ingest, match's attribution, the ledger's conversion), without
// duplicate detection or totals: those are global, left to the SQL run
// over all parts. Memory does not grow with the payment rows.
func Export(c *casefile.Case, opt Options, part columnar.Part, sink ExportSink) (*ExportResult, error) {
	if part.N == 0 {
		part = columnar.Part{I: 1, N: 1}
	}
	split, err := AssignParts(c, part.N)
	if err != nil {
		return nil, err
	}
	inputs := split[part.I-1]
	var paths []string
	for _, kind := range []ledger.Kind{ledger.KindSuspects, ledger.KindIdentifiers, ledger.KindRates, ledger.KindAssets} {
		for _, in := range c.Inputs[kind] {
			paths = append(paths, in.Path)
		}
	}
	for _, in := range inputs {
		paths = append(paths, in.Path)
	}
	r := &runner{c: c, opt: opt, progress: newProgress(opt.Progress), ahead: ingest.CheckAhead(paths), describeOnly: true, stop: watch(opt.Context)}
	defer r.stop.release()
	r.payments = make([]casefile.Input, len(inputs))
	for i, in := range inputs {
		r.payments[i] = in.Input
	}
	// Issues of the reference data are `run`'s and `validate`'s to list;
	// the export only needs a place to put them.
	if r.issues, err = spool.Issues(opt.TempDir); err != nil {
		return nil, err
	}
	defer r.issues.Close()

	suspects, ids, err := r.readPeople()
	if err != nil {
		return nil, err
	}
	attr, _ := match.NewAttributor(suspects, ids)
	rr := r.readRates()
	if rr.err != nil {
		return nil, rr.err
	}
	var assets []ledger.Asset
	lastSeizure := time.Time{}
	if err := read(r, ledger.KindAssets, ingest.ReadAssets, func(a ledger.Asset) error {
		assets = append(assets, a)
		if a.SeizureDate.After(lastSeizure) {
			lastSeizure = a.SeizureDate
		}
		return nil
	}); err != nil {
		return nil, err
	}
	// The report date only sets the crypto and securities values "at the
	// report date"; without one in the case a part cannot know the run's
	// (the latest date over every part), so the latest seizure stands in.
	reportDate := c.ReportDate
	if reportDate.IsZero() {
		reportDate = lastSeizure
	}
	seizure, _ := ledger.ValueAssets(assets, rr.rates, attr.Resolve, reportDate, c.TargetEUR)
	ref := &columnar.Reference{Case: c.Name, ReportDate: c.ReportDate, TargetEUR: c.TargetEUR,
		Suspects: attr.Suspects(), Seizure: seizure, Part: part,
		RateLookbackDays: RateLookbackDays, Version: opt.Version}
	for _, in := range inputs {
		ref.Inputs = append(ref.Inputs, columnar.Input{Name: cmp.Or(in.Name, in.Path), Position: in.Position, Size: in.Size})
	}
	if err := sink.Reference(ref); err != nil {
		return nil, err
	}

	led := ledger.New(attr.Suspects(), rr.rates, ledger.Options{})
	res := &ExportResult{Inputs: inputs}
	var (
		row     columnar.Row
		sinkErr error
		issues  []ledger.Issue
		sheets  sheetOrder
	)
	emit := func() {
		if sinkErr == nil {
			sinkErr = sink.Row(&row)
			res.Rows++
		}
	}
	rowIssue := func(item *batchItem) {
		is := &item.is
		if is.Row <= 0 || is.Level == ledger.LevelNote {
			return // about the whole sheet, not a row
		}
		row = columnar.Row{Position: inputs[item.input].Position, SheetIndex: sheets.index(item.input, is.Sheet), Rejected: is}
		row.Entry.Ref = ledger.Ref{Path: is.Path, Sheet: is.Sheet, Row: is.Row}
		emit()
	}
	post := func(item *batchItem) {
		p := &item.row.Payment
		row.Rejected, row.NoRate, row.AttribProblem = nil, "", item.problem.String()
		row.UnattribReason, row.UnattribValue, row.Candidates = string(item.why.Reason), item.why.Value, item.why.Candidates
		row.Position, row.SheetIndex = inputs[item.input].Position, sheets.index(item.input, p.Ref.Sheet)
		issues = led.Describe(&row.Entry, p, item.row.Attribution, issues[:0])
		for i, is := range issues {
			switch {
			case i == 0 && !row.Entry.HasEUR:
				row.NoRate = is.Msg.String()
			case row.AttribProblem == "":
				row.AttribProblem = is.Msg.String()
			default:
				row.AttribProblem += "; " + is.Msg.String()
			}
		}
		emit()
	}
	consume := func(batch []batchItem) {
		for i := range batch {
			if batch[i].isIssue {
				rowIssue(&batch[i])
			} else {
				post(&batch[i])
			}
		}
	}
	if err := r.readPayments(attr, consume); err != nil {
		return nil, err
	}
	if sinkErr != nil {
		return nil, sinkErr
	}
	for _, s := range r.sources {
		if s.Kind == ledger.KindPayments {
			res.Sources = append(res.Sources, s)
		}
	}
	return res, nil
}

// sheetOrder numbers the sheets of each input in the order they are met.
type sheetOrder struct {
	input int32
	names []string
}

func (o *sheetOrder) index(input int32, sheet string) int {
	if input != o.input || o.names == nil {
		o.input, o.names = input, o.names[:0]
	}
	for i, s := range o.names {
		if s == sheet {
			return i + 1
		}
	}
	o.names = append(o.names, sheet)
	return len(o.names)
}
