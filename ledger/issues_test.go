package ledger

import (
	"slices"
	"testing"

	"github.com/crosscheck/crosscheck/msg"
)

func TestGroupIssues(t *testing.T) {
	bad := msg.New(msg.TaxCodeLength, msg.Text("X"), msg.Int(3))
	other := msg.New(msg.NotADate)
	at := func(row int, value string, m msg.Message) Issue {
		return Issue{Path: "rdc.csv", Row: row, Field: "tax_code", Value: value, Msg: m, Level: LevelWarning}
	}
	tests := []struct {
		name   string
		in     []Issue
		want   []string // RowsText (count) column value
		counts []int
	}{
		{"consecutive rows, same value", []Issue{at(4, "X", bad), at(5, "X", bad), at(6, "X", bad)},
			[]string{"4-6 CF richiedente X"}, []int{3}},
		{"same value, rows apart", []Issue{at(4, "X", bad), at(9, "X", bad), at(10, "X", bad), at(2, "X", bad)},
			[]string{"2, 4, 9-10 CF richiedente X"}, []int{4}},
		{"consecutive rows, other values", []Issue{at(4, "A", other), at(5, "B", other), at(7, "C", other)},
			[]string{"4-5 CF richiedente A", "7 CF richiedente C"}, []int{2, 1}},
		{"mixed problems stay apart", []Issue{at(4, "X", bad), at(5, "Y", other), at(6, "X", bad), at(7, "Y", other)},
			[]string{"4, 6 CF richiedente X", "5, 7 CF richiedente Y"}, []int{2, 2}},
		{"same row twice counts once", []Issue{at(4, "X", bad), at(4, "X", bad)},
			[]string{"4 CF richiedente X"}, []int{1}},
		{"whole-file issues", []Issue{at(0, "X", bad), at(0, "X", bad)},
			[]string{" CF richiedente X"}, []int{2}},
		{"other level left out", []Issue{{Path: "rdc.csv", Row: 3, Level: LevelNote, Msg: bad}}, nil, nil},
	}
	sources := []Source{{Path: "rdc.csv", Headers: map[string]string{"tax_code": "CF richiedente"}}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			var counts []int
			for g := range GroupIssues(slices.Values(tt.in), LevelWarning, sources) {
				got = append(got, g.RowsText()+" "+g.Column+" "+g.Value)
				counts = append(counts, g.Count)
			}
			if !slices.Equal(got, tt.want) || !slices.Equal(counts, tt.counts) {
				t.Errorf("got %q %v, want %q %v", got, counts, tt.want, tt.counts)
			}
		})
	}
}

func TestGroupIssuesCountsValues(t *testing.T) {
	m := msg.New(msg.NotADate)
	in := []Issue{{Row: 2, Value: "a", Msg: m}, {Row: 3, Value: "b", Msg: m}, {Row: 4, Value: "a", Msg: m}}
	var gs []IssueGroup
	for g := range GroupIssues(slices.Values(in), LevelWarning, nil) {
		gs = append(gs, g)
	}
	if len(gs) != 1 || gs[0].Count != 3 || gs[0].Values != 2 || gs[0].RowsText() != "2-4" {
		t.Errorf("%+v", gs)
	}
}
