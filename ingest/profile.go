package ingest

import (
	"fmt"
	"sort"
	"strings"

	"github.com/crosscheck/crosscheck/ledger"
)

// Profile describes one payment export layout: how to recognise its
// header, which column holds each field, how its dates, numbers, units
// and currency are written, and the rules that tell what each row is
// (docs/directions.md). The built-in profiles are declared in
// profiles_builtin.go; a case file can add its own.
type Profile struct {
	// Name is the short id the case file uses (`profile: paypal-en`).
	Name string
	// Title says which export this is, for messages and comments.
	Title string
	// Signature lists header texts that must all be on the header row
	// (compared ignoring case, accents, spaces and punctuation; "A|B"
	// accepts either, "Value_IN(*)" any text in the parentheses). Empty
	// for a user profile used by name only.
	Signature []string
	// Columns maps a field (see ProfileFields) to its header text; "A|B"
	// takes the first present, "A+B" joins several columns.
	Columns map[string]string
	// HeaderRow is the 1-based row of the header when the profile fixes
	// it; 0 searches the first rows for the signature.
	HeaderRow int
	// Dates says how the date column is written.
	Dates DateFormat
	// Notation fixes the number notation; Unknown decides per column.
	Notation Notation
	// Currency is the currency of every row when the file has no column
	// for it and no header names it.
	Currency string
	// AssetCodes reads exchange asset codes such as XXBT and ZEUR.
	AssetCodes bool
	// Scale: amounts are written in 10^-Scale units of the currency (8
	// for satoshi, 18 for wei).
	Scale int32
	// Channel names the payment channel of every row (PayPal, Binance).
	Channel string
	// Rules decide the direction, first match wins; then the amount
	// columns and the sign decide (Sign).
	Rules []DirRule
	// Sign says what a signed amount means when no rule decided.
	Sign SignRule
	// HolderAddress decides incoming and outgoing rows by the address
	// found in every row (the wallet the export is of).
	HolderAddress bool
	// PayerFromDescription takes the payer's name from the description
	// when the row has no payer ("BONIFICO A VOSTRO FAVORE DA ...").
	PayerFromDescription bool
	// Holder lists the preamble labels that name the account holder
	// ("Intestatario", "Titolare"), for init.
	Holder []string
}

// DateFormat is how a profile's dates are written.
type DateFormat struct {
	// Order is "dmy", "mdy", "ymd", "unix" (seconds or milliseconds
	// since 1970, UTC) or "auto": day or month first decided from the
	// values, else from the time-zone column (US zones: month first),
	// else day first.
	Order string
	// Zone is the zone of times written without one ("UTC"); empty: the
	// day as written.
	Zone string
}

// SignRule is what a signed amount means when no rule decided.
type SignRule int

// Sign rules.
const (
	// SignOwnAccount: the export is of the holder's own account, a
	// negative amount is money out.
	SignOwnAccount SignRule = iota
	// SignRefund: a list of payments received; a negative row is a refund.
	SignRefund
	// SignIncoming: every row is money received (outputs paid to an
	// address).
	SignIncoming
)

// DirRule gives a direction to the rows whose cells match all its
// conditions.
type DirRule struct {
	If     []Cond
	Dir    ledger.Direction
	Reason string
}

// Cond matches one field's cell. Values are compared ignoring case,
// accents, spaces and punctuation; "x*" matches a prefix, "*x*" a part,
// "*" any non-empty cell, "" an empty one, "<0" and ">0" the amount's sign.
type Cond struct {
	Field  string
	Values []string
}

// ProfileFields are the fields a profile's columns may name.
var ProfileFields = []string{
	"date", "time", "zone", "amount", "amount_in", "amount_out", "credit", "debit", "currency",
	"payer", "payer_account", "payee", "payee_account", "counterparty", "counterparty_account",
	"reference", "description", "channel", "type", "status", "impact", "suspect",
}

var profileFieldDefs = func() []Field {
	out := make([]Field, len(ProfileFields))
	for i, n := range ProfileFields {
		out[i] = Field{Name: n}
	}
	return out
}()

// Check reports the first mistake in a profile (an unknown field, a rule
// without a condition, no date or amount column).
func (p *Profile) Check() error {
	known := map[string]bool{}
	for _, f := range ProfileFields {
		known[f] = true
	}
	var fields []string
	for f := range p.Columns {
		fields = append(fields, f)
	}
	sort.Strings(fields)
	for _, f := range fields {
		if !known[f] {
			return fmt.Errorf("profile %s: unknown field %q (fields: %s)", p.Name, f, strings.Join(ProfileFields, ", "))
		}
	}
	if p.Columns["date"] == "" {
		return fmt.Errorf("profile %s: no date column", p.Name)
	}
	if p.Columns["amount"] == "" && p.Columns["credit"] == "" && p.Columns["amount_in"] == "" {
		return fmt.Errorf("profile %s: no amount, credit or amount_in column", p.Name)
	}
	switch p.Dates.Order {
	case "dmy", "mdy", "ymd", "unix", "auto", "":
	default:
		return fmt.Errorf("profile %s: date order %q (expected dmy, mdy, ymd, unix or auto)", p.Name, p.Dates.Order)
	}
	if p.Dates.Zone != "" {
		if _, err := zoneByName(p.Dates.Zone); err != nil {
			return fmt.Errorf("profile %s: %w", p.Name, err)
		}
	}
	for i, r := range p.Rules {
		if len(r.If) == 0 {
			return fmt.Errorf("profile %s: rule %d has no condition", p.Name, i+1)
		}
		for _, c := range r.If {
			if !known[c.Field] {
				return fmt.Errorf("profile %s: rule %d: unknown field %q", p.Name, i+1, c.Field)
			}
		}
	}
	return nil
}

// headerSpec is one header text of a profile, compiled: its alternatives
// as keys, each possibly a "prefix(*)" pattern.
type headerSpec struct {
	alts []headerAlt
}

type headerAlt struct {
	key     string // normKey of the text (before "(" for a pattern)
	pattern bool   // "Value_IN(*)": the parenthesis holds a currency
}

func compileHeader(s string) headerSpec {
	var hs headerSpec
	for _, alt := range strings.Split(s, "|") {
		alt = strings.TrimSpace(alt)
		if before, ok := strings.CutSuffix(alt, "(*)"); ok {
			hs.alts = append(hs.alts, headerAlt{key: normKey(before), pattern: true})
			continue
		}
		hs.alts = append(hs.alts, headerAlt{key: normKey(alt)})
	}
	return hs
}

// find returns the column the spec names among keys (the header's cells
// as normKey and, for "(...)" cells, the part before it), -1 when absent,
// and the text in the parentheses for a pattern.
func (hs headerSpec) find(cells []string, keys []string) (col int, paren string) {
	for _, a := range hs.alts {
		for j, k := range keys {
			if a.pattern {
				c := cells[j]
				open, end := strings.IndexByte(c, '('), strings.LastIndexByte(c, ')')
				if open > 0 && end > open && normKey(c[:open]) == a.key {
					return j, strings.TrimSpace(c[open+1 : end])
				}
				continue
			}
			if k == a.key && k != "" {
				return j, ""
			}
		}
	}
	return -1, ""
}

// signatureMatches reports whether every signature text is on the row.
func (p *Profile) signatureMatches(cells, keys []string) bool {
	if len(p.Signature) == 0 {
		return false
	}
	for _, s := range p.Signature {
		if c, _ := compileHeader(s).find(cells, keys); c < 0 {
			return false
		}
	}
	return true
}

func rowKeys(cells []string) []string {
	keys := make([]string, len(cells))
	for i, c := range cells {
		keys[i] = normKey(c)
	}
	return keys
}

// errProfile is a profile problem that stops reading the file.
type errProfile struct{ msg string }

func (e *errProfile) Error() string { return e.msg }

// pickProfile looks for a profile's header among the buffered rows:
// forced (the case file names the profile) or recognised by signature.
// It returns the row index and the profile, -1 when none matches.
func pickProfile(rows [][]string, profiles []*Profile, forced string) (int, *Profile, error) {
	if forced != "" {
		var p *Profile
		for _, q := range profiles {
			if q.Name == forced {
				p = q
				break
			}
		}
		if p == nil {
			return -1, nil, &errProfile{fmt.Sprintf("no profile named %q (known: %s)", forced, profileNames(profiles))}
		}
		if p.HeaderRow > 0 {
			if p.HeaderRow > len(rows) {
				return -1, nil, &errProfile{fmt.Sprintf("profile %s: the file has fewer than %d rows", p.Name, p.HeaderRow)}
			}
			return p.HeaderRow - 1, p, nil
		}
		for i, r := range rows {
			if p.signatureMatches(r, rowKeys(r)) || (len(p.Signature) == 0 && p.columnsOn(r)) {
				return i, p, nil
			}
		}
		return -1, nil, &errProfile{fmt.Sprintf("profile %s (%s): its header (%s) is not in the first %d rows", p.Name, p.Title, p.lookedFor(), len(rows))}
	}
	for i, r := range rows {
		keys := rowKeys(r)
		var hits []*Profile
		for _, p := range profiles {
			if p.HeaderRow > 0 && p.HeaderRow != i+1 {
				continue
			}
			if p.signatureMatches(r, keys) {
				hits = append(hits, p)
			}
		}
		if len(hits) == 0 {
			continue
		}
		// The most specific signature wins; two of the same size are
		// the user's choice.
		sort.SliceStable(hits, func(a, b int) bool { return len(hits[a].Signature) > len(hits[b].Signature) })
		if len(hits) > 1 && len(hits[1].Signature) == len(hits[0].Signature) {
			var names []string
			for _, h := range hits {
				if len(h.Signature) == len(hits[0].Signature) {
					names = append(names, h.Name+" ("+h.Title+")")
				}
			}
			return -1, nil, &errProfile{fmt.Sprintf("the header on row %d matches the profiles %s: name one with `profile:` on this input in the case file", i+1, strings.Join(names, " and "))}
		}
		return i, hits[0], nil
	}
	return -1, nil, nil
}

// columnsOn reports whether the date and amount columns of a profile
// without signature are on the row.
func (p *Profile) columnsOn(cells []string) bool {
	keys := rowKeys(cells)
	date, _ := compileHeader(p.Columns["date"]).find(cells, keys)
	amount := -1
	for _, f := range []string{"amount", "credit", "amount_in"} {
		if s := p.Columns[f]; s != "" {
			if c, _ := compileHeader(s).find(cells, keys); c >= 0 {
				amount = c
			}
		}
	}
	return date >= 0 && amount >= 0
}

func (p *Profile) lookedFor() string {
	if len(p.Signature) > 0 {
		return strings.Join(p.Signature, ", ")
	}
	return p.Columns["date"] + ", " + firstNonEmpty(p.Columns["amount"], p.Columns["credit"], p.Columns["amount_in"])
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}

func profileNames(ps []*Profile) string {
	var n []string
	for _, p := range ps {
		n = append(n, p.Name)
	}
	return strings.Join(n, ", ")
}

// ProfileDescriptions lists the profiles crosscheck knows, "name: title".
func ProfileDescriptions() []string {
	var out []string
	for _, p := range builtinProfiles {
		out = append(out, p.Name+": "+p.Title)
	}
	return out
}

// BuiltinProfile returns the built-in profile with that name.
func BuiltinProfile(name string) (*Profile, bool) {
	for _, p := range builtinProfiles {
		if p.Name == name {
			return p, true
		}
	}
	return nil, false
}

// RecogniseProfile returns the name of the built-in profile whose
// signature is on the header row cells ("" when none).
func RecogniseProfile(cells []string) string {
	_, p, err := pickProfile([][]string{cells}, builtinProfiles, "")
	if err != nil || p == nil {
		return ""
	}
	return p.Name
}
