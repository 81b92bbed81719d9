package ingest

import (
	"strings"
)

// A statement often ends (or starts) with rows that sum it up: "Saldo
// finale", "Totale accrediti", "Closing balance". They are not payments:
// each is listed as a row that is not a payment, with its label as the
// reason, instead of being rejected for its missing date or summed as
// income for the amount in its credit column.

// totalsLabels are the labels of such rows, as normWords writes them.
var totalsLabels = []string{
	"saldo", "saldo iniziale", "saldo finale", "saldo contabile", "saldo disponibile", "saldo liquido",
	"saldo precedente", "saldo attuale", "saldo banca", "saldo conto", "saldo per valuta",
	"totale", "totali", "totale movimenti", "totale accrediti", "totale addebiti", "totale entrate",
	"totale uscite", "totale dare", "totale avere", "totale generale", "totale periodo", "totale operazioni",
	"total", "totals", "grand total", "subtotal", "sub total", "balance", "opening balance", "closing balance",
	"starting balance", "ending balance", "final balance", "balance brought forward", "balance carried forward",
	"riporto",
}

// totalsRest are the words that may follow a label: "Saldo al
// 31/12/2020", "Totale del periodo", "Closing balance as of ...".
var totalsRest = map[string]bool{
	"al": true, "alla": true, "del": true, "dei": true, "dal": true, "in": true, "at": true, "as": true, "of": true,
	"on": true, "eur": true, "euro": true, "periodo": true, "mese": true, "anno": true, "data": true,
}

// mayBeTotals reports whether c's first word, in ASCII letters, is a
// label's first word: most cells are ruled out without allocating.
func mayBeTotals(c string) bool {
	n := 0
	for n < len(c) && (c[n] >= 'a' && c[n] <= 'z' || c[n] >= 'A' && c[n] <= 'Z') {
		n++
	}
	w := c[:n]
	switch n {
	case 3:
		return strings.EqualFold(w, "sub")
	case 5:
		return strings.EqualFold(w, "saldo") || strings.EqualFold(w, "total") || strings.EqualFold(w, "grand") || strings.EqualFold(w, "final")
	case 6:
		return strings.EqualFold(w, "totale") || strings.EqualFold(w, "totali") || strings.EqualFold(w, "totals") || strings.EqualFold(w, "ending")
	case 7:
		return strings.EqualFold(w, "balance") || strings.EqualFold(w, "opening") || strings.EqualFold(w, "closing") || strings.EqualFold(w, "riporto")
	case 8:
		return strings.EqualFold(w, "subtotal") || strings.EqualFold(w, "starting")
	}
	return false
}

// totalsRow returns the label of a totals or balance row, "" when rec is
// not one. A label counts when it is the row's first text, or anywhere
// when the row has no date (the date cell, column date, holds no digit)
// or no amount (the cells of columns amounts are empty): "Saldo" as the
// description of a row with a date and an amount may be a payment of a
// balance. A payment costs a look at its first cell and its amounts.
func totalsRow(rec []string, date int, amounts ...int) string {
	j := 0
	for j < len(rec) && strings.TrimSpace(rec[j]) == "" {
		j++
	}
	if j == len(rec) {
		return ""
	}
	if c := strings.TrimSpace(rec[j]); mayBeTotals(c) && isTotalsLabel(c) {
		return c
	}
	if hasDigit(cell(rec, date)) {
		for _, c := range amounts {
			if cell(rec, c) != "" {
				return ""
			}
		}
	}
	for _, c := range rec[j+1:] {
		if c = strings.TrimSpace(c); mayBeTotals(c) && isTotalsLabel(c) {
			return c
		}
	}
	return ""
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

// isTotalsLabel reports a cell that is a totals label, alone or followed
// by a date, an amount or a few linking words, ending in an optional
// colon.
func isTotalsLabel(c string) bool {
	words := normWords(c)
	if len(words) == 0 || len(words) > 8 {
		return false
	}
	best := 0
	for _, l := range totalsLabels {
		lw := strings.Fields(l)
		if len(lw) > len(words) || len(lw) <= best {
			continue
		}
		match := true
		for i, w := range lw {
			if words[i] != w {
				match = false
				break
			}
		}
		if match {
			best = len(lw)
		}
	}
	if best == 0 {
		return false
	}
	for _, w := range words[best:] {
		if totalsRest[w] {
			continue
		}
		if strings.IndexFunc(w, func(r rune) bool { return r >= 'a' && r <= 'z' }) >= 0 {
			return false
		}
	}
	return true
}

// normWords splits a cell into lower-case words of letters and digits
// (accents folded); dates and amounts stay one word ("31/12/2020").
func normWords(s string) []string {
	var out []string
	for _, w := range strings.Fields(s) {
		if k := normKey(w); k != "" {
			out = append(out, k)
		} else if strings.ContainsAny(w, "0123456789") {
			out = append(out, w)
		}
	}
	return out
}

// totalsReason is the reason a totals row is not a payment.
func totalsReason(label string) string {
	return "totals or balance row, not a payment: " + label
}
