package ingest

import (
	"errors"
	"io"
	"strings"

	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/msg"
)

// ErrUnreadable is wrapped by every error that means "this input cannot be
// read at all" (exit 2).
var ErrUnreadable = errors.New("unreadable input")

const (
	// headerSearchRows is how far down a table the header is looked for:
	// bank exports put an account preamble of 30 rows and more above it.
	headerSearchRows = 100
	// notationSampleRows is how many data rows are held back to decide
	// each amount column's notation before the rest is streamed.
	notationSampleRows = 1000
)

// rowReader yields the records of one table with the 1-based row (or
// line) where each starts. A *rowError is a malformed record that the
// table rejects and reading goes on; any other error stops the table.
type rowReader interface {
	next() ([]string, int, error)
}

// rowError is a record the reader could not split into cells.
type rowError struct {
	row int
	msg string
}

func (e *rowError) Error() string { return e.msg }

// problem is why a row is rejected.
type problem struct {
	col   int // column index, -1 for the whole row
	value string
	msg   msg.Message
}

// rejectErr rejects a cell whose value could not be read.
func rejectErr(col int, value string, err error) *problem {
	return &problem{col: col, value: value, msg: messageOf(err)}
}

// rowFunc types one data row and emits it; it returns the reason for a
// rejection, or an error that stops reading (the caller's emit failed).
type rowFunc func(rec []string, row int) (*problem, error)

// table is one CSV file or one xlsx sheet being read.
type table struct {
	src      ledger.Source
	m        *matcher
	h        *header
	cols     []int      // field index -> column, -1 when absent
	notation []Notation // per column
	xlsx     bool
	date1904 bool
	// defaultNotation decides columns whose every value is ambiguous.
	defaultNotation Notation
	report          func(ledger.Issue)
	titles          []string
	// amounts shares the decimals of repeated amount cells.
	amounts *decimalCache
	// controls is set when cells may hold control characters (the text
	// check found some, or the reader cannot tell): each data row's
	// cells are then cleaned (cleanControls).
	controls bool
	// dates holds the order of each date column, by column index.
	dates []*columnDates
	// profiles are the export profiles a payments table is tried
	// against (the case file's, then the built-in ones); prof is the one
	// that matched, nil for a generic table.
	profiles []*Profile
	prof     *compiledProfile
	// notEUR says why amounts without a currency must not be read as
	// EUR (see cryptoGuard).
	notEUR string
}

// col returns the column index of a field, -1 when the table lacks it.
func (t *table) col(name string) int { return t.cols[t.m.index(name)] }

// cell returns the trimmed cell at column i ("" when absent).
func cell(rec []string, i int) string {
	if i < 0 || i >= len(rec) {
		return ""
	}
	return strings.TrimSpace(rec[i])
}

func (t *table) header(col int) string {
	if col < 0 || col >= len(t.h.cells) {
		return ""
	}
	return strings.TrimSpace(t.h.cells[col])
}

func (t *table) issue(row int, col int, value string, m msg.Message) {
	if t.report == nil {
		return
	}
	t.report(t.issueAt(row, col, value, m))
}

func (t *table) issueAt(row int, col int, value string, m msg.Message) ledger.Issue {
	return ledger.Issue{Path: t.src.Path, Sheet: t.src.Sheet, Row: row, Column: t.header(col), Value: value, Msg: m, Level: ledger.LevelRejected}
}

func blank(rec []string) bool {
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// errNoHeader means no row of the first headerSearchRows is a usable
// header; looked is how many rows were searched.
type errNoHeader struct {
	reason msg.Message
	looked int
}

func (e *errNoHeader) Error() string {
	return "no recognisable header in " + searchedRows(e.looked) + ": " + e.reason.String()
}

// searchedRows says how far the header search looked.
func searchedRows(n int) string {
	if n < headerSearchRows {
		return "the table's " + itoa(n) + " rows"
	}
	return "the first " + itoa(n) + " rows"
}

type bufferedRow struct {
	rec []string
	row int
	err *rowError
}

// readHead buffers the rows that may hold the header.
func readHead(rr rowReader, n int) ([]bufferedRow, error) {
	var head []bufferedRow
	for len(head) < n {
		rec, row, err := rr.next()
		if err == io.EOF {
			break
		}
		var re *rowError
		if errors.As(err, &re) {
			head = append(head, bufferedRow{row: re.row, err: re})
			continue
		}
		if err != nil {
			return nil, err
		}
		head = append(head, bufferedRow{rec: cloneCells(rec), row: row})
	}
	return head, nil
}

// cloneCells copies a record and its text: the header and title rows are
// kept for the whole table and must not hold on to a reader's block.
func cloneCells(rec []string) []string {
	out := make([]string, len(rec))
	for i, c := range rec {
		out[i] = strings.Clone(c)
	}
	return out
}

// locateHeader finds the header among the buffered rows and sets up t.
func (t *table) locateHeader(head []bufferedRow) (rest []bufferedRow, err error) {
	rows := make([][]string, len(head))
	for i, b := range head {
		rows[i] = b.rec
	}
	if len(t.profiles) > 0 || t.src.Profile != "" {
		idx, p, err := pickProfile(rows, t.profiles, t.src.Profile)
		if err != nil {
			return nil, err
		}
		if p != nil {
			return t.useProfile(head, idx, p)
		}
	}
	idx, h, reason := t.m.findHeader(rows)
	split := false
	if i, hs := t.m.findSplitHeader(rows, idx, h); i >= 0 {
		idx, h, split = i, hs, true
	}
	if idx < 0 {
		return nil, &errNoHeader{reason: reason, looked: len(head)}
	}
	t.h, t.cols = h, h.cols
	t.src.Unknown = h.unknown
	t.src.Headers = make(map[string]string, len(h.cols))
	for i, c := range h.cols {
		if c >= 0 && i < len(t.m.fields) {
			t.src.Headers[t.m.fields[i].Name] = t.header(c)
		}
	}
	for _, b := range head[:idx] {
		if line := titleLine(b.rec); line != "" {
			t.titles = append(t.titles, line)
		}
	}
	if len(h.unknown) > 0 && t.report != nil {
		t.report(ledger.Issue{Path: t.src.Path, Sheet: t.src.Sheet, Row: 0, Column: strings.Join(h.unknown, ", "), Msg: msg.New(msg.UnknownColumn), Level: ledger.LevelNote})
	}
	if split {
		t.note(msg.New(msg.HeaderTwoRows, msg.Int(head[idx].row), msg.Int(head[idx+1].row), msg.Text(titleLine(h.cells))))
		return head[idx+2:], nil
	}
	return head[idx+1:], nil
}

// useProfile sets t up to read with profile p, whose header is head[idx].
func (t *table) useProfile(head []bufferedRow, idx int, p *Profile) ([]bufferedRow, error) {
	cp, h, err := compileProfile(p, head[idx].rec)
	if err != nil {
		return nil, err
	}
	t.prof, t.h, t.cols = cp, h, h.cols
	t.m = &matcher{kind: t.m.kind, fields: profileFieldDefs}
	t.src.Profile = p.Name
	t.src.Unknown = h.unknown
	for _, b := range head[:idx] {
		if line := titleLine(b.rec); line != "" {
			t.titles = append(t.titles, line)
		}
	}
	if len(h.unknown) > 0 && t.report != nil {
		t.report(ledger.Issue{Path: t.src.Path, Sheet: t.src.Sheet, Row: 0, Column: strings.Join(h.unknown, ", "), Msg: msg.New(msg.UnknownColumn), Level: ledger.LevelNote})
	}
	// A built-in profile's title is in the catalogue; a case file's
	// profile is titled in the user's own words.
	title := msg.Text(p.Title)
	if msg.HasLabel(p.Title) {
		title = msg.Term(p.Title)
	}
	t.note(msg.New(msg.ReadWithProfile, msg.Text(p.Name), title, msg.Int(head[idx].row)))
	return head[idx+1:], nil
}

func titleLine(rec []string) string {
	var parts []string
	for _, c := range rec {
		if c = strings.TrimSpace(c); c != "" {
			parts = append(parts, c)
		}
	}
	return strings.Join(parts, "; ")
}

// run reads the table below its header: it holds back up to
// notationSampleRows rows to decide the number notation of each amount
// column, then streams.
func (t *table) run(rr rowReader, rest []bufferedRow, amountCols []int, newRow func(*table) rowFunc) error {
	sample := rest
	for len(sample) < notationSampleRows {
		rec, row, err := rr.next()
		if err == io.EOF {
			break
		}
		var re *rowError
		if errors.As(err, &re) {
			sample = append(sample, bufferedRow{row: re.row, err: re})
			continue
		}
		if err != nil {
			return err
		}
		sample = append(sample, bufferedRow{rec: append([]string(nil), rec...), row: row})
	}
	t.decideNotation(sample, amountCols)
	t.dates = dateColumns(t.m, t.h, sample)
	if t.prof != nil {
		if err := t.prof.settle(t, sample); err != nil {
			return err
		}
		if n := t.prof.p.Notation; n != NotationUnknown {
			for _, c := range amountCols {
				if c >= 0 && c < len(t.notation) {
					t.notation[c] = n
				}
			}
		}
	} else {
		// A profile says its currency and units; a generic table may not.
		t.notEUR = cryptoGuard(t, sample)
	}
	fn := newRow(t)
	for _, b := range sample {
		if err := t.account(fn, b.rec, b.row, b.err); err != nil {
			return err
		}
	}
	sample = nil
	for {
		rec, row, err := rr.next()
		if err == nil {
			err = t.account(fn, rec, row, nil)
		} else {
			err = t.accountFailed(fn, err)
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// accountFailed handles a record the reader could not return: a
// malformed row is rejected and reading goes on; io.EOF and other errors
// stop it. Apart from run's loop so that errors.As's target does not
// escape to the heap on every row.
func (t *table) accountFailed(fn rowFunc, err error) error {
	var re *rowError
	if errors.As(err, &re) {
		return t.account(fn, nil, re.row, re)
	}
	return err
}

// account runs one row through fn and keeps Rows = Accepted + Rejected.
func (t *table) account(fn rowFunc, rec []string, row int, re *rowError) error {
	if re == nil && blank(rec) {
		return nil
	}
	t.src.Rows++
	if t.controls && re == nil {
		t.cleanControls(rec, row)
	}
	if re != nil {
		t.src.Rejected++
		t.issue(row, -1, "", msg.New(msg.Detail, msg.Text(re.msg)))
		return nil
	}
	p, err := fn(rec, row)
	if err != nil {
		return err
	}
	if p != nil {
		t.src.Rejected++
		t.issue(row, p.col, p.value, p.msg)
		return nil
	}
	t.src.Accepted++
	return nil
}

// decideNotation votes per amount column over the sampled values.
func (t *table) decideNotation(sample []bufferedRow, cols []int) {
	width := len(t.h.cells)
	for _, c := range cols {
		if c+1 > width {
			width = c + 1
		}
	}
	t.notation = make([]Notation, width)
	for _, c := range cols {
		if c < 0 {
			continue
		}
		if t.h.layout != nil && t.h.layout.notation != NotationUnknown {
			t.notation[c] = t.h.layout.notation // a machine-written export
			continue
		}
		it, en := 0, 0
		for _, b := range sample {
			switch notationOf(cell(b.rec, c)) {
			case NotationItalian:
				it++
			case NotationEnglish:
				en++
			}
		}
		switch {
		case it > en:
			t.notation[c] = NotationItalian
		case en > it:
			t.notation[c] = NotationEnglish
		default:
			t.notation[c] = t.defaultNotation
		}
	}
}

// notationOf returns the decided notation of a column.
func (t *table) notationAt(col int) Notation {
	if col < 0 || col >= len(t.notation) {
		return t.defaultNotation
	}
	return t.notation[col]
}
