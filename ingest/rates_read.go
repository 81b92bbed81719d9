package ingest

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/msg"
)

func ratesRow(emit func(ledger.Rate) error) func(*table) rowFunc {
	return func(t *table) rowFunc {
		if len(t.h.wide) > 0 {
			return wideRatesRow(t, t.col("date"), emit)
		}
		return longRatesRow(t, emit)
	}
}

// longRatesRow reads one rate per row: a price (eur_per_unit), an ECB
// quotation (units_per_eur), or a value quoted as other columns, the
// layout or the file name say.
func longRatesRow(t *table, emit func(ledger.Rate) error) rowFunc {
	var (
		date, cur               = t.col("date"), t.col("currency")
		perUnit, perEUR, value  = t.col("eur_per_unit"), t.col("units_per_eur"), t.col("value")
		unit, base, series      = t.col("unit"), t.col("base"), t.col("series")
		convention, freq, rtype = t.col("convention"), t.col("frequency"), t.col("rate_type")
		mult                    = t.col("unit_mult")
		cache                   = currencyCache{}
		nameQ, nameWhy          = nameQuotation(t.h.layout, t.src.Path)
	)
	return func(rec []string, row int) (*problem, error) {
		if !nameWhy.IsZero() {
			return nil, fmt.Errorf("%w: %s", ErrUnreadable, nameWhy)
		}
		r := ledger.Rate{Ref: t.ref(row)}
		if cell(rec, date) == "" {
			return rejectMsg(date, "", msg.MissingDate), nil
		}
		if f := cell(rec, freq); f != "" && !strings.EqualFold(f, "D") {
			return rejectMsg(freq, f, msg.RateNotDaily, msg.Text(f)), nil
		}
		if ty := cell(rec, rtype); ty != "" && !strings.EqualFold(ty, "SP00") {
			return rejectMsg(rtype, ty, msg.RateNotReference, msg.Text(ty)), nil
		}
		var prob *problem
		if r.Date, prob = t.date(rec, date); prob != nil {
			return prob, nil
		}
		code := func(col int) (string, *problem) {
			c := cell(rec, col)
			if c == "" {
				return "", rejectMsg(col, "", msg.MissingCurrency)
			}
			if t.h.layout != nil {
				if code, ok := t.h.layout.unitCodes[c]; ok {
					return code, nil
				}
			}
			code := cache.lookup(c)
			if code == "" {
				return "", rejectMsg(col, c, msg.UnknownCurrency)
			}
			return code, nil
		}
		var q quotation
		col := value
		switch {
		case cell(rec, perUnit) != "":
			c, prob := code(cur)
			if prob != nil {
				return prob, nil
			}
			q, col = quotation{unit: "EUR", base: c}, perUnit
		case cell(rec, perEUR) != "":
			c, prob := code(cur)
			if prob != nil {
				return prob, nil
			}
			q, col = quotation{unit: c, base: "EUR"}, perEUR
		case cell(rec, value) != "":
			q = nameQ
			if unit >= 0 {
				if q.unit, prob = code(unit); prob != nil {
					return prob, nil
				}
			}
			if base >= 0 {
				if q.base, prob = code(base); prob != nil {
					return prob, nil
				}
			}
			if (q.unit == "" || q.base == "") && cell(rec, series) != "" {
				sq, why, ok := seriesQuotation(cell(rec, series))
				if !ok {
					return rejectMsg(series, cell(rec, series), msg.NotSeriesKey), nil
				}
				if !why.IsZero() {
					return rejectWith(series, cell(rec, series), why), nil
				}
				q = sq
			}
			if convention >= 0 {
				c, prob := code(cur)
				if prob != nil {
					return prob, nil
				}
				text := cell(rec, convention)
				cq, ok := conventionQuotation(text, c)
				if !ok {
					return rejectMsg(convention, text, msg.QuotationUnknown), nil
				}
				q = cq
			}
		default:
			col = value
			for _, c := range []int{perUnit, perEUR} {
				if col < 0 {
					col = c
				}
			}
			return rejectMsg(col, "", msg.MissingRate), nil
		}
		currency, isPerUnit, via, why := q.ledgerRate()
		if !why.IsZero() {
			return rejectWith(col, cell(rec, col), why), nil
		}
		v, _, _, prob := t.quantity(rec, col)
		if prob != nil {
			return prob, nil
		}
		if m := cell(rec, mult); m != "" && m != "0" {
			n, err := strconv.Atoi(m)
			if err != nil || n < -18 || n > 18 {
				return rejectMsg(mult, m, msg.UnitMultiplier), nil
			}
			v = v.Shift(int32(n))
		}
		if !v.IsPositive() {
			return rejectMsg(col, cell(rec, col), msg.RateNotPositiveCell), nil
		}
		r.Currency, r.PerUnit, r.Value, r.Via = currency, isPerUnit, v, via
		return nil, emit(r)
	}
}

// wideRatesRow reads one day of a wide layout, a column per currency or
// series; N/A cells are skipped.
func wideRatesRow(t *table, date int, emit func(ledger.Rate) error) rowFunc {
	type wideCol struct {
		col           int
		currency, via string
		perUnit       bool
	}
	cols := make([]wideCol, 0, len(t.h.wide))
	for c := range t.h.cells {
		q, ok := t.h.wide[c]
		if !ok {
			continue
		}
		currency, perUnit, via, why := q.ledgerRate()
		if !why.IsZero() {
			t.issue(0, c, "", msg.New(msg.ColumnIgnored, msg.Nested(why)))
			continue
		}
		cols = append(cols, wideCol{c, currency, via, perUnit})
	}
	rates := make([]ledger.Rate, 0, len(cols))
	return func(rec []string, row int) (*problem, error) {
		if cell(rec, date) == "" {
			return rejectMsg(date, "", msg.MissingDate), nil
		}
		d, prob := t.date(rec, date)
		if prob != nil {
			return prob, nil
		}
		rates = rates[:0]
		for _, wc := range cols {
			s := cell(rec, wc.col)
			if s == "" || strings.EqualFold(s, "N/A") || strings.EqualFold(s, "NaN") || s == "-" {
				continue
			}
			v, _, _, prob := t.quantity(rec, wc.col)
			if prob != nil {
				return prob, nil
			}
			if !v.IsPositive() {
				return rejectMsg(wc.col, s, msg.RateNotPositiveCell), nil
			}
			rates = append(rates, ledger.Rate{Ref: t.ref(row), Date: d, Currency: wc.currency, Value: v, PerUnit: wc.perUnit, Via: wc.via})
		}
		for _, r := range rates {
			if err := emit(r); err != nil {
				return nil, err
			}
		}
		return nil, nil
	}
}
