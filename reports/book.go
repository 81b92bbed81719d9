package reports

import (
	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/outfile"

	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// MaxSheetRows is the most rows one sheet may hold (Excel's limit). A
// longer table continues on "Payments (2)" and so on. It is a variable so
// that tests can lower it.
var MaxSheetRows = 1_048_576

// Column widths are fitted to the header and a sample of values, within
// these bounds (in characters).
const (
	minColWidth = 8
	maxColWidth = 60
	widthSample = 200
	euroFmt     = `#,##0.00 "€"`
	percentFmt  = `0.00" %"`
	integerFmt  = `#,##0`
	dateFmtIT   = `dd/mm/yyyy`
	dateFmtEN   = `yyyy-mm-dd`
	rateFmt     = `0.##########`
)

// styleKey names a cell style: a number format (empty for text) plus
// bold (headers) and fill (highlighted rows).
type styleKey struct {
	numFmt string
	bold   bool
	fill   bool
	// unlocked cells stay editable on a protected sheet (the review
	// columns of Benefit flags).
	unlocked bool
	// link looks like a hyperlink (the Summary's labels).
	link bool
	// wrap breaks long text over lines within the column's width, so
	// that it neither overflows into the next cell nor widens the page.
	wrap bool
	// top aligns the cell to the top of its row, beside wrapped text.
	top bool
}

// book is a workbook being written: the excelize file, the styles made so
// far, the streamed sheets still open and the final order of sheets.
type book struct {
	f       *excelize.File
	tr      translator
	dateFmt string
	styles  map[styleKey]int
	tables  []*table
	// continued lists the sheets that overflowed into a continuation.
	continued []string
	// splices are the xmlSheet sheets to put into the saved file.
	splices []splice
	// levels counts the issues written of each level, for the Summary.
	levels map[ledger.Level]int
	// page is the printed header and footer of the table sheets.
	page pageText
	// detail, when set, takes the Payments sheet into its own workbook.
	detail *detailSink
	// scratch is excelize's folder for large sheets (outfile.ScratchDir).
	scratch string
	// formats maps the style ids with a number format to the format, to
	// size columns for what a format shows.
	formats map[int]string
}

func newBook(lang string) *book {
	// A sheet streamed past 16 MiB goes to a file excelize reopens by
	// name: a folder only this user can enter, removed by close. Without
	// one (no writable temporary folder) excelize keeps sheets in memory.
	scratch, _ := outfile.ScratchDir()
	b := &book{f: excelize.NewFile(excelize.Options{TmpDir: scratch}), scratch: scratch, tr: newTranslator(lang), styles: map[styleKey]int{}, dateFmt: dateFmtEN, levels: map[ledger.Level]int{}}
	if lang == "it" {
		b.dateFmt = dateFmtIT
	}
	return b
}

// style returns the style id for k, creating it once.
func (b *book) style(k styleKey) int {
	if id, ok := b.styles[k]; ok {
		return id
	}
	s := &excelize.Style{}
	if k.numFmt != "" {
		nf := k.numFmt
		s.CustomNumFmt = &nf
	}
	if k.bold {
		// The workbook's own font: a bold font without a family shows in
		// LibreOffice's default serif, unlike every other cell.
		s.Font = &excelize.Font{Bold: true, Family: "Calibri", Size: 11}
		s.Alignment = &excelize.Alignment{Vertical: "top"}
	}
	if k.fill {
		s.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF2CC"}}
	}
	if k.link {
		s.Font = &excelize.Font{Color: "0563C1", Underline: "single", Family: "Calibri", Size: 11}
	}
	if k.unlocked {
		s.Protection = &excelize.Protection{Locked: false}
	}
	if k.top {
		s.Alignment = &excelize.Alignment{Vertical: "top"}
	}
	if k.wrap {
		s.Alignment = &excelize.Alignment{WrapText: true, Vertical: "top"}
	}
	id, err := b.f.NewStyle(s)
	if err != nil {
		// The styles above are constants: an error is a programming bug,
		// and a cell without style is still correct data.
		return 0
	}
	b.styles[k] = id
	if k.numFmt != "" {
		if b.formats == nil {
			b.formats = map[int]string{}
		}
		b.formats[id] = k.numFmt
	}
	return id
}

func (b *book) euro(fill bool) int    { return b.style(styleKey{numFmt: euroFmt, fill: fill}) }
func (b *book) date(fill bool) int    { return b.style(styleKey{numFmt: b.dateFmt, fill: fill}) }
func (b *book) text(fill bool) int    { return b.style(styleKey{fill: fill}) }
func (b *book) integer(fill bool) int { return b.style(styleKey{numFmt: integerFmt, fill: fill}) }
func (b *book) header() int           { return b.style(styleKey{bold: true}) }

// maxShownDecimals caps the decimals an amount shows: ETH's 18 would
// widen every amount column past a printed page (or print "###"), while
// the cell keeps the value and the input row its full precision.
const maxShownDecimals = 8

// native returns the style for an amount in a currency with the given
// decimals of its smallest unit (0.00000000 for BTC).
func (b *book) native(minor int, fill bool) int {
	f := integerFmt
	if minor > 0 {
		f += "." + strings.Repeat("0", min(minor, maxShownDecimals))
	}
	return b.style(styleKey{numFmt: f, fill: fill})
}

// num turns an exact decimal into the double a cell stores. xlsx cells
// are IEEE doubles; parsing the decimal's own string rounds once to the
// nearest double, so amounts in cents (15 significant digits) survive.
func num(d decimal.Decimal) float64 {
	// The common case without text: a coefficient under 2^53 and a power
	// of ten up to 22 are both exact doubles, and one IEEE division or
	// multiplication rounds once to the nearest double, as ParseFloat
	// does (fuzzed against it).
	if e := d.Exponent(); e >= -maxExactPow10 && e <= maxExactPow10 {
		i := e + maxExactPow10
		if d.Cmp(exactBounds[i][0]) > 0 && d.Cmp(exactBounds[i][1]) < 0 {
			c := float64(d.CoefficientInt64())
			if e < 0 {
				return c / exactPow10[-e]
			}
			return c * exactPow10[e]
		}
	}
	v, err := strconv.ParseFloat(d.String(), 64)
	if err != nil {
		return d.InexactFloat64()
	}
	return v
}

// maxExactPow10 is the largest power of ten a double holds exactly.
const maxExactPow10 = 22

var exactPow10 = [maxExactPow10 + 1]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

// exactBounds[e+22] is ±2^53 at exponent e: a decimal strictly between
// them has a coefficient a double holds exactly. Comparing at the same
// exponent costs no allocation.
var exactBounds = func() (b [2*maxExactPow10 + 1][2]decimal.Decimal) {
	for e := -maxExactPow10; e <= maxExactPow10; e++ {
		b[e+maxExactPow10] = [2]decimal.Decimal{decimal.New(-(1 << 53), int32(e)), decimal.New(1<<53, int32(e))}
	}
	return b
}()

// cell helpers build stream cells. Text is always a string value: the
// stream writer stores it as an inline string, never as a formula.
func textCell(s string, style int) excelize.Cell { return excelize.Cell{Value: s, StyleID: style} }

func moneyCell(d decimal.Decimal, ok bool, style int) any {
	if !ok {
		return excelize.Cell{StyleID: style}
	}
	return excelize.Cell{Value: num(d), StyleID: style}
}

func dateCell(t time.Time, style int) any {
	if t.IsZero() {
		return excelize.Cell{StyleID: style}
	}
	return excelize.Cell{Value: t, StyleID: style}
}

func intCell(n int, style int) any { return excelize.Cell{Value: n, StyleID: style} }

// sheetPart is one physical sheet of a table.
type sheetPart struct {
	name string
	sw   *excelize.StreamWriter
	// x replaces sw for the tables that can hold a million rows.
	x       *xmlSheet
	crc     *crcWriter
	row     int // last row written
	dataEnd int // last row inside the autofilter
}

// table writes one logical table through excelize's stream writer,
// continuing on a new sheet when a sheet is full.
type table struct {
	b       *book
	base    string
	headers []string
	styles  []int // per column; 0 for text
	widths  []float64
	parts   []*sheetPart
	footer  bool
	// fast tables are written by xmlSheet and spliced in after saving.
	fast bool
	// beforeFlush runs on each sheet of the table once its autofilter is
	// set, for what the stream writer writes only at the end (sheet
	// protection, data validation).
	beforeFlush func(p *sheetPart) error
	// hidden columns (0-based) are written but not shown.
	hidden []int
	// keyCols is how many leading columns identify a row (1 when 0):
	// repeated on every page when the table prints across pages.
	keyCols int
	// onePage tables print one page wide whatever their width, their
	// headers wrapped.
	onePage bool
}

// newTable starts the table on its sheet, which must already exist.
// sample rows (may be nil) fit the column widths.
// styles gives each column's style (nil or 0 for text): plain values in
// a row take it, so that rows need no per-cell style.
func (b *book) newTable(sheet string, headers []string, styles []int, sample [][]any) (*table, error) {
	return b.startTable(sheet, headers, styles, sample, false, maxColWidth)
}

// newFastTable is newTable for the long sheets (Payments, Unattributed,
// Data issues), written by xmlSheet.
func (b *book) newFastTable(sheet string, headers []string, styles []int, sample [][]any) (*table, error) {
	return b.startTable(sheet, headers, styles, sample, true, maxColWidth)
}

// startTable starts a table whose text columns are at most textCap wide
// (longer text wraps): a narrower cap keeps a many-columned table one
// printed page wide.
func (b *book) startTable(sheet string, headers []string, styles []int, sample [][]any, fast bool, textCap float64) (*table, error) {
	widths := b.fitTableWidths(headers, styles, sample, textCap)
	t := &table{b: b, base: sheet, headers: headers, styles: b.wrapLongText(styles, widths, sample), widths: widths, fast: fast}
	return b.openTable(t)
}

// fitTableWidths fits a table's column widths to its headers and sample
// rows, text columns at most textCap wide.
func (b *book) fitTableWidths(headers []string, styles []int, sample [][]any, textCap float64) []float64 {
	widths := fitWidths(headers, sample)
	for i := range widths {
		if (i >= len(styles) || styles[i] == 0) && headers[i] != shaHeader {
			widths[i] = min(widths[i], textCap)
		}
	}
	b.fitNumberWidths(widths, styles, sample)
	return widths
}

// openTable adds t to the book and starts it on its sheet, t.base.
func (b *book) openTable(t *table) (*table, error) {
	b.tables = append(b.tables, t)
	if err := t.open(t.base); err != nil {
		return nil, err
	}
	return t, nil
}

func (t *table) openFast(sheet string) error {
	x, crc, err := newXMLSheet("", sheet, t.widths, t.styles, t.fitsPage())
	if err != nil {
		return err
	}
	p := &sheetPart{name: sheet, x: x, crc: crc}
	t.parts = append(t.parts, p)
	return t.writeHeader(p)
}

func (t *table) writeHeader(p *sheetPart) error {
	hs := t.b.header()
	if t.onePage {
		hs = t.b.style(styleKey{bold: true, wrap: true})
	}
	row := make([]any, len(t.headers))
	for i, h := range t.headers {
		row[i] = textCell(h, hs)
	}
	return t.write(p, row)
}

func (t *table) open(sheet string) error {
	if t.fast {
		return t.openFast(sheet)
	}
	if t.fitsPage() {
		if err := t.b.fitToPageProps(sheet); err != nil {
			return err
		}
	}
	sw, err := t.b.f.NewStreamWriter(sheet)
	if err != nil {
		return fmt.Errorf("stream sheet %q: %w", sheet, err)
	}
	for i, w := range t.widths {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return fmt.Errorf("sheet %q column width: %w", sheet, err)
		}
	}
	for i, st := range t.styles {
		if st == 0 {
			continue
		}
		if err := sw.SetColStyle(i+1, i+1, st); err != nil {
			return fmt.Errorf("sheet %q column style: %w", sheet, err)
		}
	}
	for _, c := range t.hidden {
		if err := sw.SetColVisible(c+1, c+1, false); err != nil {
			return fmt.Errorf("sheet %q hidden column: %w", sheet, err)
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return fmt.Errorf("sheet %q panes: %w", sheet, err)
	}
	p := &sheetPart{name: sheet, sw: sw}
	t.parts = append(t.parts, p)
	return t.writeHeader(p)
}

func (t *table) write(p *sheetPart, cells []any) error {
	p.row++
	if p.x != nil {
		if err := p.x.writeRow(cells); err != nil {
			return fmt.Errorf("sheet %q row %d: %w", p.name, p.row, err)
		}
		return nil
	}
	var opts []excelize.RowOpts
	if t.onePage {
		if lines := t.lines(cells); lines > 1 {
			opts = append(opts, excelize.RowOpts{Height: rowHeight * float64(lines)})
		}
	}
	if err := p.sw.SetRow(rowRef(p.row), cells, opts...); err != nil {
		return fmt.Errorf("sheet %q row %d: %w", p.name, p.row, err)
	}
	return nil
}

// rowHeight is the height of one line of text, in points.
const rowHeight = 15

// lines is how many lines the tallest cell of a row takes, its text
// wrapped at its column's width: the height the row is given, since a
// reader does not grow a row to its wrapped text by itself.
func (t *table) lines(cells []any) int {
	n := 1
	for i, c := range cells {
		if s, ok := cellText(c); ok && i < len(t.widths) {
			n = max(n, wrappedLines(s, t.widths[i]))
		}
	}
	return n
}

// wrappedLines counts the lines s takes wrapped at word boundaries in a
// column width characters wide; a word wider than the column is broken.
func wrappedLines(s string, width float64) int {
	room := max(int(width)-1, 1)
	n := 0
	for _, para := range strings.Split(s, "\n") {
		n++
		used := 0
		for _, w := range strings.Fields(para) {
			ww := textWidth(w)
			switch {
			case used == 0:
				used = ww
			case used+1+ww <= room:
				used += 1 + ww
			default:
				n++
				used = ww
			}
			for used > room {
				n++
				used -= room
			}
		}
	}
	return n
}

// add writes a data row, moving to a continuation sheet when full.
func (t *table) add(cells []any) error {
	p := t.parts[len(t.parts)-1]
	if p.row >= MaxSheetRows {
		name := fmt.Sprintf("%s (%d)", t.base, len(t.parts)+1)
		if _, err := t.b.f.NewSheet(name); err != nil {
			return fmt.Errorf("continuation sheet %q: %w", name, err)
		}
		if len(t.parts) == 1 {
			t.b.continued = append(t.b.continued, t.base)
		}
		if err := t.open(name); err != nil {
			return err
		}
		p = t.parts[len(t.parts)-1]
	}
	if err := t.write(p, cells); err != nil {
		return err
	}
	if !t.footer {
		p.dataEnd = p.row
	}
	return nil
}

// addFooter writes rows below the data (totals, notes), outside the
// autofilter range.
func (t *table) addFooter(cells []any) error {
	t.footer = true
	return t.add(cells)
}

// last is the sheet being written and the next row number.
func (t *table) last() *sheetPart { return t.parts[len(t.parts)-1] }

// sheetNames lists the table's sheets in order.
func (t *table) sheetNames() []string {
	names := make([]string, len(t.parts))
	for i, p := range t.parts {
		names[i] = p.name
	}
	return names
}

// rowRef is the A-column reference of a row; cheaper than
// CoordinatesToCellName on the hot path.
func rowRef(row int) string { return "A" + strconv.Itoa(row) }

func colName(col int) string {
	n, _ := excelize.ColumnNumberToName(col)
	return n
}

// wrapLongText gives the text columns whose sample text is wider than the
// column a wrapping style (docs/report.md#print): on paper the text
// stays in its column instead of running over its neighbours.
func (b *book) wrapLongText(styles []int, widths []float64, sample [][]any) []int {
	out := make([]int, len(widths))
	copy(out, styles)
	for _, row := range sample {
		for i, c := range row {
			if i >= len(out) || out[i] != 0 {
				continue
			}
			if _, isText := cellText(c); isText && float64(displayLen(c))+2 > widths[i] {
				out[i] = b.style(styleKey{wrap: true})
			}
		}
	}
	return out
}

// fitNumberWidths widens the columns whose numbers would print as "###":
// a format with 8 or 18 decimals (BTC, ETH) shows far more than the two
// decimals fitWidths counts, a date needs ten characters whatever the
// header, and a euro column leaves room for its total.
func (b *book) fitNumberWidths(widths []float64, styles []int, sample [][]any) {
	for i := range widths {
		if i >= len(styles) {
			break
		}
		switch b.formats[styles[i]] {
		case dateFmtEN, dateFmtIT:
			widths[i] = max(widths[i], 12)
		case euroFmt:
			widths[i] = max(widths[i], 17)
		}
	}
	for _, row := range sample {
		for i, c := range row {
			if i >= len(widths) {
				break
			}
			st := 0
			if i < len(styles) {
				st = styles[i]
			}
			if cell, ok := c.(excelize.Cell); ok {
				c = cell.Value
				if cell.StyleID != 0 {
					st = cell.StyleID
				}
			}
			v, ok := c.(float64)
			if !ok {
				continue
			}
			if f, known := b.formats[st]; known {
				widths[i] = max(widths[i], float64(numberWidth(f, v)+3))
			}
		}
	}
}

// numberWidth is how many characters format f shows for v: sign, digits
// with thousands separators, decimal point and the format's decimals,
// and the text the format adds (" €", " %").
func numberWidth(f string, v float64) int {
	digits := len(strconv.FormatFloat(math.Abs(v), 'f', 0, 64))
	n := digits + (digits-1)/3
	if v < 0 {
		n++
	}
	if i := strings.IndexByte(f, '.'); i >= 0 {
		n++
		for _, r := range f[i+1:] {
			if r != '0' && r != '#' {
				break
			}
			n++
		}
	}
	if strings.Contains(f, `"`) {
		n += 2
	}
	return n
}

func cellText(c any) (string, bool) {
	if cell, ok := c.(excelize.Cell); ok {
		c = cell.Value
	}
	s, ok := c.(string)
	return s, ok
}

// fitWidths sizes columns from the header and the sample values.
func fitWidths(headers []string, sample [][]any) []float64 {
	w := make([]float64, len(headers))
	for i, h := range headers {
		w[i] = float64(utf8.RuneCountInString(h)) + 2
	}
	unbreakable := make([]bool, len(headers))
	for _, row := range sample {
		for i, c := range row {
			if i >= len(w) {
				break
			}
			n := float64(displayLen(c)) + 2
			if n > w[i] {
				w[i] = n
			}
			if _, ok := cellText(c); ok && headers[i] == shaHeader {
				unbreakable[i] = true
				w[i] = max(w[i], n+4) // hex digits are not all of the average width
			}
		}
	}
	for i := range w {
		w[i] = max(w[i], minColWidth)
		if w[i] > maxColWidth && !unbreakable[i] {
			w[i] = maxColWidth
		}
		w[i] = min(w[i], maxWordWidth)
	}
	return w
}

// maxWordWidth is the widest column: a SHA-256 column is widened up to it
// rather than wrapped, so that each hash prints whole on one line and
// paper can verify a file.
const maxWordWidth = 70

// shaHeader heads the columns of SHA-256 hashes (the same in Italian).
const shaHeader = "SHA-256"

// displayLen estimates how many characters a cell shows.
func displayLen(c any) int {
	if cell, ok := c.(excelize.Cell); ok {
		c = cell.Value
	}
	switch v := c.(type) {
	case string:
		n := 0
		for _, line := range strings.Split(v, "\n") {
			n = max(n, textWidth(line))
		}
		return n
	case time.Time:
		return 10
	case float64:
		// Thousands separators and a currency sign or decimals.
		return len(strconv.FormatFloat(v, 'f', 2, 64)) + 4
	case int:
		return len(strconv.Itoa(v)) + 1
	}
	return 0
}

// textWidth is a line's width in average characters: capitals (tax
// codes, IBANs, surnames in upper case) are about a third wider than the
// average character, and a column fitted to their count cuts them off.
func textWidth(line string) int {
	n, caps := 0, 0
	for _, r := range line {
		n++
		if unicode.IsUpper(r) {
			caps++
		}
	}
	return n + (caps+2)/3
}

// finish puts the sheets in their final order, sets the autofilters (their
// defined names carry sheet positions, so only once the order is final),
// and flushes every stream.
func (b *book) finish(order []string) error {
	var want []string
	for _, name := range order {
		want = append(want, name)
		for _, t := range b.tables {
			if t.base == name {
				want = append(want, t.sheetNames()[1:]...)
			}
		}
	}
	for i, name := range want {
		cur := b.f.GetSheetList()
		if i < len(cur) && cur[i] != name {
			if err := b.f.MoveSheet(name, cur[i]); err != nil {
				return fmt.Errorf("order sheet %q: %w", name, err)
			}
		}
	}
	for _, t := range b.tables {
		for _, p := range t.parts {
			ref := "A1:" + colName(len(t.headers)) + strconv.Itoa(max(p.dataEnd, 1))
			if err := b.f.AutoFilter(p.name, ref, nil); err != nil {
				return fmt.Errorf("autofilter %q: %w", p.name, err)
			}
			fit, keys := t.fitsPage(), 0
			if !fit {
				keys = max(t.keyCols, 1)
			}
			if err := b.printTitles(p.name, keys); err != nil {
				return err
			}
			if p.x != nil {
				sp, err := p.x.finish(p.crc, ref, b.page, fit)
				if err != nil {
					return err
				}
				b.splices = append(b.splices, sp)
				continue
			}
			if t.beforeFlush != nil {
				if err := t.beforeFlush(p); err != nil {
					return err
				}
			}
			if err := b.pageSetup(p.name, fit); err != nil {
				return err
			}
			if err := p.sw.Flush(); err != nil {
				return fmt.Errorf("flush sheet %q: %w", p.name, err)
			}
		}
	}
	return nil
}
