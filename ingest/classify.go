package ingest

import (
	"fmt"
	"github.com/crosscheck/crosscheck/msg"
	"strings"

	"github.com/crosscheck/crosscheck/ledger"
)

// Classified is the guess for one table (a CSV file or one sheet).
type Classified struct {
	Path, Sheet string
	Kind        ledger.Kind // "" when not classified
	HeaderRow   int         // 1-based
	Matched     []string    // field names recognised
	// TitleLines are the non-empty rows above the header, cells joined
	// by "; " (bank statements name the account holder there).
	TitleLines []string
	Reason     string // why it was not classified
	// Detail says what init should state beside the kind: the rate-file
	// layout recognised and what was taken from outside the columns.
	Detail string
	// Details are Detail's parts as catalogue messages, for init to write
	// in the case's language.
	Details []msg.Message
	// Profile is the export profile that recognised a payments file.
	Profile string
	// Columns are the cells of the row that looks most like a header, for
	// a table that was not classified (init's profile skeleton), and
	// ColumnsRow its 1-based row.
	Columns    []string
	ColumnsRow int
	// Header is the header row's cells of a classified table, as written
	// (init tells the case's language from them).
	Header []string
}

// classifyOrder breaks ties between kinds whose headers match equally
// well: the more distinctive kinds first.
var classifyOrder = []ledger.Kind{
	ledger.KindRates, ledger.KindPayments, ledger.KindBenefits, ledger.KindHousehold,
	ledger.KindAssets, ledger.KindIdentifiers, ledger.KindSuspects,
}

// Classify looks at every table of a file and guesses its kind from the
// headers (for `crosscheck init`).
func Classify(path string) ([]Classified, error) {
	path, only := SplitSheet(path)
	if isWorkbook(path) {
		wb, err := openWorkbook(path)
		if err != nil {
			return nil, err
		}
		defer wb.Close()
		sheets, err := wb.sheetsToRead(path, only)
		if err != nil {
			return nil, err
		}
		var out []Classified
		for _, s := range sheets {
			rr, err := wb.rows(path, s)
			if err != nil {
				return nil, err
			}
			head, err := readHead(rr, headerSearchRows)
			rr.Close()
			if err != nil {
				return nil, err
			}
			out = append(out, classifyHead(path, s, head))
		}
		return out, nil
	}
	f, err := openCSV(path, nil)
	if err != nil {
		return nil, err
	}
	defer f.close()
	head, err := readHead(f.rows, headerSearchRows)
	if err != nil {
		return nil, err
	}
	return []Classified{classifyHead(path, "", head)}, nil
}

func classifyHead(path, sheet string, head []bufferedRow) Classified {
	c := Classified{Path: path, Sheet: sheet}
	rows := make([][]string, len(head))
	for i, b := range head {
		rows[i] = b.rec
	}
	// A known export is recognised by its profile before any guess by
	// single headers.
	if idx, p, err := pickProfile(rows, builtinProfiles, ""); err != nil {
		c.Reason = err.Error()
		return c
	} else if p != nil {
		if _, h, err := compileProfile(p, rows[idx]); err == nil {
			c.Kind, c.HeaderRow, c.Matched, c.Profile = ledger.KindPayments, head[idx].row, h.matched, p.Name
			c.Header = append([]string(nil), head[idx].rec...)
			c.addDetail(msg.New(msg.InitExportProfile, msg.Text(p.Name), msg.Term(p.Title)))
			for _, b := range head[:idx] {
				if line := titleLine(b.rec); line != "" {
					c.TitleLines = append(c.TitleLines, line)
				}
			}
			return c
		}
	}
	bestScore, bestFields := 0, 1
	var best *header
	var bestM *matcher
	bestIdx := -1
	var reasons, unsure []string
	for _, kind := range classifyOrder {
		m := newMatcher(kind, nil)
		idx, h, reason := m.findHeader(rows)
		if idx < 0 {
			reasons = append(reasons, fmt.Sprintf("%s: %s", kind, reason))
			continue
		}
		if why := initNeeds(m, h, head[idx+1:]); why != "" {
			unsure = append(unsure, fmt.Sprintf("%s? header on row %d (%s), but %s", kind, head[idx].row, strings.Join(h.matched, ", "), why))
			continue
		}
		// More matched columns wins; on a tie, the kind whose fields the
		// header covers more fully (identifiers' suspect/kind/value is all
		// of that table, but a fraction of the assets table).
		nf := len(m.fields)
		if h.score() > bestScore || (h.score() == bestScore && h.score()*bestFields > bestScore*nf) {
			bestScore, bestFields = h.score(), nf
			c.Kind, c.HeaderRow, c.Matched = kind, head[idx].row, h.matched
			c.Header = append([]string(nil), head[idx].rec...)
			c.Detail, c.Details, best, bestM, bestIdx = "", nil, h, m, idx
			if kind == ledger.KindRates {
				for _, d := range describeRates(h, path) {
					c.addDetail(d)
				}
			}
			c.TitleLines = nil
			for _, b := range head[:idx] {
				if line := titleLine(b.rec); line != "" {
					c.TitleLines = append(c.TitleLines, line)
				}
			}
		}
	}
	if c.Kind == ledger.KindRates {
		if _, why := nameQuotation(best.layout, path); !why.IsZero() {
			c.Kind, c.Reason, c.Detail, c.Details = "", why.String(), "", nil
			return c
		}
	}
	if c.Kind != "" {
		dc := dateColumns(bestM, best, head[bestIdx+1:])
		for _, cd := range dc {
			if cd != nil {
				if d := cd.describe(len(head) - bestIdx - 1); !d.IsZero() {
					c.addDetail(d)
				}
			}
		}
	}
	if c.Kind == "" {
		c.ColumnsRow, c.Columns = likelyHeader(head)
	}
	switch {
	case c.Kind == "" && len(unsure) > 0:
		c.Reason = "unsure, left out of the case: " + strings.Join(unsure, "; ")
	case c.Kind == "":
		c.Reason = "no recognisable header in " + searchedRows(len(head)) + " (" + strings.Join(reasons, "; ") + ")"
	}
	return c
}

// initNeeds says why a header that reading would accept is not enough
// for init to file the table under its kind ("" when it is): a suspects
// list, a seizure record, benefit or identifier table needs the columns
// that make it one, not one column that happens to share a name (a
// Coinbase report's "ID", a PayPal download's "Type" and "Quantity"),
// and its values must look the part.
func initNeeds(m *matcher, h *header, below []bufferedRow) string {
	has := func(n string) bool { return m.has(h, n) }
	switch m.kind {
	case ledger.KindSuspects:
		if !has("tax_code") && !(has("surname") && has("name")) {
			return "a suspects list needs a tax code column or surname and name columns"
		}
		if len(h.matched) < 2 {
			return "one matching column is not a suspects list"
		}
	case ledger.KindAssets:
		if !has("type") || !(has("value") || has("quantity")) {
			return "seizure records need a type column and a value or quantity column"
		}
		if !has("id") && !has("owner") && !has("measure") && !has("share") {
			return "seizure records need an item number, owner, measure or share column"
		}
		if why := valuesKnown(m, h, below, "type", func(v string) bool { _, ok := assetTypeNames[normKey(v)]; return ok }); why != "" {
			return why + " (expected asset types such as conto corrente, immobile, veicolo)"
		}
	case ledger.KindIdentifiers:
		if why := valuesKnown(m, h, below, "kind", func(v string) bool { _, ok := identKindNames[normKey(v)]; return ok }); why != "" {
			return why + " (expected iban, wallet, card, email, phone, telegram...)"
		}
	case ledger.KindBenefits:
		if !has("application") && !has("tax_code") {
			return "benefit payments need an application or tax code column"
		}
	case ledger.KindHousehold:
		if !has("relation") && !has("tax_code") {
			return "household members need a tax code or relation column"
		}
	}
	return ""
}

// valuesKnown checks that more than half of a column's values in the rows below
// the header are values the kind knows.
func valuesKnown(m *matcher, h *header, below []bufferedRow, field string, known func(string) bool) string {
	col := h.cols[m.index(field)]
	if col < 0 {
		return ""
	}
	seen, ok := 0, 0
	example := ""
	for _, b := range below {
		v := cell(b.rec, col)
		if b.err != nil || v == "" {
			continue
		}
		seen++
		if known(v) {
			ok++
		} else if example == "" {
			example = v
		}
	}
	if seen > 0 && ok*2 <= seen {
		return fmt.Sprintf("%d of %d values of %q are not known (%q)", seen-ok, seen, strings.TrimSpace(h.cells[col]), example)
	}
	return ""
}

// addDetail adds a part to the details, keeping Detail its English text.
func (c *Classified) addDetail(m msg.Message) {
	c.Details = append(c.Details, m)
	c.Detail = joinDetail(c.Detail, m.In(msg.EN))
}

func joinDetail(a, b string) string {
	if a == "" {
		return b
	}
	return a + "; " + b
}

// likelyHeader returns the first of the rows with the most non-empty
// text cells: where a header usually is.
func likelyHeader(head []bufferedRow) (row int, cells []string) {
	best := 0
	for _, b := range head {
		n := 0
		for _, c := range b.rec {
			if c = strings.TrimSpace(c); c != "" && notationOf(c) == NotationUnknown && !isNumberLike(c) {
				n++
			}
		}
		if n > best {
			best, row = n, b.row
			cells = nil
			for _, c := range b.rec {
				if c = strings.TrimSpace(c); c != "" {
					cells = append(cells, c)
				}
			}
		}
	}
	return row, cells
}

func isNumberLike(s string) bool {
	_, err := ParseAmount(s, NotationUnknown)
	return err == nil
}
