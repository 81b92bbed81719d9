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

// reasonShort is the reason as the Unattributed sheet gives it, beside
// the row's own payee and account: short, so the sheet prints one page
// wide.
func reasonShort(tr translator, r match.Reason) string {
	en, it := string(r), string(r)
	switch r {
	case match.ReasonUnknownSuspect:
		en, it = "suspect column: not a known suspect", "colonna indagato: indagato non noto"
	case match.ReasonUnknownFileSuspect:
		en, it = "file's suspect: not a known suspect", "indagato del file: non noto"
	case match.ReasonSharedReference:
		en, it = "tax code of several suspects", "codice fiscale di più indagati"
	case match.ReasonSharedAccount:
		en, it = "payee account of several suspects", "conto del beneficiario di più indagati"
	case match.ReasonSharedIdentifier:
		en, it = "payee identifier of several suspects", "identificativo di più indagati"
	case match.ReasonSharedName:
		en, it = "payee name of several suspects", "nome di più indagati (omonimi)"
	case match.ReasonNoHolder:
		en, it = "no payee, and no holder for the file", "nessun beneficiario né intestatario del file"
	case match.ReasonNoMatch:
		en, it = "payee matches no suspect", "beneficiario non riconducibile agli indagati"
	}
	if tr.it {
		return it
	}
	return en
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
