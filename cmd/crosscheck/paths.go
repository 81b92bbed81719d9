package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/crosscheck/crosscheck/msg"
)

// pathLine is one output a command names after its summary: a label
// ("Workbook"), the path and what to do with it.
type pathLine struct {
	label, path string
	note        msg.Message
}

// writePaths prints the outputs' paths in the report's language, the
// labels padded to one width so the paths line up; a line without a path
// is not printed but keeps its width, so that the layout does not depend
// on which outputs were asked for.
func writePaths(w io.Writer, lang, indent string, lines ...pathLine) {
	width := 0
	for _, l := range lines {
		width = max(width, len([]rune(msg.Label(l.label, lang)))+1)
	}
	for _, l := range lines {
		if l.path == "" {
			continue
		}
		label := msg.Label(l.label, lang) + ":"
		s := indent + label + strings.Repeat(" ", width+1-len([]rune(label))) + l.path
		if !l.note.IsZero() {
			s += "   " + l.note.In(lang)
		}
		fmt.Fprintln(w, s)
	}
}
