package reports

import (
	"strings"

	"github.com/crosscheck/crosscheck/match"
	"github.com/crosscheck/crosscheck/msg"
)

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
