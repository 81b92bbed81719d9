package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/big"
	"strings"
	"time"

	"golang.org/x/crypto/sha3"
)

// The generator carries its own identifier code on purpose: the expected
// results must not depend on the packages they are meant to check.

const cfMonths = "ABCDEHLMPRST"

// cfOdd is the value of a character at an odd 1-based position (DOMAIN 1.5);
// digits share the row of the letter with the same index.
var cfOdd = [26]int{1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23}

// cfLetters keeps the letters of s, upper-cased, with accented vowels as
// plain vowels (Fò -> FO).
func cfLetters(s string) string {
	var b strings.Builder
	for _, r := range strings.ToUpper(s) {
		switch r {
		case 'À', 'Á':
			r = 'A'
		case 'È', 'É':
			r = 'E'
		case 'Ì', 'Í':
			r = 'I'
		case 'Ò', 'Ó':
			r = 'O'
		case 'Ù', 'Ú':
			r = 'U'
		}
		if r >= 'A' && r <= 'Z' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func splitVowels(s string) (cons, vows string) {
	for _, r := range cfLetters(s) {
		if strings.ContainsRune("AEIOU", r) {
			vows += string(r)
		} else {
			cons += string(r)
		}
	}
	return cons, vows
}

func cfPad(s string) string { return (s + "XXX")[:3] }

func cfSurname(s string) string {
	c, v := splitVowels(s)
	return cfPad(c + v)
}

// cfName takes the 1st, 3rd and 4th consonant when there are four or more.
func cfName(s string) string {
	c, v := splitVowels(s)
	if len(c) >= 4 {
		return c[0:1] + c[2:4]
	}
	return cfPad(c + v)
}

func cfCheck(s15 string) byte {
	sum := 0
	for i, r := range s15 {
		idx := int(r - 'A')
		if r >= '0' && r <= '9' {
			idx = int(r - '0')
		}
		if i%2 == 0 { // 1-based odd position
			sum += cfOdd[idx]
		} else {
			sum += idx
		}
	}
	return byte('A' + sum%26)
}

// taxCode encodes a codice fiscale; place is a Belfiore code (Z... abroad).
func taxCode(surname, name string, female bool, birth time.Time, place string) string {
	day := birth.Day()
	if female {
		day += 40
	}
	s := fmt.Sprintf("%s%s%02d%c%02d%s", cfSurname(surname), cfName(name), birth.Year()%100, cfMonths[birth.Month()-1], day, place)
	return s + string(cfCheck(s))
}

// omocode substitutes the n rightmost of the seven digit positions with
// letters (0->L ... 9->V), as the Agenzia delle Entrate does for homonyms.
func omocode(cf string, n int) string {
	b := []byte(cf[:15])
	for _, p := range []int{14, 13, 12, 10, 9, 7, 6}[:n] {
		b[p] = "LMNPQRSTUV"[b[p]-'0']
	}
	return string(b) + string(cfCheck(string(b)))
}

// ibanCheck returns the two mod-97 check digits for country + bban.
func ibanCheck(country, bban string) string {
	var digits strings.Builder
	for _, r := range bban + country + "00" {
		if r >= 'A' && r <= 'Z' {
			fmt.Fprintf(&digits, "%d", r-'A'+10)
		} else {
			digits.WriteRune(r)
		}
	}
	n, _ := new(big.Int).SetString(digits.String(), 10)
	m := new(big.Int).Mod(n, big.NewInt(97)).Int64()
	return fmt.Sprintf("%02d", 98-m)
}

func iban(country, bban string) string { return country + ibanCheck(country, bban) + bban }

// ibanIT builds an Italian IBAN; the CIN uses the codice fiscale tables.
func ibanIT(abi, cab, conto string) string {
	rest := abi + cab + fmt.Sprintf("%012s", conto)
	return iban("IT", string(cfCheck(rest))+rest)
}

// ibanPaper groups an IBAN by four characters, as printed on statements.
func ibanPaper(s string) string {
	var parts []string
	for len(s) > 4 {
		parts = append(parts, s[:4])
		s = s[4:]
	}
	return strings.Join(append(parts, s), " ")
}

const b58Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"

func base58(b []byte) string {
	n := new(big.Int).SetBytes(b)
	var out []byte
	mod := new(big.Int)
	for n.Sign() > 0 {
		n.DivMod(n, big.NewInt(58), mod)
		out = append(out, b58Alphabet[mod.Int64()])
	}
	for _, c := range b {
		if c != 0 {
			break
		}
		out = append(out, '1')
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return string(out)
}

// base58Check encodes version + 20-byte hash with the double-SHA-256
// checksum: version 0x00 gives a Bitcoin P2PKH address, 0x41 a TRON one.
func base58Check(version byte, hash20 []byte) string {
	payload := append([]byte{version}, hash20...)
	h1 := sha256.Sum256(payload)
	h2 := sha256.Sum256(h1[:])
	return base58(append(payload, h2[:4]...))
}

// eip55 writes a 20-byte Ethereum address with the mixed-case checksum.
func eip55(addr20 []byte) string {
	lower := hex.EncodeToString(addr20)
	k := sha3.NewLegacyKeccak256()
	k.Write([]byte(lower))
	hash := hex.EncodeToString(k.Sum(nil))
	out := []byte(lower)
	for i, c := range out {
		if c >= 'a' && hash[i] >= '8' {
			out[i] = c - 32
		}
	}
	return "0x" + string(out)
}

// luhnComplete appends the Luhn check digit to a 15-digit card prefix.
func luhnComplete(p string) string {
	sum := 0
	for i := len(p) - 1; i >= 0; i-- {
		d := int(p[i] - '0')
		if (len(p)-1-i)%2 == 0 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return p + fmt.Sprint((10-sum%10)%10)
}
