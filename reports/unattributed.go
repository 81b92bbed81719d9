package reports

import (
	"fmt"
	"slices"
	"strings"

	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/match"
	"github.com/shopspring/decimal"
)

// UnattributedGroup is the unattributed payments that share a reason and,
// for an unknown or shared value, that value.
type UnattributedGroup struct {
	Why      match.Unattributed
	Payments int
	EUR      decimal.Decimal // sum of the rows' rounded EUR values
	NoRate   int             // rows without a rate, left out of EUR
}

// UnattributedTally groups unattributed payments by reason as they are
// posted: its memory grows with the distinct shared or unknown values,
// never with payment rows.
type UnattributedTally struct {
	groups map[string]*UnattributedGroup
}

// Add counts entry e, with its reason, when it belongs on the
// Unattributed sheet (counted, not a duplicate, attributed to nobody).
func (t *UnattributedTally) Add(why match.Unattributed, e *ledger.Entry) {
	if !unattributed(e) {
		return
	}
	if t.groups == nil {
		t.groups = map[string]*UnattributedGroup{}
	}
	key := string(why.Reason) + "\x00" + why.Value
	g := t.groups[key]
	if g == nil {
		g = &UnattributedGroup{Why: why, EUR: decimal.Zero}
		t.groups[key] = g
	}
	g.Payments++
	if e.HasEUR {
		g.EUR = g.EUR.Add(e.EUR)
	} else {
		g.NoRate++
	}
}

// Groups returns the groups in the order of match.Reasons, then by value.
func (t *UnattributedTally) Groups() []UnattributedGroup {
	out := make([]UnattributedGroup, 0, len(t.groups))
	for _, g := range t.groups {
		out = append(out, *g)
	}
	slices.SortFunc(out, func(a, b UnattributedGroup) int {
		if d := slices.Index(match.Reasons, a.Why.Reason) - slices.Index(match.Reasons, b.Why.Reason); d != 0 {
			return d
		}
		return strings.Compare(a.Why.Value, b.Why.Value)
	})
	return out
}

// reasonText says why a payment is unattributed, in the report's language.
func reasonText(tr translator, u match.Unattributed) string {
	v := u.Value
	if tr.it {
		switch u.Reason {
		case match.ReasonUnknownSuspect:
			return fmt.Sprintf("la colonna dell'indagato indica %s, che non è tra gli indagati", v)
		case match.ReasonUnknownFileSuspect:
			return fmt.Sprintf("l'indagato del file nel file del caso (%s) non è tra gli indagati", v)
		case match.ReasonSharedReference:
			return fmt.Sprintf("%s è il codice fiscale di più indagati", v)
		case match.ReasonSharedAccount:
			return fmt.Sprintf("il conto del beneficiario %s appartiene a più indagati", v)
		case match.ReasonSharedIdentifier:
			return fmt.Sprintf("il beneficiario %s è un identificativo di più indagati", v)
		case match.ReasonSharedName:
			return fmt.Sprintf("il beneficiario %s ha lo stesso nome di più indagati (omonimi)", v)
		case match.ReasonNoHolder:
			return "nessun beneficiario sulla riga e nessun intestatario per il file (suspect: nel file del caso)"
		case match.ReasonNearMiss:
			if u.NearHow == "swapped characters" {
				return fmt.Sprintf("%s differisce da %s, identificativo di un indagato, solo per due caratteri vicini scambiati: forse un errore di battitura, da verificare", v, u.Near)
			}
			return fmt.Sprintf("%s differisce da %s, identificativo di un indagato, solo per le cifre di controllo: forse un errore di battitura, da verificare", v, u.Near)
		case match.ReasonNoMatch:
			return "beneficiario e conto non corrispondono ad alcun identificativo o nome degli indagati"
		}
		return string(u.Reason)
	}
	switch u.Reason {
	case match.ReasonUnknownSuspect:
		return fmt.Sprintf("the suspect column names %s, who is not among the suspects", v)
	case match.ReasonUnknownFileSuspect:
		return fmt.Sprintf("the file's suspect in the case file (%s) is not among the suspects", v)
	case match.ReasonSharedReference:
		return fmt.Sprintf("%s is the tax code of more than one suspect", v)
	case match.ReasonSharedAccount:
		return fmt.Sprintf("payee account %s belongs to more than one suspect", v)
	case match.ReasonSharedIdentifier:
		return fmt.Sprintf("payee %s is an identifier of more than one suspect", v)
	case match.ReasonSharedName:
		return fmt.Sprintf("payee name %s is the name of more than one suspect", v)
	case match.ReasonNoHolder:
		return "no payee on the row and no holder for the file (suspect: in the case file)"
	case match.ReasonNearMiss:
		if u.NearHow == "swapped characters" {
			return fmt.Sprintf("%s differs from %s, a suspect's identifier, only by two adjacent characters swapped: possibly a typo, check it", v, u.Near)
		}
		return fmt.Sprintf("%s differs from %s, a suspect's identifier, only by its check digits: possibly a typo, check it", v, u.Near)
	case match.ReasonNoMatch:
		return "payee and payee account match no suspect's identifier or name"
	}
	return string(u.Reason)
}

// candidatesText lists candidate suspects with their names: "S01 Rossi
// Mario; S02 Rossi Mario".
func candidatesText(names map[string]string, ids []string) string {
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = withName(names, id)
	}
	return strings.Join(parts, "; ")
}
