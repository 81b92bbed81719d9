package casework

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/casefile"
	"github.com/crosscheck/crosscheck/columnar"
	"github.com/crosscheck/crosscheck/ledger"
)

// TestAssignPartsIsDeterministicAndBalanced: every input lands in
// exactly one part, each part in case-file order, the largest files
// spread first; the same sizes give the same split.
func TestAssignPartsIsDeterministicAndBalanced(t *testing.T) {
	dir := t.TempDir()
	sizes := []int{900, 100, 500, 500, 300, 50, 0, 700}
	c := &casefile.Case{Inputs: map[ledger.Kind][]casefile.Input{}}
	for i, n := range sizes {
		p := filepath.Join(dir, fmt.Sprintf("p%d.csv", i))
		if err := os.WriteFile(p, []byte(strings.Repeat("x", n)), 0o644); err != nil {
			t.Fatal(err)
		}
		c.Inputs[ledger.KindPayments] = append(c.Inputs[ledger.KindPayments], casefile.Input{Path: p})
	}
	for n := 1; n <= 4; n++ {
		parts, err := AssignParts(c, n)
		if err != nil {
			t.Fatal(err)
		}
		if len(parts) != n {
			t.Fatalf("%d parts: got %d", n, len(parts))
		}
		seen := map[int]bool{}
		var loads []int64
		for _, p := range parts {
			var load int64
			for i, in := range p {
				if seen[in.Position] {
					t.Fatalf("%d parts: input %d twice", n, in.Position)
				}
				seen[in.Position] = true
				if i > 0 && p[i-1].Position >= in.Position {
					t.Fatalf("%d parts: not in case-file order: %v", n, p)
				}
				load += in.Size
			}
			loads = append(loads, load)
		}
		if len(seen) != len(sizes) {
			t.Fatalf("%d parts: %d inputs assigned, want %d", n, len(seen), len(sizes))
		}
		// Greedy largest-first: no part exceeds the lightest by more
		// than the largest file.
		if slices.Max(loads)-slices.Min(loads) > 900 {
			t.Errorf("%d parts: loads %v", n, loads)
		}
		if again, _ := AssignParts(c, n); fmt.Sprint(again) != fmt.Sprint(parts) {
			t.Fatalf("%d parts: not deterministic", n)
		}
	}
	if got, _ := AssignParts(c, 3); fmt.Sprint(loadsOf(got)) != "[1050 1000 1000]" {
		t.Errorf("3 parts: loads %v, want [1050 1000 1000]", loadsOf(got))
	}
	// A file this machine cannot see would change the split: an error
	// for several parts; one part needs no sizes.
	c.Inputs[ledger.KindPayments] = append(c.Inputs[ledger.KindPayments], casefile.Input{Path: filepath.Join(dir, "missing.csv"), Name: "missing.csv"})
	if _, err := AssignParts(c, 2); err == nil || !strings.Contains(err.Error(), "missing.csv") {
		t.Errorf("2 parts with a missing file: %v", err)
	}
	if parts, err := AssignParts(c, 1); err != nil || len(parts[0]) != len(sizes)+1 {
		t.Errorf("1 part with a missing file: %v", err)
	}
}

func loadsOf(parts [][]PartInput) []int64 {
	var out []int64
	for _, p := range parts {
		var n int64
		for _, in := range p {
			n += in.Size
		}
		out = append(out, n)
	}
	return out
}

// rowSink keeps what Export hands over.
type rowSink struct {
	ref  *columnar.Reference
	rows []columnar.Row
}

func (s *rowSink) Reference(ref *columnar.Reference) error { s.ref = ref; return nil }
func (s *rowSink) Row(r *columnar.Row) error {
	c := *r
	if r.Rejected != nil {
		is := *r.Rejected
		c.Rejected = &is
	}
	s.rows = append(s.rows, c)
	return nil
}

// TestExportRowsAreTheRunsRows: over the sample, the parts together hand
// over every payment row once, each accepted row converted and
// attributed as the run's Payments sheet shows it (duplicates aside,
// which the run does not convert), each rejected row with its reason.
func TestExportRowsAreTheRunsRows(t *testing.T) {
	c, err := casefile.Load(filepath.Join(sampleDir, "case.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	res := runSample(t, c)
	runRows := map[ledger.Ref]ledger.Entry{}
	for e := range res.Report.Entries {
		runRows[e.Ref] = e
	}
	rejected := map[ledger.Ref]string{}
	for is := range res.Report.Issues {
		if !(is.Level == ledger.LevelNote) && is.Row > 0 {
			rejected[ledger.Ref{Path: is.Path, Sheet: is.Sheet, Row: is.Row}] = is.Msg.String()
		}
	}
	wantRows, wantRejected := 0, 0
	for _, s := range res.Report.Sources {
		if s.Kind == ledger.KindPayments {
			wantRows += s.Rows
			wantRejected += s.Rejected
		}
	}
	seen := map[ledger.Ref]bool{}
	gotRejected := 0
	for i := 1; i <= 3; i++ {
		sink := &rowSink{}
		if _, err := Export(c, Options{}, columnar.Part{I: i, N: 3}, sink); err != nil {
			t.Fatal(err)
		}
		if len(sink.ref.Suspects) != len(res.Report.Suspects) || !sink.ref.Seizure.TotalEUR.Equal(res.Report.Seizure.TotalEUR) {
			t.Fatalf("part %d: reference data differs from the run's", i)
		}
		for _, r := range sink.rows {
			ref := r.Entry.Ref
			if seen[ref] {
				t.Fatalf("row %v exported twice", ref)
			}
			seen[ref] = true
			if r.Rejected != nil {
				gotRejected++
				if _, ok := rejected[ref]; !ok || r.Rejected.Msg.String() == "" {
					t.Errorf("rejected row %v: %q not among the run's issues", ref, r.Rejected.Msg.String())
				}
				continue
			}
			e, ok := runRows[ref]
			if !ok {
				t.Fatalf("row %v not on the run's Payments sheet", ref)
			}
			if e.Status == ledger.EntryDuplicate {
				continue
			}
			got := r.Entry
			if !got.EUR.Equal(e.EUR) || got.HasEUR != e.HasEUR || got.Attrib != e.Attrib || got.Rule != e.Rule ||
				got.AttribBy != e.AttribBy || !got.Rate.Value.Equal(e.Rate.Value) || !got.Amount.Equal(e.Amount) {
				t.Errorf("row %v: export %+v\nrun %+v", ref, got, e)
			}
			if !got.HasEUR && r.NoRate == "" {
				t.Errorf("row %v: no rate without a reason", ref)
			}
		}
	}
	if len(seen) != wantRows || gotRejected != wantRejected || wantRejected == 0 {
		t.Fatalf("exported %d rows (%d rejected), the run read %d (%d rejected)", len(seen), gotRejected, wantRows, wantRejected)
	}
}
