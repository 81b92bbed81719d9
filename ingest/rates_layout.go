package ingest

import (
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/msg"
)

// quotation says how a rate value is quoted: value units of unit per one
// base. The ECB's USD 1.1789 for one euro is unit USD, base EUR; a
// CoinGecko BTC price of 9,500 euros is unit EUR, base BTC.
type quotation struct{ unit, base string }

func (q quotation) String() string {
	return q.unit + " per " + q.base
}

// ledgerRate turns a quotation into the ledger's two forms: units per
// EUR (the ECB form) or EUR per unit (a price). A quotation that does not
// have the euro on one side is not a rate crosscheck can convert with.
func (q quotation) ledgerRate() (currency string, perUnit bool, via string, problem msg.Message) {
	switch {
	case q.unit == "" || q.base == "":
		return "", false, "", msg.New(msg.RateNoQuotation)
	case q.unit == q.base:
		return "", false, "", msg.New(msg.RateSameCurrency, msg.Text(q.unit))
	case q.base == "EUR":
		return q.unit, false, "", msg.Message{}
	case q.unit == "EUR":
		return q.base, true, "", msg.Message{}
	}
	// Against another currency: the rate is kept against the one more
	// likely to have an EUR rate of its own (the US dollar, else the
	// currency a coin is priced in, else the base) and resolved through
	// it once every rate file is read.
	uc, bc := ledger.IsCrypto(q.unit), ledger.IsCrypto(q.base)
	switch {
	case q.unit == "USD", bc && !uc:
		return q.base, true, q.unit, msg.Message{} // USD per BTC: a price
	default:
		return q.unit, false, q.base, msg.Message{} // ARS per USD
	}
}

// rateFields are the columns a rates table may have. Beside the plain
// long form (date, currency, eur_per_unit or units_per_eur) a value may
// be quoted by other columns: unit and base (SDMX CURRENCY and
// CURRENCY_DENOM), a series key, or a convention written in words.
var rateFields = []Field{
	req(f("date", "day of the rate", "data", "date", "giorno", "time period")),
	f("currency", "currency code or crypto ticker", "valuta", "divisa", "asset", "coin", "symbol", "ticker", "simbolo"),
	f("eur_per_unit", "EUR per 1 unit (prices)", "eur per unit", "prezzo", "price", "close", "prezzo eur", "price eur", "chiusura", "eur"),
	f("units_per_eur", "units per 1 EUR (ECB quotation)", "units per eur", "rate", "tasso", "cambio", "tasso di cambio"),
	f("value", "a rate quoted as the unit and base, series or convention columns say", "obs value", "quotazione", "rate value"),
	f("unit", "the currency the value is counted in (SDMX CURRENCY)", "unit currency", "quote currency", "vs currency", "counter currency"),
	f("base", "the currency one unit of which the value is worth (SDMX CURRENCY_DENOM)", "currency denom", "base currency", "valuta base"),
	f("series", "SDMX series key such as EXR.D.USD.EUR.SP00.A (USD per EUR)", "series key", "serie", "series"),
	f("convention", "the quotation in words, as Banca d'Italia writes it", "convenzione di cambio", "exchange rate convention", "convenzione"),
	f("frequency", "SDMX FREQ: only D (daily) rates convert payments", "freq"),
	f("rate_type", "SDMX EXR_TYPE: SP00 is the reference rate", "exr type"),
	f("unit_mult", "SDMX UNIT_MULT: the value is times ten to this power", "unit mult"),
}

// rateLayout is one published rate-file layout, recognised by its header
// signature. Layouts are data: a new central-bank or price file is a new
// entry, not new code.
type rateLayout struct {
	name      string
	signature []string          // header texts the row must all have
	columns   map[string]string // field -> header text
	// fromName reads what the file does not hold from its name: named
	// groups "base" (the coin priced) and "unit" (the currency of the
	// price). A group the pattern lacks, or a name it does not match,
	// is looked for among the name's words.
	fromName   *regexp.Regexp
	nameFields []string // "base", "unit": what must come from the name
	// unitCodes are values of the unit column that stand for a currency
	// (CoinMarketCap writes its own id of the quote currency).
	unitCodes map[string]string
	// notation of the numbers, when the layout fixes it.
	notation Notation
}

var rateLayouts = []*rateLayout{
	{
		// data-api.ecb.europa.eu ...?format=csvdata, and SDMX-CSV with a
		// DATAFLOW column instead of KEY.
		name:      "ECB Data Portal SDMX (csvdata)",
		signature: []string{"CURRENCY", "CURRENCY_DENOM", "TIME_PERIOD", "OBS_VALUE"},
		columns: map[string]string{"date": "TIME_PERIOD", "unit": "CURRENCY", "base": "CURRENCY_DENOM", "value": "OBS_VALUE",
			"series": "KEY", "frequency": "FREQ", "rate_type": "EXR_TYPE", "unit_mult": "UNIT_MULT"},
		notation: NotationEnglish,
	},
	{
		// coingecko.com "Download CSV": btc-eur-max.csv.
		name:       "CoinGecko price history",
		signature:  []string{"snapped_at", "price", "market_cap", "total_volume"},
		columns:    map[string]string{"date": "snapped_at", "value": "price"},
		fromName:   regexp.MustCompile(`^(?P<base>[a-z0-9]+)-(?P<unit>[a-z]{3,4})-`),
		nameFields: []string{"base", "unit"},
		notation:   NotationEnglish,
	},
	{
		// coinmarketcap.com historical data, ';'-separated; "name" holds
		// the id of the quote currency.
		name:       "CoinMarketCap historical data",
		signature:  []string{"timeOpen", "timeClose", "close"},
		columns:    map[string]string{"date": "timeOpen", "value": "close", "unit": "name"},
		fromName:   regexp.MustCompile(`^(?P<base>[A-Za-z0-9 .-]+?)_`),
		nameFields: []string{"base"},
		unitCodes:  map[string]string{"2781": "USD", "2790": "EUR"},
		notation:   NotationEnglish,
	},
	{
		name:      "Banca d'Italia exchange rates",
		signature: []string{"Codice ISO", "Quotazione", "Convenzione di cambio"},
		columns: map[string]string{"date": "Data di riferimento (CET)", "currency": "Codice ISO", "value": "Quotazione",
			"convention": "Convenzione di cambio"},
	},
	{
		name:      "Banca d'Italia exchange rates",
		signature: []string{"ISO Code", "Rate", "Exchange rate convention"},
		columns: map[string]string{"date": "Reference date (CET)", "currency": "ISO Code", "value": "Rate",
			"convention": "Exchange rate convention"},
	},
}

// layoutFor matches cells with the layout whose signature they carry
// (nil: none, or m is already a layout's matcher).
func (m *matcher) layoutFor(cells []string) *header {
	if m.layout != nil {
		return nil
	}
	have := map[string]bool{}
	for _, c := range cells {
		for _, k := range headerCandidates(c) {
			have[k] = true
		}
	}
	for i, lay := range rateLayouts {
		ok := true
		for _, s := range lay.signature {
			if !have[normKey(s)] {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		if m.layouts == nil {
			m.layouts = map[int]*matcher{}
		}
		lm := m.layouts[i]
		if lm == nil {
			cols := map[string]string{}
			for k, v := range lay.columns {
				cols[k] = v
			}
			for k, v := range m.overrides { // the case file's columns win
				cols[k] = v
			}
			lm = newMatcher(m.kind, cols)
			lm.layout = lay
			m.layouts[i] = lm
		}
		h := lm.match(cells)
		h.layout = lay
		return h
	}
	return nil
}

// sdmxKeyRe finds an ECB exchange-rate series key in a header cell, as
// the Data Portal's "Download CSV" writes it: "US dollar/Euro
// (EXR.D.USD.EUR.SP00.A)".
var sdmxKeyRe = regexp.MustCompile(`\bEXR\.([A-Z])\.([A-Z]{3})\.([A-Z]{3})\.([A-Z0-9]+)\.([A-Z])\b`)

// seriesQuotation reads an EXR series key: EXR.D.USD.EUR.SP00.A is the
// daily reference rate in USD per EUR. why is set when the series is not
// a daily reference rate.
func seriesQuotation(s string) (q quotation, why msg.Message, ok bool) {
	m := sdmxKeyRe.FindStringSubmatch(strings.ToUpper(s))
	if m == nil {
		return quotation{}, msg.Message{}, false
	}
	q = quotation{unit: m[2], base: m[3]}
	switch {
	case m[1] != "D":
		why = msg.New(msg.SeriesNotDaily, msg.Text(m[0]), msg.Text(m[1]))
	case m[4] != "SP00":
		why = msg.New(msg.SeriesNotReference, msg.Text(m[0]), msg.Text(m[4]))
	}
	return q, why, true
}

// matchWideRates recognises the wide forms: a date column then one
// column per currency code (the ECB's eurofxref files, units per EUR) or
// per SDMX series key (the ECB Data Portal's download).
func (m *matcher) matchWideRates(h *header, taken []bool) {
	if h.cols[m.index("eur_per_unit")] >= 0 || h.cols[m.index("units_per_eur")] >= 0 || h.cols[m.index("value")] >= 0 {
		return
	}
	add := func(j int, q quotation) {
		if h.wide == nil {
			h.wide = map[int]quotation{}
		}
		h.wide[j] = q
		taken[j] = true
	}
	for j, c := range h.cells {
		c = strings.TrimSpace(c)
		if taken[j] {
			continue
		}
		if q, why, ok := seriesQuotation(c); ok {
			if why.IsZero() {
				add(j, q)
			} else {
				h.skipped = append(h.skipped, why)
			}
			continue
		}
		if len(c) < 3 || len(c) > 5 || strings.ToUpper(c) != c {
			continue
		}
		if cur, ok := ledger.LookupCurrency(c); ok && cur.Code != "EUR" {
			add(j, quotation{unit: cur.Code, base: "EUR"})
		}
	}
}

// missingRates says what a rates header lacks (no message when usable).
func (m *matcher) missingRates(h *header) msg.Message {
	has := func(n string) bool { return m.has(h, n) }
	if !has("date") {
		return msg.New(msg.HeaderNoDate)
	}
	if len(h.wide) > 0 || has("eur_per_unit") || has("units_per_eur") {
		if len(h.wide) == 0 && !has("currency") {
			return msg.New(msg.HeaderNoRateCurrency)
		}
		return msg.Message{}
	}
	if has("value") {
		if h.layout != nil || has("series") || (has("unit") && has("base")) || (has("currency") && has("convention")) {
			return msg.Message{}
		}
		return msg.New(msg.HeaderValueUnquoted)
	}
	if len(h.skipped) > 0 {
		all := h.skipped[0]
		for _, m := range h.skipped[1:] {
			all = msg.New(msg.AndAlso, msg.Nested(all), msg.Nested(m))
		}
		return msg.New(msg.HeaderNoDailyRate, msg.Nested(all))
	}
	return msg.New(msg.HeaderNoRates)
}

// nameQuotation reads from the file name what the layout says the file
// does not hold (CoinGecko names its downloads btc-eur-max.csv).
func nameQuotation(lay *rateLayout, path string) (q quotation, why msg.Message) {
	if lay == nil || len(lay.nameFields) == 0 {
		return quotation{}, msg.Message{}
	}
	name := filepath.Base(path)
	if i := strings.IndexByte(name, '#'); i > 0 {
		name = name[:i]
	}
	name = strings.TrimSuffix(name, filepath.Ext(name))
	got := map[string]string{}
	if lay.fromName != nil {
		if m := lay.fromName.FindStringSubmatch(name); m != nil {
			for i, g := range lay.fromName.SubexpNames() {
				if g == "" || m[i] == "" {
					continue
				}
				if c, ok := ledger.LookupCurrency(m[i]); ok {
					got[g] = c.Code
				}
			}
		}
	}
	var missing []msg.Message
	for _, fl := range lay.nameFields {
		if got[fl] == "" && fl == "base" {
			got[fl] = onlyCryptoWord(name)
		}
		if got[fl] == "" {
			missing = append(missing, msg.New(map[string]msg.Key{"base": msg.NameTheCoin, "unit": msg.NameThePriceCurrency}[fl]))
		}
	}
	q = quotation{unit: got["unit"], base: got["base"]}
	if len(missing) > 0 {
		what := missing[0]
		for _, m := range missing[1:] {
			what = msg.New(msg.EitherOr, msg.Nested(what), msg.Nested(m))
		}
		why = msg.New(msg.RateFileNameSilent, msg.Text(lay.name), msg.Nested(what), msg.Text(strconv.Quote(filepath.Base(path))))
	}
	return q, why
}

// onlyCryptoWord returns the one crypto ticker or name among the words of
// a file name ("" when none or several).
func onlyCryptoWord(name string) string {
	found := ""
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') }) {
		if c, ok := ledger.LookupCurrency(w); ok && c.Crypto {
			if found != "" && found != c.Code {
				return ""
			}
			found = c.Code
		}
	}
	return found
}

// conventionQuotation reads Banca d'Italia's quotation in words:
// "Quantità di valuta estera per 1 Euro" (units per EUR), "... per 1
// Dollaro USA" (units per USD), "Quantità di euro per 1 unità di valuta
// estera" (EUR per unit); currency is the row's currency.
func conventionQuotation(text, currency string) (quotation, bool) {
	s := " " + strings.ToLower(strings.Join(strings.Fields(foldAccents(text)), " ")) + " "
	var left, right string
	found := false
	for _, sep := range []string{" per 1 ", " for 1 ", " per una ", " per un ", " for one ", " per ", " for "} {
		if i := strings.Index(s, sep); i >= 0 {
			left, right, found = s[:i], s[i+len(sep):], true
			break
		}
	}
	if !found {
		return quotation{}, false
	}
	side := func(t string) string {
		switch {
		case strings.Contains(t, "valuta estera"), strings.Contains(t, "foreign currency"), strings.Contains(t, "unita"), strings.Contains(t, " unit"):
			return currency
		case strings.Contains(t, "euro"):
			return "EUR"
		case strings.Contains(t, "dollar"):
			return "USD"
		}
		return ""
	}
	q := quotation{unit: side(left), base: side(" " + right)}
	if q.unit == "" || q.base == "" || q.unit == q.base {
		return quotation{}, false
	}
	return q, true
}

// foldAccents replaces accented letters by their base letter.
func foldAccents(s string) string {
	var b strings.Builder
	for _, r := range s {
		if folded, ok := accentFold[r]; ok {
			b.WriteByte(folded)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// describeRates says, for the case file init writes, which layout a rates
// table was read as and what came from outside its columns.
func describeRates(h *header, path string) []msg.Message {
	var parts []msg.Message
	if h.layout != nil {
		parts = append(parts, msg.New(msg.InitDetail, msg.Text(h.layout.name)))
		if q, why := nameQuotation(h.layout, path); !why.IsZero() {
			parts = append(parts, msg.New(msg.RatesNotReadable, msg.Nested(why)))
		} else if len(h.layout.nameFields) > 0 {
			var what []msg.Message
			for _, fl := range h.layout.nameFields {
				switch fl {
				case "base":
					what = append(what, msg.New(msg.RatesCoin, msg.Text(q.base)))
				case "unit":
					what = append(what, msg.New(msg.RatesPriceCurrency, msg.Text(q.unit)))
				}
			}
			if len(what) > 0 {
				w := what[0]
				for _, m := range what[1:] {
					w = msg.New(msg.RatesAnd, msg.Nested(w), msg.Nested(m))
				}
				parts = append(parts, msg.New(msg.RatesFromName, msg.Nested(w), msg.Text(strconv.Quote(filepath.Base(path)))))
			}
		}
	}
	if len(h.wide) > 0 {
		seen := map[quotation]bool{}
		var qs []string
		for c := range h.cells {
			if q, ok := h.wide[c]; ok && !seen[q] {
				seen[q] = true
				qs = append(qs, q.unit)
			}
		}
		base := "EUR"
		for _, q := range h.wide {
			base = q.base
			break
		}
		if len(qs) > 6 {
			parts = append(parts, msg.New(msg.RatesWideMore, msg.Text(base), msg.Text(strings.Join(qs[:6], ", ")), msg.Int(len(qs))))
		} else {
			parts = append(parts, msg.New(msg.RatesWide, msg.Text(base), msg.Text(strings.Join(qs, ", "))))
		}
	}
	return parts
}
