package reports

import (
	"github.com/crosscheck/crosscheck/result"
	"iter"
	"strings"

	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/msg"
)

// issueGroups yields the report's issues grouped, level by level in the
// order the outputs show them (rejected, warnings, notes): one pass over
// the spooled issues per level.
func issueGroups(r *result.Report) iter.Seq[ledger.IssueGroup] {
	return func(yield func(ledger.IssueGroup) bool) {
		if r.Issues == nil {
			return
		}
		for _, level := range ledger.Levels {
			for g := range ledger.GroupIssues(r.Issues, level, r.Sources) {
				if !yield(g) {
					return
				}
			}
		}
	}
}

// IssueCounts counts the issues of each level (rows, not groups).
func IssueCounts(issues iter.Seq[ledger.Issue]) map[ledger.Level]int {
	out := map[ledger.Level]int{}
	if issues == nil {
		return out
	}
	for is := range issues {
		out[is.Level]++
	}
	return out
}

// levelLabel is the level's word on the sheet and the terminal.
var levelLabel = map[ledger.Level]string{
	ledger.LevelRejected: "rejected or not counted",
	ledger.LevelWarning:  "warning",
	ledger.LevelNote:     "note",
}

// LevelLabel names an issue level in a language.
func LevelLabel(l ledger.Level, lang string) string { return msg.Label(levelLabel[l], lang) }

// IssueColumn names the column of an issue group as the user knows it:
// the header as written in the file, else the field in words.
func IssueColumn(g *ledger.IssueGroup, lang string) string {
	if g.Column != "" || g.Field == "" {
		return g.Column
	}
	return msg.FieldName(g.Field, lang)
}

// IssueValue is the group's value, saying when its rows hold others.
func IssueValue(g *ledger.IssueGroup, lang string) string {
	if g.Values <= 1 {
		return g.Value
	}
	return msg.New(msg.MoreValues, msg.Text(g.Value), msg.Int(g.Values-1)).In(lang)
}

// problems writes an asset's problems in the report's language.
func (b *book) problems(ms []msg.Message) string { return joinMessages(ms, b.lang()) }

// joinMessages renders messages in a language, separated by "; ".
func joinMessages(ms []msg.Message, lang string) string {
	parts := make([]string, len(ms))
	for i, m := range ms {
		parts[i] = m.In(lang)
	}
	return strings.Join(parts, "; ")
}
