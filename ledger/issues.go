package ledger

import (
	"iter"
	"slices"
	"strconv"
	"strings"

	"github.com/crosscheck/crosscheck/msg"
)

// IssueGroup is one entry of the outputs' issue lists: the same problem
// on consecutive rows, or for the same value, reported once with its rows
// (one invalid tax code over 18 monthly benefit rows is one entry "rows
// 4-21 (18)").
type IssueGroup struct {
	// Issue is the first issue of the group, its Column resolved to the
	// header as written in the file where the source knows it.
	Issue
	// Rows are the group's rows as ascending runs; empty when the issue
	// concerns a whole file or sheet.
	Rows []RowRange
	// Count is the number of issues grouped.
	Count int
	// Values is the number of distinct values among them (1 when every
	// row has the same value).
	Values int
}

// RowRange is a run of consecutive rows, First..Last.
type RowRange struct{ First, Last int }

// RowsText writes the rows as "4-21, 30" (empty for a whole-file issue).
func (g *IssueGroup) RowsText() string {
	var b strings.Builder
	for i, r := range g.Rows {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(strconv.Itoa(r.First))
		if r.Last > r.First {
			b.WriteByte('-')
			b.WriteString(strconv.Itoa(r.Last))
		}
	}
	return b.String()
}

// maxOpenGroups bounds the memory of grouping: past it the groups found
// so far are emitted and grouping starts afresh, so a case with millions
// of distinct issues costs no more memory than this many groups.
const maxOpenGroups = 50_000

// GroupIssues yields the issues of one level grouped, in the order their
// first issue came. Column is resolved from Field through the sources'
// Headers. seq may be ranged over once per level.
func GroupIssues(seq iter.Seq[Issue], level Level, sources []Source) iter.Seq[IssueGroup] {
	headers := map[[2]string]map[string]string{}
	for _, s := range sources {
		if len(s.Headers) > 0 {
			headers[[2]string{s.Path, s.Sheet}] = s.Headers
		}
	}
	return func(yield func(IssueGroup) bool) {
		if seq == nil {
			return
		}
		type problemKey struct {
			path, sheet, column, field string
			m                          msg.Message
		}
		type valueKey struct {
			problemKey
			value string
		}
		var groups []*IssueGroup
		byValue := map[valueKey]*IssueGroup{}
		byProblem := map[problemKey]*IssueGroup{}
		flush := func() bool {
			for _, g := range groups {
				if !yield(*g) {
					return false
				}
			}
			groups = groups[:0]
			clear(byValue)
			clear(byProblem)
			return true
		}
		for is := range seq {
			if is.Level != level {
				continue
			}
			if is.Column == "" && is.Field != "" {
				if h := headers[[2]string{is.Path, is.Sheet}][is.Field]; h != "" {
					is.Column = h
				}
			}
			pk := problemKey{is.Path, is.Sheet, is.Column, is.Field, is.Msg}
			vk := valueKey{pk, is.Value}
			if g := byValue[vk]; g != nil {
				g.add(is.Row, false)
				byProblem[pk] = g
				continue
			}
			if g := byProblem[pk]; g != nil && is.Row > 0 && len(g.Rows) > 0 && is.Row == g.Rows[len(g.Rows)-1].Last+1 {
				g.add(is.Row, true)
				byValue[vk] = g
				continue
			}
			if len(groups) >= maxOpenGroups && !flush() {
				return
			}
			g := &IssueGroup{Issue: is, Values: 1}
			g.add(is.Row, false)
			groups = append(groups, g)
			byValue[vk], byProblem[pk] = g, g
		}
		flush()
	}
}

// add records one more row of the group. Rows mostly come in ascending
// order, which costs O(1); an earlier row is inserted in place.
func (g *IssueGroup) add(row int, newValue bool) {
	if newValue {
		g.Values++
	}
	if row <= 0 {
		g.Count++
		return
	}
	n := len(g.Rows)
	switch {
	case n == 0 || row > g.Rows[n-1].Last+1:
		g.Rows = append(g.Rows, RowRange{row, row})
	case row == g.Rows[n-1].Last+1:
		g.Rows[n-1].Last = row
	case slices.ContainsFunc(g.Rows, func(r RowRange) bool { return row >= r.First && row <= r.Last }):
		return // the same row again: Count counts rows
	default:
		g.Rows = insertRow(g.Rows, row)
	}
	g.Count++
}

// insertRow adds a row to ascending runs, merging with its neighbours.
func insertRow(rs []RowRange, row int) []RowRange {
	i := 0
	for i < len(rs) && rs[i].Last < row-1 {
		i++
	}
	if i < len(rs) && row >= rs[i].First-1 && row <= rs[i].Last+1 {
		if row < rs[i].First {
			rs[i].First = row
		}
		if row > rs[i].Last {
			rs[i].Last = row
		}
		if i+1 < len(rs) && rs[i].Last+1 >= rs[i+1].First {
			rs[i].Last = rs[i+1].Last
			rs = append(rs[:i+1], rs[i+2:]...)
		}
		return rs
	}
	rs = append(rs, RowRange{})
	copy(rs[i+1:], rs[i:])
	rs[i] = RowRange{row, row}
	return rs
}
