package ident

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"strconv"
	"strings"

	"github.com/crosscheck/crosscheck/msg"
	"golang.org/x/crypto/sha3"
)

// AddressKind names the kind of a recognised crypto address.
type AddressKind string

// Address kinds CheckAddress returns. Testnet kinds are kept apart because
// a testnet coin has no value.
const (
	AddrBTCBase58         AddressKind = "btc-base58"
	AddrBTCBech32         AddressKind = "btc-bech32"
	AddrBTCBech32m        AddressKind = "btc-bech32m"
	AddrBTCTestnetBase58  AddressKind = "btc-testnet-base58"
	AddrBTCTestnetBech32  AddressKind = "btc-testnet-bech32"
	AddrBTCTestnetBech32m AddressKind = "btc-testnet-bech32m"
	AddrETH               AddressKind = "eth"
	AddrTRON              AddressKind = "tron"
	AddrXMR               AddressKind = "xmr"
	AddrLTCBase58         AddressKind = "ltc-base58"
	AddrLTCBech32         AddressKind = "ltc-bech32"
	AddrLTCBech32m        AddressKind = "ltc-bech32m"
)

// CheckAddress recognises and validates a crypto address: Bitcoin
// base58check (P2PKH/P2SH mainnet and testnet) and segwit bech32/bech32m
// (BIP-173/350), Ethereum 0x + 40 hex (EIP-55 checked when mixed case; a
// missing 0x is accepted), TRON base58check, Litecoin base58check and
// bech32, and Monero standard, subaddress and integrated addresses. An
// address with version 0x05 (P2SH, "3...") is reported as Bitcoin: Litecoin
// once used the same prefix. It returns ("", error) with a plain reason when
// s is no known address or fails its check.
func CheckAddress(s string) (AddressKind, error) {
	s = strings.TrimSpace(s)
	switch {
	case s == "":
		return "", errMsg(msg.AddressEmpty)
	case isETHShape(s):
		if err := checkEIP55(s); err != nil {
			return "", err
		}
		return AddrETH, nil
	case looksSegwit(s):
		return checkSegwitAddress(s)
	case len(s) == 95 || len(s) == 106:
		return checkMonero(s)
	case isBase58(s):
		return checkBase58Address(s)
	}
	return "", errMsg(msg.AddressUnknown, msg.Text(strconv.Quote(s)))
}

// ---- Ethereum ----

// isETHShape reports 0x + 40 hex digits, or 40 hex digits alone holding
// at least one letter (40 plain digits are more likely a reference number).
func isETHShape(s string) bool {
	h := strings.TrimPrefix(s, "0x")
	if len(h) != 40 || !isHex(h) {
		return false
	}
	return len(h) < len(s) || strings.IndexFunc(h, func(r rune) bool { return r > '9' }) >= 0
}

func isHex(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !isDigit(c) && !(c >= 'a' && c <= 'f') && !(c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}

// checkEIP55 verifies the mixed-case checksum: letter i is upper case iff
// nibble i of Keccak-256(lower-case hex) is 8 or more. One-case addresses
// carry no checksum and pass.
func checkEIP55(s string) error {
	h := strings.TrimPrefix(s, "0x")
	lower := strings.ToLower(h)
	if h == lower || h == strings.ToUpper(h) {
		return nil
	}
	if eip55(lower) != h {
		return errMsg(msg.AddressEIP55, msg.Text(strconv.Quote(s)))
	}
	return nil
}

// eip55 returns the checksummed form of 40 lower-case hex digits.
func eip55(lower string) string {
	k := newKeccak()
	k.Write([]byte(lower))
	sum := k.Sum(nil)
	out := []byte(lower)
	for i, c := range out {
		nibble := sum[i/2] >> 4
		if i%2 == 1 {
			nibble = sum[i/2] & 0x0f
		}
		if c >= 'a' && nibble >= 8 {
			out[i] = c - 'a' + 'A'
		}
	}
	return string(out)
}

// ---- Base58 and Base58Check ----

const base58Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"

var base58Index = func() (t [256]int8) {
	for i := range t {
		t[i] = -1
	}
	for i := 0; i < len(base58Alphabet); i++ {
		t[base58Alphabet[i]] = int8(i)
	}
	return t
}()

func isBase58(s string) bool {
	for i := 0; i < len(s); i++ {
		if base58Index[s[i]] < 0 {
			return false
		}
	}
	return s != ""
}

// base58Decode decodes raw Base58 (Bitcoin alphabet, leading '1's as zero
// bytes).
func base58Decode(s string) ([]byte, error) {
	zeros := 0
	for zeros < len(s) && s[zeros] == '1' {
		zeros++
	}
	// log(58)/log(256) < 0.733: enough room for the big-endian number.
	num := make([]byte, 0, len(s)*733/1000+1)
	for i := zeros; i < len(s); i++ {
		v := base58Index[s[i]]
		if v < 0 {
			return nil, errMsg(msg.Base58CharAt, msg.Text(strconv.QuoteRune(rune(s[i]))), msg.Int(i+1))
		}
		carry := int(v)
		for k := len(num) - 1; k >= 0; k-- {
			carry += int(num[k]) * 58
			num[k] = byte(carry)
			carry >>= 8
		}
		for carry > 0 {
			num = append([]byte{byte(carry)}, num...)
			carry >>= 8
		}
	}
	return append(make([]byte, zeros, zeros+len(num)), num...), nil
}

// base58Encode encodes raw bytes in Base58.
func base58Encode(b []byte) string {
	zeros := 0
	for zeros < len(b) && b[zeros] == 0 {
		zeros++
	}
	digits := make([]byte, 0, len(b)*138/100+1) // little-endian base-58 digits
	for _, c := range b[zeros:] {
		carry := int(c)
		for k := range digits {
			carry += int(digits[k]) << 8
			digits[k] = byte(carry % 58)
			carry /= 58
		}
		for carry > 0 {
			digits = append(digits, byte(carry%58))
			carry /= 58
		}
	}
	out := make([]byte, zeros+len(digits))
	for i := 0; i < zeros; i++ {
		out[i] = '1'
	}
	for i, d := range digits {
		out[len(out)-1-i] = base58Alphabet[d]
	}
	return string(out)
}

func doubleSHA256(b []byte) [32]byte {
	first := sha256.Sum256(b)
	return sha256.Sum256(first[:])
}

// base58CheckDecode decodes Base58Check and returns the payload (version
// byte included) without the 4-byte checksum.
func base58CheckDecode(s string) ([]byte, error) {
	raw, err := base58Decode(s)
	if err != nil {
		return nil, err
	}
	if len(raw) < 5 {
		return nil, errMsg(msg.Base58Short)
	}
	payload, sum := raw[:len(raw)-4], raw[len(raw)-4:]
	want := doubleSHA256(payload)
	if !bytes.Equal(sum, want[:4]) {
		return nil, errMsg(msg.Base58Checksum)
	}
	return payload, nil
}

// base58CheckEncode appends the checksum and encodes.
func base58CheckEncode(payload []byte) string {
	sum := doubleSHA256(payload)
	return base58Encode(append(append([]byte(nil), payload...), sum[:4]...))
}

// base58Versions maps the version byte of a 21-byte base58check payload to
// its address kind.
var base58Versions = map[byte]AddressKind{
	0x00: AddrBTCBase58, 0x05: AddrBTCBase58,
	0x6F: AddrBTCTestnetBase58, 0xC4: AddrBTCTestnetBase58,
	0x41: AddrTRON,
	0x30: AddrLTCBase58, 0x32: AddrLTCBase58,
}

func checkBase58Address(s string) (AddressKind, error) {
	if len(s) < 26 || len(s) > 35 {
		return "", errMsg(msg.Base58Length, msg.Text(strconv.Quote(s)), msg.Int(len(s)))
	}
	payload, err := base58CheckDecode(s)
	if err != nil {
		return "", errMsg(msg.AddressIs, msg.Text(strconv.Quote(s)), msg.Nested(Message(err)))
	}
	if len(payload) != 21 {
		return "", errMsg(msg.AddressBytes, msg.Text(strconv.Quote(s)), msg.Int(len(payload)))
	}
	kind, ok := base58Versions[payload[0]]
	if !ok {
		return "", errMsg(msg.AddressVersion, msg.Text(strconv.Quote(s)), msg.Text(fmt.Sprintf("0x%02x", payload[0])))
	}
	return kind, nil
}

// tronFromHex converts TRON's hex form ("41" + 40 hex digits, with or
// without 0x) to its base58check form; ok is false for anything else.
func tronFromHex(s string) (string, bool) {
	h := strings.TrimPrefix(strings.TrimPrefix(s, "0x"), "0X")
	if len(h) != 42 || h[:2] != "41" || !isHex(h) {
		return "", false
	}
	payload, err := hex.DecodeString(h)
	if err != nil {
		return "", false
	}
	return base58CheckEncode(payload), true
}

// ---- Monero ----

// moneroBlockLen gives the encoded length of a final block of n bytes.
var moneroBlockLen = [9]int{0, 2, 3, 5, 6, 7, 9, 10, 11}

// moneroNetworks maps the network byte to the address length.
var moneroNetworks = map[byte]int{18: 95, 42: 95, 19: 106}

// moneroDecode decodes Monero's Base58: 11-character blocks for 8 bytes,
// a shorter final block.
func moneroDecode(s string) ([]byte, error) {
	var out []byte
	for len(s) > 0 {
		n := min(11, len(s))
		size := -1
		for k, l := range moneroBlockLen {
			if l == n {
				size = k
			}
		}
		if size < 0 {
			return nil, errMsg(msg.MoneroBlockLength, msg.Int(n))
		}
		var v uint64
		for i := 0; i < n; i++ {
			d := base58Index[s[i]]
			if d < 0 {
				return nil, errMsg(msg.Base58Char, msg.Text(strconv.QuoteRune(rune(s[i]))))
			}
			hi, lo := mulAdd58(v, uint64(d))
			if hi != 0 {
				return nil, errMsg(msg.MoneroBlockOver8)
			}
			v = lo
		}
		if size < 8 && v>>(8*uint(size)) != 0 {
			return nil, errMsg(msg.MoneroBlockOver)
		}
		for k := size - 1; k >= 0; k-- {
			out = append(out, byte(v>>(8*uint(k))))
		}
		s = s[n:]
	}
	return out, nil
}

// mulAdd58 computes v*58+d as a 128-bit (hi, lo) pair.
func mulAdd58(v, d uint64) (hi, lo uint64) {
	const mask = 1<<32 - 1
	l := (v&mask)*58 + d
	h := (v>>32)*58 + l>>32
	return h >> 32, h<<32 | l&mask
}

func checkMonero(s string) (AddressKind, error) {
	raw, err := moneroDecode(s)
	if err != nil {
		return "", errMsg(msg.MoneroIs, msg.Text(strconv.Quote(s)), msg.Nested(Message(err)))
	}
	if len(raw) < 5 {
		return "", errMsg(msg.MoneroShort, msg.Text(strconv.Quote(s)))
	}
	want, ok := moneroNetworks[raw[0]]
	if !ok || want != len(s) {
		return "", errMsg(msg.MoneroNetwork, msg.Int(int(raw[0])), msg.Text(strconv.Quote(s)), msg.Int(len(s)))
	}
	k := newKeccak()
	k.Write(raw[:len(raw)-4])
	if !bytes.Equal(k.Sum(nil)[:4], raw[len(raw)-4:]) {
		return "", errMsg(msg.MoneroChecksum, msg.Text(strconv.Quote(s)))
	}
	return AddrXMR, nil
}

// newKeccak returns the original (pre-NIST) Keccak-256 used by Ethereum and
// Monero.
func newKeccak() hash.Hash { return sha3.NewLegacyKeccak256() }
