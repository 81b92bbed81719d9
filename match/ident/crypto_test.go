package ident

import (
	"bytes"
	"encoding/hex"
	"strings"
	"testing"
)

func TestCryptoAddressVectors(t *testing.T) {
	for _, row := range readVectorCSV(t, "crypto_addresses.csv") {
		addr := row["address"]
		t.Run(row["asset"]+"/"+addr, func(t *testing.T) {
			kind, err := CheckAddress(addr)
			switch row["expected"] {
			case "valid", "valid?":
				// "valid?" is the bare 40-hex Ethereum address: accepted
				// by policy, as many wallets display it without 0x.
				if err != nil {
					t.Fatalf("rejected: %v", err)
				}
				if want := expectedKind(row); kind != want {
					t.Errorf("kind %s, want %s", kind, want)
				}
			case "invalid":
				if err == nil {
					t.Errorf("accepted as %s, want rejected: %s", kind, row["reason_if_invalid"])
				}
				if kind != "" {
					t.Errorf("kind %q returned with an error", kind)
				}
			case "n/a":
				// TRON hex form: not an address string, but Key maps it.
				if got := Key(addr); got != "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t" {
					t.Errorf("Key(TRON hex) = %s", got)
				}
			default:
				t.Fatalf("unknown expectation %q", row["expected"])
			}
		})
	}
}

// expectedKind derives the AddressKind from a vector row's asset and
// description.
func expectedKind(row map[string]string) AddressKind {
	k := row["kind"]
	switch row["asset"] {
	case "ETH":
		return AddrETH
	case "TRX":
		return AddrTRON
	case "XMR":
		return AddrXMR
	case "BTC":
		test := strings.Contains(k, "testnet")
		switch {
		case strings.Contains(k, "bech32m"):
			return AddrBTCBech32m
		case strings.Contains(k, "bech32"):
			return AddrBTCBech32
		case test:
			return AddrBTCTestnetBase58
		}
		return AddrBTCBase58
	}
	return AddressKind("unknown asset " + row["asset"])
}

func TestCryptoAddressKinds(t *testing.T) {
	// Litecoin and the Monero integrated form are not in the shared
	// vectors: these are built here from fixed payloads.
	hash := bytes.Repeat([]byte{0xab}, 20)
	tests := []struct {
		addr string
		want AddressKind
	}{
		{base58CheckEncode(append([]byte{0x30}, hash...)), AddrLTCBase58},
		{base58CheckEncode(append([]byte{0x32}, hash...)), AddrLTCBase58},
		{encodeSegwit(t, "ltc", 0, hash), AddrLTCBech32},
		{encodeSegwit(t, "tb", 1, bytes.Repeat([]byte{1}, 32)), AddrBTCTestnetBech32m},
		{moneroEncodeForTest(19, 64+8), AddrXMR},
		{moneroEncodeForTest(42, 64), AddrXMR},
	}
	for _, tt := range tests {
		got, err := CheckAddress(tt.addr)
		if err != nil || got != tt.want {
			t.Errorf("CheckAddress(%s) = %s, %v; want %s", tt.addr, got, err, tt.want)
		}
	}
	// A Monero address whose network byte does not fit its length.
	if _, err := CheckAddress(moneroEncodeForTest(19, 64)); err == nil {
		t.Error("95-character integrated address accepted")
	}
}

func TestEthereumEIP55(t *testing.T) {
	// EIP-55 examples: the checksummed form is recomputed from lower case.
	for _, want := range []string{"5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "fB6916095ca1df60bB79Ce92cE3Ea74c37c5d359", "dbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB", "D1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb"} {
		if got := eip55(strings.ToLower(want)); got != want {
			t.Errorf("eip55 = %s, want %s", got, want)
		}
	}
	if _, err := CheckAddress("0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"); err == nil || !strings.Contains(err.Error(), "EIP-55") {
		t.Errorf("flipped case: %v", err)
	}
}

func TestBase58EncodeDecode(t *testing.T) {
	for _, row := range readVectorCSV(t, "base58_encode_decode.csv") {
		raw, err := hex.DecodeString(row["hex"])
		if err != nil {
			t.Fatal(err)
		}
		if got := base58Encode(raw); got != row["base58"] {
			t.Errorf("encode %s = %s, want %s", row["hex"], got, row["base58"])
		}
		got, err := base58Decode(row["base58"])
		if err != nil || !bytes.Equal(got, raw) {
			t.Errorf("decode %s = %x, %v; want %s", row["base58"], got, err, row["hex"])
		}
	}
	if _, err := base58Decode("1FsSia9rv4NeEwvJ2GvXrX7LyxYspbN2m0"); err == nil {
		t.Error("base58 '0' accepted")
	}
}

type bech32Vectors struct {
	Bech32Valid    []bech32Entry `json:"bech32_valid"`
	Bech32Invalid  []bech32Entry `json:"bech32_invalid"`
	Bech32mValid   []bech32Entry `json:"bech32m_valid"`
	Bech32mInvalid []bech32Entry `json:"bech32m_invalid"`
	SegwitValid    []struct {
		Address      string `json:"address"`
		HRP          string `json:"hrp"`
		Version      int    `json:"witness_version"`
		ProgramLen   int    `json:"program_len"`
		ScriptPubKey string `json:"scriptPubKey"`
	} `json:"segwit_valid"`
	SegwitInvalid      []segwitBad `json:"segwit_invalid"`
	SegwitInvalidAfter []segwitBad `json:"segwit_invalid_after_bip350"`
}

type bech32Entry struct {
	Hex    string `json:"hex"`
	Reason string `json:"reason"`
}

type segwitBad struct {
	Address string `json:"address"`
	Reason  string `json:"reason"`
}

func (e bech32Entry) str(t *testing.T) string {
	b, err := hex.DecodeString(e.Hex)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestBech32AndBech32mStrings(t *testing.T) {
	var v bech32Vectors
	readVectorJSON(t, "bech32_bip173_bip350.json", &v)
	groups := []struct {
		name    string
		entries []bech32Entry
		valid   bool
		enc     bech32Encoding
	}{
		{"bech32 valid", v.Bech32Valid, true, encBech32},
		{"bech32m valid", v.Bech32mValid, true, encBech32m},
		{"bech32 invalid", v.Bech32Invalid, false, 0},
		{"bech32m invalid", v.Bech32mInvalid, false, 0},
	}
	for _, g := range groups {
		if len(g.entries) == 0 {
			t.Fatalf("%s: no vectors", g.name)
		}
		for _, e := range g.entries {
			s := e.str(t)
			_, _, enc, err := bech32Decode(s)
			if g.valid && (err != nil || enc != g.enc) {
				t.Errorf("%s %q: enc %d, %v", g.name, s, enc, err)
			}
			// Every invalid entry of BIP-173 and BIP-350 is invalid under
			// both checksum constants.
			if !g.valid && err == nil {
				t.Errorf("%s %q (%s) decoded as encoding %d", g.name, s, e.Reason, enc)
			}
		}
	}
}

func TestSegwitAddresses(t *testing.T) {
	var v bech32Vectors
	readVectorJSON(t, "bech32_bip173_bip350.json", &v)
	for _, e := range v.SegwitValid {
		hrp, version, program, _, err := decodeSegwit(e.Address)
		if err != nil {
			t.Errorf("%s: %v", e.Address, err)
			continue
		}
		op := byte(0)
		if version > 0 {
			op = byte(0x50 + version)
		}
		script := hex.EncodeToString(append([]byte{op, byte(len(program))}, program...))
		if hrp != e.HRP || version != e.Version || len(program) != e.ProgramLen || script != e.ScriptPubKey {
			t.Errorf("%s: hrp %s v%d %d bytes script %s; want %s v%d %d %s", e.Address, hrp, version, len(program), script, e.HRP, e.Version, e.ProgramLen, e.ScriptPubKey)
		}
	}
	bad := append(append([]segwitBad{}, v.SegwitInvalid...), v.SegwitInvalidAfter...)
	if len(bad) == 0 {
		t.Fatal("no invalid segwit vectors")
	}
	for _, e := range bad {
		if _, _, _, _, err := decodeSegwit(e.Address); err == nil {
			t.Errorf("%s accepted, want rejected: %s", e.Address, e.Reason)
		}
		if kind, err := CheckAddress(e.Address); err == nil {
			t.Errorf("CheckAddress(%s) = %s, want rejected: %s", e.Address, kind, e.Reason)
		}
	}
}

// encodeSegwit builds a segwit address (test helper).
func encodeSegwit(t *testing.T, hrp string, version int, program []byte) string {
	t.Helper()
	data := []byte{byte(version)}
	var acc, bits uint
	for _, b := range program {
		acc = acc<<8 | uint(b)
		bits += 8
		for bits >= 5 {
			bits -= 5
			data = append(data, byte(acc>>bits)&31)
		}
	}
	if bits > 0 {
		data = append(data, byte(acc<<(5-bits))&31)
	}
	c := uint32(1)
	if version > 0 {
		c = bech32mConst
	}
	values := append(hrpExpand(hrp), data...)
	mod := bech32Polymod(append(values, 0, 0, 0, 0, 0, 0)) ^ c
	var sb strings.Builder
	sb.WriteString(hrp + "1")
	for _, d := range data {
		sb.WriteByte(bech32Charset[d])
	}
	for i := 0; i < 6; i++ {
		sb.WriteByte(bech32Charset[(mod>>uint(5*(5-i)))&31])
	}
	return sb.String()
}

// moneroEncodeForTest builds a Monero-style address with the given network
// byte and body length (test helper: Monero block Base58 + Keccak).
func moneroEncodeForTest(network byte, body int) string {
	raw := append([]byte{network}, bytes.Repeat([]byte{0x5c}, body)...)
	k := newKeccak()
	k.Write(raw)
	raw = append(raw, k.Sum(nil)[:4]...)
	var sb strings.Builder
	for len(raw) > 0 {
		n := min(8, len(raw))
		var v uint64
		for _, b := range raw[:n] {
			v = v<<8 | uint64(b)
		}
		enc := make([]byte, moneroBlockLen[n])
		for i := len(enc) - 1; i >= 0; i-- {
			enc[i] = base58Alphabet[v%58]
			v /= 58
		}
		sb.Write(enc)
		raw = raw[n:]
	}
	return sb.String()
}

func TestMoneroCorruptedAddressErrors(t *testing.T) {
	good := "44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A"
	for i, c := range []byte{'B', 'z', '0'} {
		bad := good[:94] + string(c)
		if _, err := CheckAddress(bad); err == nil {
			t.Errorf("case %d: %s accepted", i, bad)
		}
	}
}
