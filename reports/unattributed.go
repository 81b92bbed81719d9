package reports

import (
	"slices"
	"strings"

	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/match"
	"github.com/crosscheck/crosscheck/msg"
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
	return tr.m(ReasonMessage(u))
}

// reasonKeys are the catalogue messages of the reasons that take the
// row's value.
var reasonKeys = map[match.Reason]msg.Key{
	match.ReasonUnknownSuspect:     msg.UnattribUnknownSuspect,
	match.ReasonUnknownFileSuspect: msg.UnattribUnknownFileSuspect,
	match.ReasonSharedReference:    msg.UnattribSharedReference,
	match.ReasonSharedAccount:      msg.UnattribSharedAccount,
	match.ReasonSharedIdentifier:   msg.UnattribSharedIdentifier,
	match.ReasonSharedName:         msg.UnattribSharedName,
}

// ReasonMessage is why a payment is unattributed, as a catalogue message.
func ReasonMessage(u match.Unattributed) msg.Message {
	if k, ok := reasonKeys[u.Reason]; ok {
		return msg.New(k, msg.Text(u.Value))
	}
	switch u.Reason {
	case match.ReasonNoHolder:
		return msg.New(msg.UnattribNoHolder)
	case match.ReasonNearMiss:
		if u.NearHow == "swapped characters" {
			return msg.New(msg.UnattribNearSwapped, msg.Text(u.Value), msg.Text(u.Near))
		}
		return msg.New(msg.UnattribNearCheck, msg.Text(u.Value), msg.Text(u.Near))
	case match.ReasonNoMatch:
		return msg.New(msg.UnattribNoMatch)
	}
	return msg.New(msg.UnattribOther, msg.Text(string(u.Reason)))
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
