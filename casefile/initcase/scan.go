// Package initcase looks at a folder of spreadsheets and drafts the case
// file for it (`crosscheck init`): it classifies every sheet by its
// headers, finds the holder of each statement among the suspects, tells
// the case's language and name, and hands casefile a Draft to write.
package initcase

import (
	"fmt"
	"github.com/crosscheck/crosscheck/msg"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/ingest"
	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/match"
)

// Entry is one table init found: a file, or one sheet of a workbook
// whose sheets hold different kinds.
type Entry struct {
	Path    string // relative to the folder
	Sheet   string // empty: the whole file
	Kind    ledger.Kind
	Suspect string // for payments: the account holder found in the title rows
	// Comment says how the kind or the suspect was decided, or asks: its
	// parts are rendered in the case's language (CommentIn).
	Comment []msg.Message
	Reason  string // why it was not classified
	// Columns and ColumnsRow: the likely header of a table that was not
	// classified, for the profile skeleton.
	Columns    []string
	ColumnsRow int
	// Header is the classified table's header row as written.
	Header []string
}

// Result is what init found in a folder.
type Result struct {
	Dir          string
	Entries      []Entry
	Unclassified []Entry
}

var spreadsheetExt = map[string]bool{".csv": true, ".tsv": true, ".xlsx": true, ".txt": true, ".zip": true}

// Scan looks at every spreadsheet in dir, classifies each sheet by its
// headers and, for bank and card statements, finds the account holder
// named in the title rows among the suspects.
func Scan(dir string) (*Result, error) {
	des, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("init: %w", err)
	}
	res := &Result{Dir: dir}
	var names []string
	for _, de := range des {
		if de.IsDir() || strings.HasPrefix(de.Name(), ".") || strings.HasPrefix(de.Name(), "~$") {
			continue
		}
		if !spreadsheetExt[strings.ToLower(filepath.Ext(de.Name()))] {
			continue
		}
		if !utf8.ValidString(de.Name()) {
			// A case file is UTF-8 text: a name that is not cannot be
			// written in it and read back as the same file.
			res.Unclassified = append(res.Unclassified, Entry{Path: strings.ToValidUTF8(de.Name(), "?"), Reason: "the file's name is not UTF-8 text: rename the file"})
			continue
		}
		names = append(names, de.Name())
	}
	sort.Strings(names)
	var titles = map[int][]string{}
	matched := map[int][]string{}
	for _, name := range names {
		cls, err := ingest.Classify(filepath.Join(dir, name))
		if err != nil {
			res.Unclassified = append(res.Unclassified, Entry{Path: name, Reason: err.Error()})
			continue
		}
		for _, e := range groupSheets(name, cls) {
			if e.Kind == "" {
				res.Unclassified = append(res.Unclassified, e.Entry)
				continue
			}
			if len(e.titles) > 0 {
				titles[len(res.Entries)] = e.titles
			}
			matched[len(res.Entries)] = e.matched
			res.Entries = append(res.Entries, e.Entry)
		}
	}
	attr, cards := res.suspectIndex()
	for i := range res.Entries {
		e := &res.Entries[i]
		if e.Kind != ledger.KindPayments {
			continue
		}
		if t, ok := titles[i]; ok {
			var why msg.Message
			e.Suspect, why = holder(t, attr, cards)
			e.Comment = append(e.Comment, why)
			continue
		}
		e.Comment = append(e.Comment, attributionHint(matched[i]))
	}
	return res, nil
}

type classifiedEntry struct {
	Entry
	titles  []string
	matched []string
}

// attributionHint says how the rows of a payments table without title
// rows will be attributed, and asks when nothing in it can.
func attributionHint(fields []string) msg.Message {
	has := map[string]bool{}
	for _, f := range fields {
		has[f] = true
	}
	switch {
	case has["suspect"]:
		return msg.New(msg.InitRowsSuspect)
	case has["payee_account"] || has["payee"]:
		return msg.New(msg.InitRowsPayee)
	}
	return msg.New(msg.InitRowsWhose)
}

// groupSheets lists a workbook once when all its sheets are of one kind,
// and sheet by sheet otherwise.
func groupSheets(name string, cls []ingest.Classified) []classifiedEntry {
	var out []classifiedEntry
	kinds := map[ledger.Kind]bool{}
	for _, c := range cls {
		kinds[c.Kind] = true
	}
	whole := len(kinds) == 1 && len(cls) > 0 && cls[0].Kind != ""
	for i, c := range cls {
		e := classifiedEntry{Entry: Entry{Path: name, Kind: c.Kind, Reason: c.Reason, Columns: c.Columns, ColumnsRow: c.ColumnsRow, Header: c.Header}, titles: c.TitleLines, matched: c.Matched}
		if c.Kind != "" {
			e.Comment = []msg.Message{msg.New(msg.InitHeaderOn, msg.Term(string(c.Kind)), msg.Int(c.HeaderRow), msg.Text(strings.Join(c.Matched, ", ")))}
			e.Comment = append(e.Comment, c.Details...)
		}
		if !whole || len(cls) > 1 {
			e.Sheet = c.Sheet
		}
		if whole && i > 0 {
			out[0].titles = append(out[0].titles, c.TitleLines...)
			continue
		}
		if whole {
			e.Sheet = ""
		}
		out = append(out, e)
	}
	return out
}

// suspectIndex reads the suspects and identifiers init found, to match
// statement holders; problems in them are for validate to report.
func (r *Result) suspectIndex() (*match.Attributor, []card) {
	var suspects []ledger.Suspect
	var ids []ledger.Identifier
	for _, e := range r.Entries {
		in := ingest.Input{Path: r.path(e)}
		switch e.Kind {
		case ledger.KindSuspects:
			ingest.ReadSuspects(in, ingest.Options{}, func(s ledger.Suspect) error {
				suspects = append(suspects, s)
				return nil
			})
		case ledger.KindIdentifiers:
			ingest.ReadIdentifiers(in, ingest.Options{}, func(id ledger.Identifier) error {
				ids = append(ids, id)
				return nil
			})
		}
	}
	attr, _ := match.NewAttributor(suspects, ids)
	var cards []card
	add := func(suspect, value string) {
		if id, ok := attr.Resolve(suspect); ok {
			if d := digits(value); len(d) >= 12 {
				cards = append(cards, card{suspect: id, digits: d})
			}
		}
	}
	for _, s := range suspects {
		for _, id := range s.Identifiers {
			if id.Kind == ledger.IdentCard {
				add(s.ID, id.Value)
			}
		}
	}
	for _, id := range ids {
		if id.Kind == ledger.IdentCard {
			add(id.Suspect, id.Value)
		}
	}
	return attr, cards
}

// card is a suspect's card number, digits only.
type card struct{ suspect, digits string }

func digits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// matchMaskedCard matches a statement's masked card number ("5333 ****
// **** 1234") to the one suspect whose card has the same first and last
// four digits; two candidates decide nothing.
func matchMaskedCard(masked string, cards []card) string {
	cleaned := strings.NewReplacer(" ", "", "-", "").Replace(masked)
	if len(cleaned) < 8 {
		return ""
	}
	first, last := cleaned[:4], cleaned[len(cleaned)-4:]
	found := ""
	for _, c := range cards {
		if strings.HasPrefix(c.digits, first) && strings.HasSuffix(c.digits, last) {
			if found != "" && found != c.suspect {
				return ""
			}
			found = c.suspect
		}
	}
	return found
}

func (r *Result) path(e Entry) string {
	p := filepath.Join(r.Dir, e.Path)
	if e.Sheet != "" {
		p += "#" + e.Sheet
	}
	return p
}

var (
	ibanRe   = regexp.MustCompile(`\b([A-Z]{2}[0-9]{2}(?:\s?[A-Z0-9]){11,30})\b`)
	holderRe = regexp.MustCompile(`(?i)\b(?:intestatario|titolare|cointestatario|account holder|holder|cliente|user)\s*[:.;]?\s*([\p{L}' .-]+)`)
	// accountRe finds an account number in the title rows ("Conto;
	// 1000/00012345"): an Italian account number is the tail of the
	// holder's IBAN.
	accountRe = regexp.MustCompile(`(?i)\b(?:conto(?:\s+corrente)?|rapporto|c/c|account(?:\s+number)?)\s*(?:n\.?|nr\.?|numero)?\s*[:.;]?\s*([0-9]{1,6}\s*/\s*[0-9]{4,12}|[0-9]{8,12})\b`)
	cardRe    = regexp.MustCompile(`(?i)\bcarta\b[^0-9]*([0-9]{4}[0-9* xX-]{6,20}[0-9]{4})`)
)

// holder finds the account holder in a statement's title rows and
// matches the IBAN, the card or the name (either order) to a suspect.
func holder(titles []string, attr *match.Attributor, cards []card) (suspect string, comment msg.Message) {
	text := strings.Join(titles, "\n")
	var tried []string
	if m := ibanRe.FindStringSubmatch(strings.ToUpper(text)); m != nil {
		iban := strings.ReplaceAll(m[1], " ", "")
		if id, rule, _ := attr.Attribute(&ledger.Payment{PayeeAccount: iban}); id != "" && rule == ledger.RulePayeeAccount {
			return id, msg.New(msg.InitHolderIBAN, msg.Text(id), msg.Text(iban))
		}
		tried = append(tried, "IBAN "+iban)
	}
	for _, m := range accountRe.FindAllStringSubmatch(text, -1) {
		acct := digits(m[1])
		if id, iban := ibanEndingIn(acct, attr); id != "" {
			return id, msg.New(msg.InitHolderAccount, msg.Text(id), msg.Text(strings.TrimSpace(m[1])), msg.Text(iban))
		}
		tried = append(tried, "account "+strings.TrimSpace(m[1]))
	}
	if m := cardRe.FindStringSubmatch(text); m != nil {
		if id := matchMaskedCard(m[1], cards); id != "" {
			return id, msg.New(msg.InitHolderCard, msg.Text(id), msg.Text(strings.TrimSpace(m[1])))
		}
		tried = append(tried, "card "+strings.TrimSpace(m[1]))
	}
	for _, m := range holderRe.FindAllStringSubmatch(text, -1) {
		name := strings.TrimSpace(strings.TrimRight(m[1], " .-"))
		name = cutAt(name, " IBAN", " Iban", " iban", " Carta", " carta")
		if name == "" {
			continue
		}
		if id, rule, _ := attr.Attribute(&ledger.Payment{Payee: name}); id != "" && rule == ledger.RulePayee {
			return id, msg.New(msg.InitHolderName, msg.Text(id), msg.Text(strconv.Quote(name)))
		}
		tried = append(tried, fmt.Sprintf("holder %q", name))
	}
	if len(tried) == 0 {
		return "", msg.New(msg.InitHolderNone)
	}
	return "", msg.New(msg.InitHolderTried, msg.Text(strings.Join(tried, ", ")))
}

// ibanEndingIn returns the one suspect whose IBAN ends with the account
// number's digits (at least 8), and that IBAN.
func ibanEndingIn(acct string, attr *match.Attributor) (id, iban string) {
	if len(acct) < 8 {
		return "", ""
	}
	for _, s := range attr.Suspects() {
		for _, ident := range s.Identifiers {
			if ident.Kind != ledger.IdentIBAN {
				continue
			}
			v := strings.ToUpper(strings.ReplaceAll(ident.Value, " ", ""))
			if strings.HasSuffix(v, acct) {
				if id != "" && id != s.ID {
					return "", "" // two suspects' accounts: nobody's by this alone
				}
				id, iban = s.ID, v
			}
		}
	}
	return id, iban
}

func cutAt(s string, seps ...string) string {
	for _, sep := range seps {
		if i := strings.Index(s, sep); i >= 0 {
			s = s[:i]
		}
	}
	return strings.TrimSpace(strings.TrimRight(s, ";,"))
}

// CommentIn is the entry's comment in a language, its parts joined by
// "; ".
func (e Entry) CommentIn(lang string) string {
	parts := make([]string, len(e.Comment))
	for i, m := range e.Comment {
		parts[i] = m.In(lang)
	}
	return strings.Join(parts, "; ")
}
