package dossier

import "github.com/crosscheck/crosscheck/msg"

// tr is the dossier's language; its labels are the catalogue's (package
// msg), so a dossier and a workbook of the same run use the same words.
type tr string

func (l tr) t(s string) string { return msg.Label(s, string(l)) }
