package ingest

import (
	"fmt"
	"strings"

	"github.com/crosscheck/crosscheck/ledger"
)

// A payments table without a currency column is read as EUR. When its
// header or its amounts say otherwise (a header naming a coin or a base
// unit, amounts with the 6+ decimals of a coin, or every amount an
// integer of 5+ digits in a file of wallet addresses and transaction
// hashes: satoshi, wei), summing it as euros would be silently wrong: its
// rows are rejected with the reason instead.

// baseUnitWords name the smallest units chains count in.
var baseUnitWords = map[string]string{
	"satoshi": "BTC", "satoshis": "BTC", "sat": "BTC", "sats": "BTC",
	"wei": "ETH", "gwei": "ETH", "sun": "TRX", "lamports": "SOL", "piconero": "XMR",
}

// cryptoGuard returns why the table's amounts must not be read as EUR
// ("" when nothing says so). It looks at the header of the amount
// columns and at the sampled rows.
func cryptoGuard(t *table, sample []bufferedRow) string {
	if t.m.kind != ledger.KindPayments || t.col("currency") >= 0 {
		return ""
	}
	var amountCols []int
	for _, name := range []string{"amount", "credit", "debit"} {
		if c := t.col(name); c >= 0 {
			amountCols = append(amountCols, c)
			h := t.header(c)
			for _, w := range headerWords(h) {
				if coin, ok := baseUnitWords[strings.ToLower(w)]; ok {
					return fmt.Sprintf("the amount column %q counts %s (%s base units) and the file has no currency column", h, w, coin)
				}
				if cur, ok := ledger.LookupCurrency(w); ok && cur.Crypto {
					return fmt.Sprintf("the amount column %q names %s and the file has no currency column", h, cur.Code)
				}
			}
		}
	}
	if len(amountCols) == 0 {
		return ""
	}
	amounts, integers5, manyDecimals := 0, 0, 0
	example := ""
	wallet := false
	for _, b := range sample {
		if b.err != nil {
			continue
		}
		for _, c := range amountCols {
			s := cell(b.rec, c)
			if s == "" {
				continue
			}
			amounts++
			digits, decimals, plain := digitShape(s)
			if plain && decimals < 0 && digits >= 5 {
				integers5++
			}
			if decimals >= 6 {
				manyDecimals++
				if example == "" {
					example = fmt.Sprintf("row %d: %s", b.row, s)
				}
			}
		}
		if !wallet {
			for _, v := range b.rec {
				if looksLikeChainID(strings.TrimSpace(v)) {
					wallet = true
					break
				}
			}
		}
	}
	if amounts == 0 {
		return ""
	}
	switch {
	case wallet && integers5 == amounts:
		return "every amount is an integer of 5 or more digits in a file of wallet addresses or transaction hashes: base units of a coin (satoshi, wei), and the file has no currency column"
	case manyDecimals*2 > amounts || (wallet && manyDecimals > 0):
		return fmt.Sprintf("amounts with 6 or more decimals (%s) are a coin's, not euros, and the file has no currency column", example)
	}
	return ""
}

// headerWords splits a header into its words ("Value_IN(ETH)": Value,
// IN, ETH).
func headerWords(h string) []string {
	return strings.FieldsFunc(h, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
	})
}

// digitShape counts an amount's digits and decimals (-1: no decimal
// separator); plain is false when it has more than a sign and digits
// and one separator.
func digitShape(s string) (digits, decimals int, plain bool) {
	decimals = -1
	plain = true
	seps := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			digits++
			if decimals >= 0 {
				decimals++
			}
		case c == '.' || c == ',':
			seps++
			decimals = 0
		case (c == '-' || c == '+') && i == 0:
		default:
			plain = false
		}
	}
	if seps > 1 {
		decimals, plain = -1, false // grouped thousands
	}
	return digits, decimals, plain
}

// looksLikeChainID reports a cell that is a blockchain address or
// transaction hash: 0x-hex (Ethereum), 64 hex digits (Bitcoin, Tron
// hashes), bech32 bc1/ltc1, base58 Bitcoin and Tron addresses.
func looksLikeChainID(s string) bool {
	n := len(s)
	switch {
	case n < 26 || n > 90:
		return false
	case strings.HasPrefix(s, "0x") && (n == 42 || n == 66):
		return allIn(s[2:], isHex)
	case n == 64:
		return allIn(s, isHex)
	case strings.HasPrefix(strings.ToLower(s), "bc1") || strings.HasPrefix(strings.ToLower(s), "ltc1"):
		return allIn(strings.ToLower(s), func(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' })
	case (s[0] == '1' || s[0] == '3') && n <= 35, s[0] == 'T' && n == 34:
		return allIn(s, isBase58)
	}
	return false
}

func allIn(s string, ok func(byte) bool) bool {
	for i := 0; i < len(s); i++ {
		if !ok(s[i]) {
			return false
		}
	}
	return true
}

func isHex(c byte) bool { return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }

func isBase58(c byte) bool {
	return (c >= '1' && c <= '9') || (c >= 'A' && c <= 'Z' && c != 'I' && c != 'O') || (c >= 'a' && c <= 'z' && c != 'l')
}
