package review

import (
	"slices"
	"strconv"

	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/match"
	"github.com/crosscheck/crosscheck/msg"
	"github.com/shopspring/decimal"
)

// State is where a current flag stands against the earlier reviews.
type State string

// Review states.
const (
	StateNew       State = "new"       // never reviewed
	StateUnchanged State = "unchanged" // reviewed, and the evidence is as it was
	StateChanged   State = "changed"   // reviewed, but the evidence changed since
	StateWithdrawn State = "withdrawn" // reviewed, and the flag no longer arises
)

// States lists the states in display order.
var States = []State{StateNew, StateUnchanged, StateChanged, StateWithdrawn}

// Change is one field of a flag that differs from what was reviewed.
type Change struct {
	Field    string // "class", "months paid", "benefit EUR", "overlap months", "recovery EUR", "income during benefit EUR"
	Old, New string
}

// String renders the change as "months paid 6 → 8".
func (c Change) String() string { return c.Field + " " + c.Old + " → " + c.New }

// In renders the change in a language: the field and a class in words,
// amounts in the language's notation ("da recuperare EUR 1.224,80 →
// 1.530,00").
func (c Change) In(lang string) string {
	old, now := c.Old, c.New
	if c.Field == "class" {
		old, now = msg.Label(old, lang), msg.Label(now, lang)
	} else {
		old, now = msg.Number(old, lang), msg.Number(now, lang)
	}
	return msg.Label(c.Field, lang) + " " + old + " → " + now
}

// FlagReview is one current flag's review state.
type FlagReview struct {
	FlagID   string
	State    State
	Changes  []string  // e.g. "class probable → exact", "recovery EUR 1224.80 → 1530.00"
	Diffs    []Change  // the same, field by field, for translated output
	Decision *Decision // the carried decision; nil for a new flag
}

// Outcome is the result of matching decisions to the current flags.
type Outcome struct {
	Flags     map[string]FlagReview // by flag id, one per current flag
	Withdrawn []Decision            // reviewed flags that no longer arise, with their old decision
	Log       []Decision            // every decision carried, in source order
}

// Review returns the review of a flag; a flag Apply did not see is new.
func (o *Outcome) Review(id string) FlagReview {
	if o != nil {
		if r, ok := o.Flags[id]; ok {
			return r
		}
	}
	return FlagReview{FlagID: id, State: StateNew}
}

// Apply matches decisions to the current flags by id. A flag decided in
// several workbooks takes the decision read last (workbooks are given
// oldest first). A decided flag that no longer arises goes to Withdrawn,
// with an Issue. A rejected flag whose evidence did not change keeps its
// decision and is "unchanged", not proposed again as new.
func Apply(flags []match.BenefitFlag, decisions []Decision) (Outcome, []ledger.Issue) {
	// The outcome points into its own copy, not the caller's slice.
	decisions = slices.Clone(decisions)
	kept, issues := latestDecisions(decisions)
	byID := make(map[string]int, len(kept))
	for _, i := range kept {
		byID[decisions[i].FlagID] = i
	}
	out := Outcome{Flags: make(map[string]FlagReview, len(flags))}
	current := make(map[string]bool, len(flags))
	for _, f := range flags {
		current[f.ID] = true
		i, ok := byID[f.ID]
		if !ok {
			out.Flags[f.ID] = FlagReview{FlagID: f.ID, State: StateNew}
			continue
		}
		fr := FlagReview{FlagID: f.ID, State: StateUnchanged, Decision: &decisions[i]}
		fr.Diffs = compare(&decisions[i], &f)
		for _, c := range fr.Diffs {
			fr.Changes = append(fr.Changes, c.String())
		}
		if len(fr.Diffs) > 0 {
			fr.State = StateChanged
		}
		out.Flags[f.ID] = fr
	}
	out.Log = make([]Decision, 0, len(kept))
	for _, i := range kept {
		d := decisions[i]
		out.Log = append(out.Log, d)
		if current[d.FlagID] {
			continue
		}
		out.Withdrawn = append(out.Withdrawn, d)
		issues = append(issues, ledger.Issue{Path: d.Source, Sheet: d.Sheet, Row: d.Row, Column: columnHeader(colID, d.Sheet), Value: d.FlagID,
			Msg: msg.New(msg.ReviewWithdrawn, msg.Nested(describe(d))), Level: ledger.LevelWarning})
	}
	return out, issues
}

// latestDecisions keeps one decision per flag id, the last read, and
// reports a flag decided differently in two places. It returns the
// indexes of the kept decisions, in the order they were read.
func latestDecisions(decisions []Decision) ([]int, []ledger.Issue) {
	last := make(map[string]int, len(decisions))
	var issues []ledger.Issue
	for i := range decisions {
		d := &decisions[i]
		if j, ok := last[d.FlagID]; ok && !sameVerdict(&decisions[j], d) {
			prev := &decisions[j]
			issues = append(issues, ledger.Issue{Path: d.Source, Sheet: d.Sheet, Row: d.Row, Column: columnHeader(colID, d.Sheet), Value: d.FlagID,
				Msg:   msg.New(msg.ReviewDecidedTwice, msg.Ref(prev.Source, "", prev.Row), msg.Nested(describe(*prev)), msg.Nested(describe(*d))),
				Level: ledger.LevelWarning})
		}
		last[d.FlagID] = i
	}
	kept := make([]int, 0, len(last))
	for i := range decisions {
		if last[decisions[i].FlagID] == i {
			kept = append(kept, i)
		}
	}
	return kept, issues
}

// sameVerdict reports whether two rows say the same thing; a workbook
// carries its predecessor's decisions, so repeats are normal.
func sameVerdict(a, b *Decision) bool {
	return a.Decision == b.Decision && a.Reviewer == b.Reviewer && a.ReviewDate.Equal(b.ReviewDate) && a.Note == b.Note
}

// describe summarises a decision for an issue message.
func describe(d Decision) msg.Message {
	m := msg.New(msg.NoDecision)
	if d.Decision != "" {
		m = msg.New(msg.DecisionIs, msg.Term("decision "+d.Decision))
	}
	if d.Reviewer != "" {
		m = msg.New(msg.DecisionBy, msg.Nested(m), msg.Text(d.Reviewer))
	}
	if !d.ReviewDate.IsZero() {
		m = msg.New(msg.DecisionOn, msg.Nested(m), msg.Date(d.ReviewDate))
	}
	return m
}

// compare lists what differs between the flag as reviewed and as it is.
func compare(d *Decision, f *match.BenefitFlag) []Change {
	var out []Change
	if d.Class != string(f.Class) {
		out = append(out, Change{"class", orNone(d.Class), string(f.Class)})
	}
	ints := []struct {
		field    string
		old, now int
	}{
		{"months paid", d.MonthsPaid, len(f.Months)},
		{"overlap months", d.OverlapMonths, len(f.OverlapMonths)},
	}
	for _, c := range ints {
		if c.old != c.now {
			out = append(out, Change{c.field, strconv.Itoa(c.old), strconv.Itoa(c.now)})
		}
	}
	amounts := []struct {
		field    string
		old, now decimal.Decimal
	}{
		{"benefit EUR", d.BenefitEUR, f.BenefitEUR},
		{"recovery EUR", d.RecoveryEUR, f.RecoveryEUR},
		{"income during benefit EUR", d.IncomeDuringEUR, f.IncomeDuringEUR},
	}
	for _, c := range amounts {
		if !c.old.Round(2).Equal(c.now.Round(2)) {
			out = append(out, Change{c.field, c.old.StringFixed(2), c.now.StringFixed(2)})
		}
	}
	return out
}

func orNone(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// Standing is where a flag stands for the recovery the report proposes
// (docs/report.md#reviews-in-the-headline).
type Standing string

// Standings. A decision covers the figures it was taken on: a confirmed
// or rejected flag whose evidence changed since is open again.
const (
	StandingConfirmed Standing = "confirmed" // confirmed, evidence unchanged: counted as confirmed
	StandingOpen      Standing = "open"      // new, undecided, unsure, or changed since its decision
	StandingRejected  Standing = "rejected"  // rejected, evidence unchanged: left out of every recovery
)

// Standing tells where a current flag stands.
func (r FlagReview) Standing() Standing {
	if r.Decision == nil || r.State == StateChanged {
		return StandingOpen
	}
	switch r.Decision.Decision {
	case Confirmed:
		return StandingConfirmed
	case Rejected:
		return StandingRejected
	}
	return StandingOpen
}

// Status is the flag's status as the report shows it: its decision when
// one stands, otherwise "to review" ("review again" when the evidence
// changed since a decision).
func (r FlagReview) Status() string {
	switch {
	case r.Decision != nil && r.State == StateChanged && r.Decision.Decision != "":
		return "review again"
	case r.Decision == nil:
		return "to review"
	}
	switch r.Decision.Decision {
	case Confirmed, Rejected, Unsure:
		return r.Decision.Decision
	}
	return "to review"
}
