package ident

import (
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/ledger"
)

func TestKeyByShape(t *testing.T) {
	tests := []struct{ shape, in, want string }{
		{"IBAN paper form", "IT60 X054 2811 1010 0000 0123 456", "IT60X0542811101000000123456"},
		{"IBAN lower case with label", "iban: it60-x054-2811-1010-0000-0123-456", "IT60X0542811101000000123456"},
		{"IBAN invalid still normalised", "IT61 X054 2811 1010 0000 0123 456", "IT61X0542811101000000123456"},
		{"Ethereum mixed case", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"},
		{"Ethereum without 0x", "5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED", "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"},
		{"TRON hex form", "41a614f803b6fd780986a42c78ec9c7f77e6ded13c", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"},
		{"TRON base58 keeps case", " TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t ", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"},
		{"bech32 upper case", "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"},
		{"bech32 litecoin", "LTC1QACDEF9", "ltc1qacdef9"},
		{"bitcoin base58 keeps case", "1FsSia9rv4NeEwvJ2GvXrX7LyxYspbN2mo", "1FsSia9rv4NeEwvJ2GvXrX7LyxYspbN2mo"},
		{"monero keeps case", "44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A", "44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A"},
		{"e-mail", "  Mario.Rossi@Example.IT ", "mario.rossi@example.it"},
		{"telegram handle", "@IPTV_Premium", "@iptv_premium"},
		{"telegram link", "https://t.me/IPTV_Premium/", "@iptv_premium"},
		{"telegram short link", "t.me/iptv_premium", "@iptv_premium"},
		{"card with spaces", "4111 1111 1111 1111", "4111111111111111"},
		{"card with dashes", "4111-1111-1111-1111", "4111111111111111"},
		{"phone with +", "+39 333 123.4567", "+393331234567"},
		{"phone with 00", "0039 333 1234567", "+393331234567"},
		{"phone local with slash", "333/1234567", "3331234567"},
		{"other: spaces folded, case kept", "  Conto  Hype\tN. 12 ", "Conto Hype N. 12"},
		{"IBAN with dots", "IT60.X054.2811.1010.0000.0123.456", "IT60X0542811101000000123456"},
		{"IBAN with a wrong CIN, grouped", "IT08 J076 0194 0000 0012 3456 789", "IT08J0760194000000123456789"},
		{"bech32 in groups", "bc1q w508 d6qe jxtd g4y5 r3za rvar y0c5 xw7k v8f3 t4", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"},
		{"Ethereum in groups", "0x5aAe-b605-3F3E-94C9-b9A0-9f33-6694-35E7-Ef1B-eAed", "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"},
		{"base58 in groups, checksum holds", "1FsSia9rv4 NeEwvJ2GvX rX7LyxYspbN2mo", "1FsSia9rv4NeEwvJ2GvXrX7LyxYspbN2mo"},
		{"words are not joined", "Pagamento Abbonamento Annuale IPTV Premium", "Pagamento Abbonamento Annuale IPTV Premium"},
		{"empty", "   ", ""},
	}
	for _, tt := range tests {
		if got := Key(tt.in); got != tt.want {
			t.Errorf("%s: Key(%q) = %q, want %q", tt.shape, tt.in, got, tt.want)
		}
	}
}

func TestKeySameIdentifierWrittenDifferently(t *testing.T) {
	groups := [][]string{
		{"IT60X0542811101000000123456", "IT60 X054 2811 1010 0000 0123 456", "it60x0542811101000000123456", "IBAN IT60X0542811101000000123456"},
		{"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", "0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED"},
		{"@venditore", "@Venditore", "https://t.me/venditore", "t.me/@Venditore"},
	}
	for _, g := range groups {
		for _, s := range g[1:] {
			if Key(s) != Key(g[0]) {
				t.Errorf("Key(%q) = %q, Key(%q) = %q: should be equal", s, Key(s), g[0], Key(g[0]))
			}
		}
	}
}

// TestKeyKeepsBase58AddressThatLooksLikeAnIBAN: a TRON address can start
// with two letters and two digits; upper-casing it would join distinct
// addresses.
func TestKeyKeepsBase58AddressThatLooksLikeAnIBAN(t *testing.T) {
	hash := []byte("distinct-20-byte-key")
	for i := 0; i < 1<<16; i++ {
		hash[0] = byte(i)
		hash[1] = byte(i >> 8)
		addr := base58CheckEncode(append([]byte{0x41}, hash...))
		if _, country := ibanCountries[addr[:2]]; country && isDigit(addr[2]) && isDigit(addr[3]) {
			if got := Key(addr); got != addr {
				t.Fatalf("Key(%s) = %s", addr, got)
			}
			return
		}
	}
	t.Skip("no IBAN-shaped TRON address among the generated ones")
}

func TestKeyIsIdempotent(t *testing.T) {
	for _, s := range []string{"IT60 X054 2811 1010 0000 0123 456", "0039 333 1234567", "@Foo", "t.me/Foo", "A  b", "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4", "41a614f803b6fd780986a42c78ec9c7f77e6ded13c"} {
		k := Key(s)
		if k2 := Key(k); k2 != k {
			t.Errorf("Key(%q) = %q but Key(%q) = %q", s, k, k, k2)
		}
	}
}

func TestCheckByKind(t *testing.T) {
	tests := []struct {
		kind ledger.IdentKind
		in   string
		ok   bool
	}{
		{ledger.IdentIBAN, "IT60 X054 2811 1010 0000 0123 456", true},
		{ledger.IdentIBAN, "IT64Y0542811101000000123456", false},
		{ledger.IdentWallet, "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", true},
		{ledger.IdentWallet, "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5", false},
		{ledger.IdentCard, "4111 1111 1111 1111", true},
		{ledger.IdentCard, "4111 1111 1111 1112", false},
		{ledger.IdentCard, "4111 1111 1111", false},
		{ledger.IdentEmail, "mario.rossi@example.it", true},
		{ledger.IdentEmail, "mario.rossi@example", false},
		{ledger.IdentEmail, "a@b@c.it", false},
		{ledger.IdentPhone, "+39 333 1234567", true},
		{ledger.IdentPhone, "12345", false},
		{ledger.IdentPhone, "+39 333 1234567 890123", false},
		{ledger.IdentPayPal, "venditore@example.com", true},
		{ledger.IdentPayPal, "X7Y8Z9ABC123D", true},
		{ledger.IdentPayPal, "not an id!", false},
		{ledger.IdentTelegram, "@venditore", true},
		{ledger.IdentAccount, "Hype 0001", true},
		{ledger.IdentAccount, "  ", false},
		{ledger.IdentKind("fax"), "0612345", false},
	}
	for _, tt := range tests {
		err := Check(tt.kind, tt.in)
		if (err == nil) != tt.ok {
			t.Errorf("Check(%s, %q) = %v, want ok=%v", tt.kind, tt.in, err, tt.ok)
		}
		if err != nil && !strings.Contains(err.Error(), strings.TrimSpace(tt.in)) && strings.TrimSpace(tt.in) != "" && tt.kind != "fax" {
			t.Errorf("Check(%s, %q) error %q does not quote the value", tt.kind, tt.in, err)
		}
	}
}
