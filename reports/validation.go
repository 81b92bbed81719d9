package reports

import (
	"fmt"
	"github.com/crosscheck/crosscheck/result"
	"io"
	"strconv"
	"text/tabwriter"

	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/msg"
	"github.com/crosscheck/crosscheck/termtext"
)

// levelHeading titles each level's part of validate's listing.
var levelHeading = map[ledger.Level]string{
	ledger.LevelRejected: "Rejected rows and values not counted",
	ledger.LevelWarning:  "Warnings (no figure changed, a person should know)",
	ledger.LevelNote:     "Notes (nothing to fix)",
}

// WriteValidation writes what validate prints, in the report's language:
// the issues level by level (rejected, warnings, notes), each grouped by
// source with the same problem over many rows on one line, then the rows
// read, accepted, rejected and set aside per source. It returns the
// number of issues of each level.
func WriteValidation(w io.Writer, r *result.Report) (map[ledger.Level]int, error) {
	lang := r.Params.Lang
	tr := newTranslator(lang)
	counts := map[ledger.Level]int{}
	ew := &errWriter{w: w}
	for _, level := range ledger.Levels {
		type where struct{ path, sheet string }
		var order []where
		bySource := map[where][]ledger.IssueGroup{}
		for g := range ledger.GroupIssues(r.Issues, level, r.Sources) {
			k := where{g.Path, g.Sheet}
			if _, ok := bySource[k]; !ok {
				order = append(order, k)
			}
			bySource[k] = append(bySource[k], g)
			counts[level] += g.Count
		}
		if len(order) == 0 {
			continue
		}
		ew.printf("%s: %d\n", tr.t(levelHeading[level]), counts[level])
		for _, k := range order {
			name := msg.RefText(k.path, k.sheet, 0, lang)
			if name == "" {
				name = tr.t("(case)")
			}
			// Text from the inputs reaches the terminal escaped.
			ew.printf("  %s\n", termtext.Escape(name))
			for _, g := range bySource[k] {
				ew.printf("    %s\n", termtext.Escape(issueLine(&g, lang)))
			}
		}
		ew.printf("\n")
	}
	if ew.err != nil {
		return counts, ew.err
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t\n", tr.t("Source"), tr.t("Kind"), tr.t("Rows"), tr.t("Accepted"), tr.t("Rejected"), tr.t("Duplicates"))
	for _, s := range r.Sources {
		name := s.Path
		if s.Sheet != "" {
			name += "#" + s.Sheet
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%d\t\n", termtext.Escape(name), tr.t(string(s.Kind)), s.Rows, s.Accepted, s.Rejected, s.Duplicates)
	}
	return counts, tw.Flush()
}

// issueLine writes one group on a line: where, what value, why.
func issueLine(g *ledger.IssueGroup, lang string) string {
	tr := newTranslator(lang)
	s := ""
	switch {
	case len(g.Rows) == 1 && g.Count == 1:
		s = tr.t("row") + " " + g.RowsText()
	case len(g.Rows) > 0:
		s = tr.t("rows") + " " + g.RowsText() + " (" + strconv.Itoa(g.Count) + ")"
	}
	if col := IssueColumn(g, lang); col != "" {
		if s != "" {
			s += ", "
		}
		s += tr.t("column") + " " + quoteShort(col)
	}
	if v := IssueValue(g, lang); v != "" {
		s += ", " + tr.t("value") + " " + quoteShort(v)
	}
	if s != "" {
		s += ": "
	}
	return s + g.Msg.In(lang)
}

func quoteShort(s string) string {
	if r := []rune(s); len(r) > 60 {
		s = string(r[:57]) + "..."
	}
	return strconv.Quote(s)
}

// errWriter keeps the first write error.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}
