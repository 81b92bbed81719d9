package initcase

import (
	"github.com/crosscheck/crosscheck/msg"
	"io"
	"path/filepath"
	"strings"

	"github.com/crosscheck/crosscheck/casefile"
	"github.com/crosscheck/crosscheck/ledger"
)

// Draft is the case file for what Scan found, with a comment on every
// entry saying how it was decided. name is the case's name; empty asks for
// one in the comment.
func (r *Result) Draft(name string) *casefile.Draft {
	// The comments speak the language init chose for the case.
	lang, why := r.Language()
	say := func(k msg.Key, args ...msg.Arg) string { return msg.New(k, args...).In(lang) }
	d := &casefile.Draft{
		Head:       []string{say(msg.InitHead), say(msg.InitHeadRun), say(msg.InitHeadPaths)},
		Name:       casefile.Value{Text: name},
		ReportDate: casefile.Value{Example: "2020-11-06", Note: say(msg.CaseFileReportDate)},
		Target:     casefile.Value{Text: casefile.DefaultTarget.String(), Note: say(msg.CaseFileTarget)},
	}
	if name == "" {
		d.Name.Note = say(msg.InitNameAsk)
	}
	d.Lang = casefile.Value{Text: lang, Note: say(msg.InitLang, msg.Nested(why))}
	for _, kind := range casefile.SectionOrder {
		s := casefile.Section{Kind: kind, Empty: say(msg.InitNoneFound)}
		for _, e := range r.Entries {
			if e.Kind != kind {
				continue
			}
			s.Entries = append(s.Entries, casefile.Entry{
				Input: casefile.Input{Path: e.Name(), Suspect: e.Suspect},
				Note:  e.CommentIn(lang),
				// A payments entry is keyed so that `suspect:` goes beside it.
				Keyed: kind == ledger.KindPayments,
			})
		}
		d.Sections = append(d.Sections, s)
	}
	if len(r.Unclassified) > 0 {
		d.Notes = append(d.Notes, say(msg.InitNotClassified))
		for _, e := range r.Unclassified {
			d.Notes = append(d.Notes, "  "+e.Name()+": "+e.Reason)
		}
	}
	for _, e := range r.Unclassified {
		if len(e.Columns) == 0 {
			continue
		}
		name := profileSlug(e.Path)
		d.Suggestions = append(d.Suggestions, casefile.Suggestion{
			Intro: []string{
				say(msg.InitProfileIf, msg.Text(e.Name())),
				say(msg.InitProfileCols, msg.Int(e.ColumnsRow)),
				"  " + strings.Join(e.Columns, ", "),
				"#",
			},
			Name: name, HeaderRow: e.ColumnsRow, Path: e.Name(),
		})
	}
	return d
}

// WriteCaseFile writes the commented case.yaml for what Scan found.
func WriteCaseFile(w io.Writer, name string, r *Result) error {
	return r.Draft(name).Encode(w)
}

// Name is the entry as the case file names it: the path, with "#Sheet"
// for one sheet of a workbook.
func (e Entry) Name() string {
	if e.Sheet != "" {
		return e.Path + "#" + e.Sheet
	}
	return e.Path
}

// profileSlug makes a profile name from a file name.
func profileSlug(path string) string {
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	var b strings.Builder
	for _, r := range strings.ToLower(base) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
	}
	s := strings.Trim(b.String(), "-")
	if s == "" {
		s = "export"
	}
	return s
}
