package match

import (
	"fmt"
	"slices"
	"strings"

	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/match/ident"
	"github.com/crosscheck/crosscheck/match/names"
	"github.com/crosscheck/crosscheck/msg"
)

// owner is who an identifier, name or reference belongs to. An owner with
// several suspects is shared and attributes nothing by itself (docs/rules.md#attribution).
type owner struct {
	ids []string // suspect ids, in first-seen order, without repeats
	by  string   // the value as the suspects' tables wrote it, for the audit trail
	key string   // for a valid identifier's text: its ident.Key
}

func (o *owner) add(id string) {
	if !slices.Contains(o.ids, id) {
		o.ids = append(o.ids, id)
	}
}

func (o *owner) shared() bool { return len(o.ids) > 1 }

// index maps a key to its owner, remembering the order keys were added so
// that issues come out in input order.
type index struct {
	m     map[string]*owner
	order []string
}

// newIndex makes an index with room for about n keys: the maps of a
// large case would otherwise be rebuilt several times as they grow.
func newIndex(n int) index { return index{m: make(map[string]*owner, n)} }

func (x *index) add(key, by, id string) {
	if key == "" {
		return
	}
	o := x.m[key]
	if o == nil {
		o = &owner{by: by}
		x.m[key] = o
		x.order = append(x.order, key)
	}
	o.add(id)
}

// lookup returns the single suspect owning key; ok is false for an unknown
// or shared key.
func (x *index) lookup(key string) (id, by string, ok bool) {
	o := x.m[key]
	if o == nil || o.shared() {
		return "", "", false
	}
	return o.ids[0], o.by, true
}

// Attributor attributes payments to suspects by the rules of docs/rules.md#attribution.
// It is read-only after NewAttributor, so one Attributor may serve several
// goroutines.
type Attributor struct {
	suspects []ledger.Suspect
	pos      map[string]int // suspect id -> index in suspects
	// refs maps a suspect reference (id as written, upper-cased id,
	// tax code as written and canonical) to the suspect id.
	refs index
	// texts maps the exact trimmed text of every identifier (valid or
	// not) to its owner; keys maps ident.Key of the valid ones.
	texts, keys index
	// names maps the normalised full name, in both orders and without
	// spaces (names.Normalize drops them from payees too), to its owner.
	names index
	// near finds identifiers close to a suspect's (NearMiss).
	near nearIndex
}

// NewAttributor indexes the suspects, their identifiers (their own columns
// plus the identifiers table) and their names. It reports: invalid
// identifiers (then matched only by their exact trimmed text), identifiers
// naming no known suspect, identifiers and names shared by several suspects
// (which then attribute nothing), invalid tax codes, birth dates or sexes
// disagreeing with a valid tax code, repeated suspect ids, suspects with
// neither id nor tax code (left out), and uplines naming no known suspect.
func NewAttributor(suspects []ledger.Suspect, ids []ledger.Identifier) (*Attributor, []ledger.Issue) {
	n, idents := len(suspects), len(ids)
	for i := range suspects {
		idents += len(suspects[i].Identifiers)
	}
	// Each suspect has up to four references (id, upper-cased id, tax code
	// as written and canonical) and two name orders.
	a := &Attributor{pos: make(map[string]int, n), refs: newIndex(4 * n), texts: newIndex(idents), keys: newIndex(idents), names: newIndex(2 * n)}
	var issues []ledger.Issue
	seen := make(map[string]ledger.Ref, n)
	for _, s := range suspects {
		s.ID = strings.TrimSpace(s.ID)
		if s.ID == "" {
			s.ID = strings.ToUpper(strings.TrimSpace(s.TaxCode))
		}
		if s.ID == "" {
			issues = append(issues, issueAt(ledger.LevelRejected, s.Ref, "id", "", msg.New(msg.SuspectNoID)))
			continue
		}
		if first, dup := seen[s.ID]; dup {
			issues = append(issues, issueAt(ledger.LevelRejected, s.Ref, "id", s.ID, msg.New(msg.SuspectIDRepeated, msg.Text(s.ID), msg.Int(first.Row))))
			continue
		}
		seen[s.ID] = s.Ref
		issues = append(issues, checkSuspectTaxCode(s)...)
		s.Identifiers = slices.Clone(s.Identifiers) // ours to extend
		a.pos[s.ID] = len(a.suspects)
		a.suspects = append(a.suspects, s)
		a.indexRefs(s)
	}
	issues = append(issues, a.sharedIssues(&a.refs, "tax code or id")...)
	a.resolveUplines(&issues)
	for i := range a.suspects {
		s := &a.suspects[i]
		for j := range s.Identifiers {
			s.Identifiers[j].Suspect = s.ID
			issues = append(issues, a.indexIdent(s.ID, s.Identifiers[j])...)
		}
		a.indexName(*s)
	}
	for _, id := range ids {
		if strings.TrimSpace(id.Value) == "" {
			issues = append(issues, issueAt(ledger.LevelRejected, id.Ref, "value", "", msg.New(msg.IdentNoValue, msg.Text(id.Suspect))))
			continue
		}
		sid, ok := a.Resolve(id.Suspect)
		if !ok {
			issues = append(issues, issueAt(ledger.LevelRejected, id.Ref, "suspect", id.Suspect, msg.New(msg.IdentUnknownSuspect, msg.Text(id.Value), msg.Text(id.Suspect))))
			continue
		}
		issues = append(issues, a.indexIdent(sid, id)...)
		id.Suspect = sid
		if s := a.suspect(sid); s != nil {
			s.Identifiers = append(s.Identifiers, id)
		}
	}
	a.shareTextsOfSharedKeys()
	issues = append(issues, a.sharedIssues(&a.texts, "identifier")...)
	issues = append(issues, a.sharedIssues(&a.keys, "identifier")...)
	issues = append(issues, a.sharedIssues(&a.names, "name")...)
	a.near.build(&a.keys)
	return a, dedupIssues(issues)
}

func issueAt(level ledger.Level, r ledger.Ref, field, value string, m msg.Message) ledger.Issue {
	return ledger.Issue{Path: r.Path, Sheet: r.Sheet, Row: r.Row, Field: field, Value: value, Msg: m, Level: level}
}

// checkSuspectTaxCode reports an invalid tax code, or a birth date or sex
// that disagrees with a valid one.
func checkSuspectTaxCode(s ledger.Suspect) []ledger.Issue {
	if strings.TrimSpace(s.TaxCode) == "" {
		return nil
	}
	tc, err := ident.ParseTaxCode(s.TaxCode)
	if err != nil {
		return []ledger.Issue{issueAt(ledger.LevelWarning, s.Ref, "tax_code", s.TaxCode, msg.New(msg.SuspectInvalid, msg.Text(s.ID), msg.Nested(ident.Message(err))))}
	}
	var out []ledger.Issue
	dateOK, sexOK := tc.Agrees(s.BirthDate, s.Sex)
	if !dateOK {
		out = append(out, issueAt(ledger.LevelWarning, s.Ref, "birth_date", s.BirthDate.Format("2006-01-02"),
			msg.New(msg.SuspectBirthDisagrees, msg.Text(s.ID), msg.Text(tc.Code), msg.Text(fmt.Sprintf("%02d-%02d-%02d", tc.YY, int(tc.Month), tc.Day)))))
	}
	if !sexOK {
		out = append(out, issueAt(ledger.LevelWarning, s.Ref, "sex", s.Sex, msg.New(msg.SuspectSexDisagrees, msg.Text(s.ID), msg.Text(s.Sex), msg.Text(tc.Code), msg.Text(tc.Sex))))
	}
	return out
}

// indexRefs makes the suspect findable by id (as written and upper-cased)
// and by tax code (as written, normalised and canonical).
func (a *Attributor) indexRefs(s ledger.Suspect) {
	a.refs.add(s.ID, s.ID, s.ID)
	if up := strings.ToUpper(s.ID); up != s.ID {
		a.refs.add(up, s.ID, s.ID)
	}
	if tc, err := ident.ParseTaxCode(s.TaxCode); err == nil {
		a.refs.add(tc.Code, tc.Code, s.ID)
		a.refs.add(tc.Canonical, tc.Code, s.ID)
	} else if raw := strings.ToUpper(strings.TrimSpace(s.TaxCode)); raw != "" {
		a.refs.add(raw, raw, s.ID)
	}
}

// resolveUplines rewrites each upline to a suspect id, reporting the
// uplines that name nobody known (left as written).
func (a *Attributor) resolveUplines(issues *[]ledger.Issue) {
	for i := range a.suspects {
		s := &a.suspects[i]
		up := strings.TrimSpace(s.Upline)
		if up == "" {
			continue
		}
		if id, ok := a.Resolve(up); ok {
			s.Upline = id
			continue
		}
		*issues = append(*issues, issueAt(ledger.LevelWarning, s.Ref, "upline", s.Upline, msg.New(msg.UplineUnknown, msg.Text(s.ID), msg.Text(s.Upline))))
	}
}

// indexIdent adds one identifier of suspect sid, found by its exact text
// and by its matching key. The key only undoes formatting (spaces,
// hyphens, dots, case where the format ignores it), so an identifier
// whose check digits fail is matched the same way: a failed check is
// noted for a person to look at. An identifier one typo away is a near
// miss, listed and never attributed (NearMiss).
func (a *Attributor) indexIdent(sid string, id ledger.Identifier) []ledger.Issue {
	v := strings.TrimSpace(id.Value)
	if v == "" {
		return nil
	}
	a.texts.add(v, v, sid)
	k := ident.Key(v)
	a.texts.m[v].key = k
	a.keys.add(k, v, sid)
	if err := ident.Check(id.Kind, v); err != nil {
		return []ledger.Issue{issueAt(ledger.LevelNote, id.Ref, string(id.Kind), id.Value,
			msg.New(msg.IdentCheckFails, msg.Text(sid), msg.Nested(ident.Message(err))))}
	}
	return nil
}

// shareTextsOfSharedKeys makes an identifier written one way by one
// suspect and another way by a second one shared under both spellings,
// so that the exact-text shortcut of lookupIdent cannot pick one owner.
func (a *Attributor) shareTextsOfSharedKeys() {
	for _, t := range a.texts.order {
		o := a.texts.m[t]
		if o.key == "" {
			continue
		}
		if k := a.keys.m[o.key]; k != nil && k.shared() {
			for _, id := range k.ids {
				o.add(id)
			}
		}
	}
}

// indexName adds the suspect's full name in both orders.
func (a *Attributor) indexName(s ledger.Suspect) {
	sur, name := names.Normalize(s.Surname), names.Normalize(s.Name)
	if sur == "" || name == "" {
		return // a lone name part is too weak to attribute money
	}
	full := names.FullName(s.Surname, s.Name)
	a.names.add(sur+name, full, s.ID)
	if name+sur != sur+name {
		a.names.add(name+sur, full, s.ID)
	}
}

// sharedIssues lists, once per distinct written value, the keys of x that
// belong to several suspects.
func (a *Attributor) sharedIssues(x *index, what string) []ledger.Issue {
	var out []ledger.Issue
	done := map[*owner]bool{}
	// The owners done, by written value: a large case has over a thousand
	// shared names, too many to compare each with every other.
	doneBy := map[string][]*owner{}
	for _, k := range x.order {
		o := x.m[k]
		if !o.shared() || done[o] {
			continue
		}
		done[o] = true
		// Another key of the same value (its matching key, the swapped
		// name) has its own owner with the same ids: report once.
		dup := false
		for _, p := range doneBy[o.by] {
			if slices.Equal(p.ids, o.ids) {
				dup = true
			}
		}
		doneBy[o.by] = append(doneBy[o.by], o)
		if dup {
			continue
		}
		ref := ledger.Ref{}
		if s := a.suspect(o.ids[0]); s != nil {
			ref = s.Ref
		}
		out = append(out, issueAt(ledger.LevelWarning, ref, what, o.by, msg.New(msg.SharedBy, msg.Term(what), msg.Text(o.by), msg.Text(strings.Join(o.ids, ", ")))))
	}
	return out
}

func (a *Attributor) suspect(id string) *ledger.Suspect {
	if i, ok := a.pos[id]; ok {
		return &a.suspects[i]
	}
	return nil
}

// Suspects returns the suspects as indexed, in input order: ids defaulted
// to the tax code, uplines resolved to ids, and the identifiers table's
// rows added to each suspect's Identifiers. Left-out rows (no id, repeated
// id) are not included; NewAttributor reported them.
func (a *Attributor) Suspects() []ledger.Suspect { return a.suspects }

// Resolve maps a suspect reference as written in an input (the id, or the
// tax code in any form: lower case, spaced, omocodic) to the suspect id. A
// tax code shared by two suspects resolves to neither.
func (a *Attributor) Resolve(ref string) (string, bool) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return "", false
	}
	if id, _, ok := a.refs.lookup(ref); ok {
		return id, true
	}
	if o := a.refs.m[ref]; o != nil {
		return "", false // shared
	}
	if up := strings.ToUpper(ref); up != ref {
		if id, _, ok := a.refs.lookup(up); ok {
			return id, true
		}
	}
	if _, shaped := codePrefix(ref); !shaped {
		return "", false // not a tax code: spare the parser's error
	}
	if tc, err := ident.ParseTaxCode(ref); err == nil {
		if id, _, ok := a.refs.lookup(tc.Canonical); ok {
			return id, true
		}
	}
	return "", false
}

// Attribute applies the attribution rules of docs/rules.md#attribution in order and returns
// the first that applies: the row's suspect column, the file's suspect,
// the payee account equal to a suspect identifier, the payee equal to a
// suspect identifier or full name. by is the reference, identifier or name
// that decided. A suspect column or file suspect naming nobody known falls
// through to the next rules; Problem says so.
func (a *Attributor) Attribute(p *ledger.Payment) (suspect string, rule ledger.Rule, by string) {
	if id, ok := a.Resolve(p.Suspect); ok {
		return id, ledger.RuleSuspectColumn, strings.TrimSpace(p.Suspect)
	}
	if id, ok := a.Resolve(p.FileSuspect); ok {
		return id, ledger.RuleFileSuspect, strings.TrimSpace(p.FileSuspect)
	}
	if id, by, ok := a.lookupIdent(p.PayeeAccount); ok {
		return id, ledger.RulePayeeAccount, by
	}
	if id, by, ok := a.lookupIdent(p.Payee); ok {
		return id, ledger.RulePayee, by
	}
	if id, by, ok := a.lookupName(p.Payee); ok {
		return id, ledger.RulePayee, by
	}
	// An outgoing row is the suspect's own spending: the suspect is on
	// the paying side. (A refund carries the parties of the payment it
	// reverses, the suspect as payee: its payer is a customer.)
	if p.Direction == ledger.DirOutgoing {
		if id, by, ok := a.lookupIdent(p.PayerAccount); ok {
			return id, ledger.RulePayerAccount, by
		}
		if id, by, ok := a.lookupIdent(p.Payer); ok {
			return id, ledger.RulePayer, by
		}
		if id, by, ok := a.lookupName(p.Payer); ok {
			return id, ledger.RulePayer, by
		}
	}
	return "", ledger.RuleNone, ""
}

// lookupIdent finds an identifier by its exact trimmed text first (no
// allocation: most payees are written as the suspect's table wrote them),
// then by its matching key among the valid identifiers. A shared text
// stops the search: its key is shared too.
func (a *Attributor) lookupIdent(v string) (id, by string, ok bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return "", "", false
	}
	if o := a.texts.m[v]; o != nil {
		if o.shared() {
			return "", "", false
		}
		return o.ids[0], o.by, true
	}
	return a.keys.lookup(ident.Key(v))
}

func (a *Attributor) lookupName(v string) (id, by string, ok bool) {
	if strings.TrimSpace(v) == "" {
		return "", "", false
	}
	return a.names.lookup(names.Normalize(v))
}

// Problem says why a payment's explicit attribution was not used: its
// suspect column or its file's suspect names no known suspect (or a tax
// code shared by several). Empty when there is nothing to report. The
// caller reports it as a Data issue; Attribute has already fallen through
// to the next rules.
func (a *Attributor) Problem(p *ledger.Payment) msg.Message {
	var row, file msg.Message
	if ref := strings.TrimSpace(p.Suspect); ref != "" {
		if _, ok := a.Resolve(ref); !ok {
			row = msg.New(msg.RowSuspectUnknown, msg.Text(ref))
		}
	}
	if ref := strings.TrimSpace(p.FileSuspect); ref != "" {
		if _, ok := a.Resolve(ref); !ok {
			file = msg.New(msg.FileSuspectUnknown, msg.Text(ref))
		}
	}
	switch {
	case row.IsZero():
		return file
	case file.IsZero():
		return row
	}
	return msg.New(msg.Both, msg.Nested(row), msg.Nested(file))
}

// dedupIssues drops repeated issues (a shared identifier is shared both
// as written and by its key), keeping the first.
func dedupIssues(in []ledger.Issue) []ledger.Issue {
	seen := map[ledger.Issue]bool{}
	out := in[:0]
	for _, is := range in {
		if !seen[is] {
			seen[is] = true
			out = append(out, is)
		}
	}
	return out
}
