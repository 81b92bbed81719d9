package match

import (
	"strings"

	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/match/ident"
	"github.com/crosscheck/crosscheck/match/names"
)

// Reason says why a payment was attributed to nobody
// (docs/report.md#unattributed-payments).
type Reason string

// Reasons, in the order Why tries them: the rules of attribution, each
// with what stopped it.
const (
	ReasonUnknownSuspect     Reason = "unknown_suspect"      // the row's suspect column names no known suspect
	ReasonUnknownFileSuspect Reason = "unknown_file_suspect" // the case file's suspect: names no known suspect
	ReasonSharedReference    Reason = "shared_reference"     // a suspect column or file suspect is the tax code of several
	ReasonSharedAccount      Reason = "shared_account"       // the payee account belongs to several suspects
	ReasonSharedIdentifier   Reason = "shared_identifier"    // the payee is an identifier of several suspects
	ReasonSharedName         Reason = "shared_name"          // the payee's name is the name of several suspects
	ReasonNoHolder           Reason = "no_holder"            // no payee, no payee account, and the file names no holder
	ReasonNearMiss           Reason = "near_miss"            // the payee account or identifier differs from a suspect's by its check digits or one swap
	ReasonNoMatch            Reason = "no_match"             // payee and account match no suspect's identifier or name
)

// Reasons lists every reason in display order.
var Reasons = []Reason{ReasonUnknownSuspect, ReasonUnknownFileSuspect, ReasonSharedReference, ReasonSharedAccount,
	ReasonSharedIdentifier, ReasonNearMiss, ReasonSharedName, ReasonNoHolder, ReasonNoMatch}

// Unattributed is why one payment is attributed to nobody: the reason,
// the value that stopped attribution (the unknown suspect, the shared
// account or name, as the row wrote it) and, when the value belongs to
// several suspects, those suspects (the candidates a person chooses from).
type Unattributed struct {
	Reason     Reason
	Value      string
	Candidates []string
	// Near is the suspect's identifier a near miss is close to (as the
	// suspects' tables wrote it), NearHow how: "check digits" or
	// "swapped characters".
	Near, NearHow string
}

// Why explains a payment Attribute attributed to nobody, going through the
// attribution rules in their order and naming the first obstacle: an
// explicit suspect that is unknown or shared, then a payee account,
// identifier or name shared by several suspects, then a row with nothing
// to attribute by. It allocates only the candidates' slice.
func (a *Attributor) Why(p *ledger.Payment) Unattributed {
	for _, c := range []struct {
		ref     string
		unknown Reason
	}{{p.Suspect, ReasonUnknownSuspect}, {p.FileSuspect, ReasonUnknownFileSuspect}} {
		ref := strings.TrimSpace(c.ref)
		if ref == "" {
			continue
		}
		if ids := a.sharedRef(ref); len(ids) > 1 {
			return Unattributed{Reason: ReasonSharedReference, Value: ref, Candidates: ids}
		}
		if _, ok := a.Resolve(ref); !ok {
			return Unattributed{Reason: c.unknown, Value: ref}
		}
	}
	if ids := a.sharedIdent(p.PayeeAccount); len(ids) > 1 {
		return Unattributed{Reason: ReasonSharedAccount, Value: strings.TrimSpace(p.PayeeAccount), Candidates: ids}
	}
	if ids := a.sharedIdent(p.Payee); len(ids) > 1 {
		return Unattributed{Reason: ReasonSharedIdentifier, Value: strings.TrimSpace(p.Payee), Candidates: ids}
	}
	// A near miss on the account or identifier comes before the name,
	// as the account rule comes before the name rule.
	if nm, ok := a.nearMissOf(p.PayeeAccount, p.Payee); ok {
		return Unattributed{Reason: ReasonNearMiss, Value: nm.Value, Candidates: clone(nm.IDs), Near: nm.Target, NearHow: nm.How}
	}
	if v := strings.TrimSpace(p.Payee); v != "" {
		if o := a.names.m[names.Normalize(v)]; o != nil && o.shared() {
			return Unattributed{Reason: ReasonSharedName, Value: v, Candidates: clone(o.ids)}
		}
	}
	if strings.TrimSpace(p.Payee) == "" && strings.TrimSpace(p.PayeeAccount) == "" {
		return Unattributed{Reason: ReasonNoHolder}
	}
	return Unattributed{Reason: ReasonNoMatch}
}

// sharedRef returns the suspects sharing a suspect reference (a tax code
// written for two suspects), or nil.
func (a *Attributor) sharedRef(ref string) []string {
	for _, k := range []string{ref, strings.ToUpper(ref)} {
		if o := a.refs.m[k]; o != nil && o.shared() {
			return clone(o.ids)
		}
	}
	if _, shaped := codePrefix(ref); shaped {
		if tc, err := ident.ParseTaxCode(ref); err == nil {
			if o := a.refs.m[tc.Canonical]; o != nil && o.shared() {
				return clone(o.ids)
			}
		}
	}
	return nil
}

// sharedIdent returns the suspects sharing identifier v (by its text, or
// its matching key), or nil.
func (a *Attributor) sharedIdent(v string) []string {
	v = strings.TrimSpace(v)
	if v == "" {
		return nil
	}
	if o := a.texts.m[v]; o != nil {
		if o.shared() {
			return clone(o.ids)
		}
		return nil
	}
	if o := a.keys.m[ident.Key(v)]; o != nil && o.shared() {
		return clone(o.ids)
	}
	return nil
}

func clone(ids []string) []string { return append([]string(nil), ids...) }
