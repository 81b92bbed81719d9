package match

import (
	"strings"

	"github.com/crosscheck/crosscheck/match/ident"
	"github.com/crosscheck/crosscheck/msg"
)

// Near misses. A payment's identifier that differs from a suspect's only
// by its check digits (an IBAN's two check digits and, in Italy and San
// Marino, the CIN letter; a card's last digit; a bech32 address's six
// checksum characters) or by two adjacent characters swapped is most
// likely the suspect's identifier mistyped, on one side or the other,
// but it may be another account: it is listed for a person to look at
// (ReasonNearMiss, and a note among the data issues), never attributed.
// Only identifiers of 8 characters or more are compared, so that short
// codes do not find each other.

// nearMinLen is the shortest identifier key compared for near misses.
const nearMinLen = 8

// nearIndex finds the suspects' identifiers near a key: by the key with
// its check digits left out, and, for one swap of adjacent characters,
// by the multiset of its characters (the same for the swapped key) before
// trying each swap against the exact keys.
type nearIndex struct {
	masked map[string][]*owner // masked key -> owners of the keys
	bags   map[uint64]struct{} // characters' multiset hash of every key
}

// NearMiss is a payment's identifier close to a suspect's.
type NearMiss struct {
	Value  string   // the payment's identifier, as written
	Target string   // the suspect's identifier, as the suspects' tables wrote it
	IDs    []string // the suspects it belongs to
	How    string   // "check digits" or "swapped characters"
}

func (x *nearIndex) build(keys *index) {
	x.masked = map[string][]*owner{}
	x.bags = map[uint64]struct{}{}
	var buf [128]byte
	for _, k := range keys.order {
		if len(k) < nearMinLen || len(k) > len(buf) {
			continue
		}
		o := keys.m[k]
		if m, ok := maskCheckDigits(k, buf[:0]); ok {
			x.masked[string(m)] = append(x.masked[string(m)], o)
		}
		x.bags[bagHash(k)] = struct{}{}
	}
}

// maskCheckDigits returns key without its check digits, prefixed by its
// kind, or false for a key whose check digits sit elsewhere (base58) or
// that has none (e-mails, phones, ETH's case).
func maskCheckDigits(k string, buf []byte) ([]byte, bool) {
	switch {
	case ibanKeyShape(k):
		buf = append(buf, 'I')
		buf = append(buf, k[:2]...)
		if k[:2] == "IT" || k[:2] == "SM" {
			return append(buf, k[5:]...), true // the CIN is a check letter
		}
		return append(buf, k[4:]...), true
	case len(k) >= 13 && len(k) <= 19 && allDigits(k):
		buf = append(buf, 'C')
		return append(buf, k[:len(k)-1]...), true
	case len(k) >= 14 && isSegwitKey(k):
		buf = append(buf, 'B')
		return append(buf, k[:len(k)-6]...), true
	}
	return nil, false
}

func ibanKeyShape(k string) bool {
	if len(k) < 15 || len(k) > 34 || !upper(k[0]) || !upper(k[1]) || !digit(k[2]) || !digit(k[3]) {
		return false
	}
	for i := 4; i < len(k); i++ {
		if !upper(k[i]) && !digit(k[i]) {
			return false
		}
	}
	return true
}

func isSegwitKey(k string) bool {
	for _, p := range []string{"bc1", "tb1", "bcrt1", "ltc1"} {
		if strings.HasPrefix(k, p) {
			return true
		}
	}
	return false
}

func upper(c byte) bool { return c >= 'A' && c <= 'Z' }
func digit(c byte) bool { return c >= '0' && c <= '9' }

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !digit(s[i]) {
			return false
		}
	}
	return s != ""
}

// bagHash hashes the multiset of s's bytes and its length: a sum of
// per-byte values, so that any order of the same bytes hashes alike.
func bagHash(s string) uint64 {
	h := uint64(len(s)) * 0x9E3779B97F4A7C15
	for i := 0; i < len(s); i++ {
		z := uint64(s[i]) + 0x9E3779B97F4A7C15
		z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
		z = (z ^ (z >> 27)) * 0x94D049BB133111EB
		h += z ^ (z >> 31)
	}
	return h
}

// NearMiss looks for a suspect's identifier near the payee account, or
// near the payee when it is written as an identifier (no spaces): one
// that differs only by its check digits or by two adjacent characters
// swapped. An identifier found exactly (attributed, or shared) is not a
// near miss.
func (a *Attributor) NearMiss(v string) (NearMiss, bool) {
	v = strings.TrimSpace(v)
	if len(v) < nearMinLen || len(a.near.bags) == 0 {
		return NearMiss{}, false
	}
	k := ident.Key(v)
	if len(k) < nearMinLen || len(k) > 128 || strings.IndexByte(k, ' ') >= 0 {
		return NearMiss{}, false
	}
	if _, exact := a.keys.m[k]; exact {
		return NearMiss{}, false
	}
	var buf [129]byte
	if m, ok := maskCheckDigits(k, buf[:0]); ok {
		for _, o := range a.near.masked[string(m)] {
			return NearMiss{Value: v, Target: o.by, IDs: o.ids, How: "check digits"}, true
		}
	}
	if _, ok := a.near.bags[bagHash(k)]; !ok {
		return NearMiss{}, false
	}
	b := append(buf[:0], k...)
	for i := 0; i+1 < len(b); i++ {
		if b[i] == b[i+1] {
			continue
		}
		b[i], b[i+1] = b[i+1], b[i]
		o := a.keys.m[string(b)]
		b[i], b[i+1] = b[i+1], b[i]
		if o != nil {
			return NearMiss{Value: v, Target: o.by, IDs: o.ids, How: "swapped characters"}, true
		}
	}
	return NearMiss{}, false
}

// nearMissOf is NearMiss for a payment: its payee account, then its payee.
func (a *Attributor) nearMissOf(payeeAccount, payee string) (NearMiss, bool) {
	if nm, ok := a.NearMiss(payeeAccount); ok {
		return nm, true
	}
	if strings.IndexByte(strings.TrimSpace(payee), ' ') < 0 {
		return a.NearMiss(payee)
	}
	return NearMiss{}, false
}

// NearMissNote is the data issue that lists a near miss: both
// identifiers, the suspect and what to do.
func NearMissNote(u Unattributed) msg.Message {
	what := msg.Term("its check digits")
	if u.NearHow == "swapped characters" {
		what = msg.Term("two adjacent characters swapped")
	}
	return msg.New(msg.NearMiss, msg.Text(u.Value), msg.Text(u.Near), msg.Text(strings.Join(u.Candidates, ", ")), what)
}
