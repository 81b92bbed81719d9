package ident

import (
	"strconv"
	"strings"

	"github.com/crosscheck/crosscheck/msg"
)

// bech32Encoding tells the two checksum variants apart.
type bech32Encoding int

const (
	encBech32  bech32Encoding = 1 // BIP-173: checksum constant 1
	encBech32m bech32Encoding = 2 // BIP-350: checksum constant 0x2bc830a3
)

const (
	bech32Charset  = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
	bech32mConst   = 0x2bc830a3
	bech32MaxLen   = 90
	bech32Checksum = 6
)

var bech32Index = func() (t [256]int8) {
	for i := range t {
		t[i] = -1
	}
	for i := 0; i < len(bech32Charset); i++ {
		t[bech32Charset[i]] = int8(i)
	}
	return t
}()

func bech32Polymod(values []byte) uint32 {
	gen := [5]uint32{0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3}
	chk := uint32(1)
	for _, v := range values {
		top := chk >> 25
		chk = (chk&0x1ffffff)<<5 ^ uint32(v)
		for i := 0; i < 5; i++ {
			if (top>>uint(i))&1 == 1 {
				chk ^= gen[i]
			}
		}
	}
	return chk
}

func hrpExpand(hrp string) []byte {
	out := make([]byte, 0, 2*len(hrp)+1)
	for i := 0; i < len(hrp); i++ {
		out = append(out, hrp[i]>>5)
	}
	out = append(out, 0)
	for i := 0; i < len(hrp); i++ {
		out = append(out, hrp[i]&31)
	}
	return out
}

// bech32Decode decodes a Bech32 or Bech32m string (BIP-173/350 rules: length
// at most 90, characters 33-126, one case, the last '1' separates a
// non-empty hrp from at least 6 data characters) and returns the lower-case
// hrp, the 5-bit data without checksum and which checksum matched.
func bech32Decode(s string) (hrp string, data []byte, enc bech32Encoding, err error) {
	if len(s) > bech32MaxLen {
		return "", nil, 0, errMsg(msg.Bech32TooLong, msg.Int(len(s)), msg.Int(bech32MaxLen))
	}
	hasLower, hasUpper := false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 33 || c > 126 {
			return "", nil, 0, errMsg(msg.Bech32CharRange, msg.Int(i+1))
		}
		hasLower = hasLower || (c >= 'a' && c <= 'z')
		hasUpper = hasUpper || (c >= 'A' && c <= 'Z')
	}
	if hasLower && hasUpper {
		return "", nil, 0, errMsg(msg.Bech32MixedCase)
	}
	s = strings.ToLower(s)
	sep := strings.LastIndexByte(s, '1')
	if sep < 1 {
		return "", nil, 0, errMsg(msg.Bech32NoSeparator)
	}
	if len(s)-sep-1 < bech32Checksum {
		return "", nil, 0, errMsg(msg.Bech32DataShort)
	}
	hrp = s[:sep]
	values := hrpExpand(hrp)
	for i := sep + 1; i < len(s); i++ {
		v := bech32Index[s[i]]
		if v < 0 {
			return "", nil, 0, errMsg(msg.Bech32DataChar, msg.Text(strconv.QuoteRune(rune(s[i]))))
		}
		values = append(values, byte(v))
	}
	switch bech32Polymod(values) {
	case 1:
		enc = encBech32
	case bech32mConst:
		enc = encBech32m
	default:
		return "", nil, 0, errMsg(msg.Bech32Checksum)
	}
	data = values[len(hrp)*2+1 : len(values)-bech32Checksum]
	return hrp, data, enc, nil
}

// convertBits regroups 5-bit values into bytes, refusing more than 4
// padding bits or non-zero padding (BIP-173 decoding rule).
func convertBits5to8(data []byte) ([]byte, error) {
	var acc, bits uint
	out := make([]byte, 0, len(data)*5/8)
	for _, v := range data {
		acc = acc<<5 | uint(v)
		bits += 5
		for bits >= 8 {
			bits -= 8
			out = append(out, byte(acc>>bits))
		}
	}
	if bits >= 5 {
		return nil, errMsg(msg.Bech32Padding)
	}
	if acc&(1<<bits-1) != 0 {
		return nil, errMsg(msg.Bech32PaddingBits)
	}
	return out, nil
}

// segwitHRPs maps the segwit hrp to the address kinds for witness v0 and
// v1+.
var segwitHRPs = map[string][2]AddressKind{
	"bc":   {AddrBTCBech32, AddrBTCBech32m},
	"tb":   {AddrBTCTestnetBech32, AddrBTCTestnetBech32m},
	"bcrt": {AddrBTCTestnetBech32, AddrBTCTestnetBech32m},
	"ltc":  {AddrLTCBech32, AddrLTCBech32m},
}

// segwitPrefixes are the segwit hrps with their separator, for a quick
// shape test without allocating.
var segwitPrefixes = [...]string{"bc1", "tb1", "bcrt1", "ltc1"}

// looksSegwit reports a string starting with a segwit hrp and '1', any
// case.
func looksSegwit(s string) bool {
	for _, p := range segwitPrefixes {
		if len(s) > len(p) && strings.EqualFold(s[:len(p)], p) {
			return true
		}
	}
	return false
}

// decodeSegwit decodes a segwit address and returns its hrp, witness
// version and program.
func decodeSegwit(s string) (hrp string, version int, program []byte, enc bech32Encoding, err error) {
	hrp, data, enc, err := bech32Decode(s)
	if err != nil {
		return "", 0, nil, 0, err
	}
	if _, ok := segwitHRPs[hrp]; !ok {
		return "", 0, nil, 0, errMsg(msg.SegwitHRP, msg.Text(strconv.Quote(hrp)))
	}
	if len(data) < 1 {
		return "", 0, nil, 0, errMsg(msg.SegwitNoVersion)
	}
	version = int(data[0])
	if version > 16 {
		return "", 0, nil, 0, errMsg(msg.SegwitVersion, msg.Int(version))
	}
	program, err = convertBits5to8(data[1:])
	if err != nil {
		return "", 0, nil, 0, err
	}
	if len(program) < 2 || len(program) > 40 {
		return "", 0, nil, 0, errMsg(msg.SegwitProgram, msg.Int(len(program)))
	}
	if version == 0 && len(program) != 20 && len(program) != 32 {
		return "", 0, nil, 0, errMsg(msg.SegwitV0Program, msg.Int(len(program)))
	}
	if version == 0 && enc != encBech32 {
		return "", 0, nil, 0, errMsg(msg.SegwitV0Bech32)
	}
	if version > 0 && enc != encBech32m {
		return "", 0, nil, 0, errMsg(msg.SegwitBech32m, msg.Int(version))
	}
	return hrp, version, program, enc, nil
}

func checkSegwitAddress(s string) (AddressKind, error) {
	hrp, version, _, _, err := decodeSegwit(s)
	if err != nil {
		return "", errMsg(msg.SegwitIs, msg.Text(strconv.Quote(s)), msg.Nested(Message(err)))
	}
	kinds := segwitHRPs[hrp]
	if version == 0 {
		return kinds[0], nil
	}
	return kinds[1], nil
}
