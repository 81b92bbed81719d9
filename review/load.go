package review

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/msg"
	"github.com/crosscheck/crosscheck/outfile"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// Decision is a person's decision on one flag, read from a row of an
// earlier workbook, with what the flag looked like when it was decided.
type Decision struct {
	FlagID, Suspect, Application string
	Decision                     string // Confirmed, Rejected, Unsure, or "" (a note without a decision, or an unknown value)
	Reviewer                     string
	ReviewDate                   time.Time
	Note                         string

	// The flag as the reviewer saw it (canonical English class).
	Class                                    string
	MonthsPaid                               int
	BenefitEUR, RecoveryEUR, IncomeDuringEUR decimal.Decimal
	OverlapMonths                            int

	// Where the decision was read: the workbook, its SHA-256, the sheet and
	// the row (1-based, as Excel shows it).
	Source string
	SHA256 string
	Sheet  string
	Row    int
}

// Size limits for reading a workbook: a crafted file must not exhaust
// memory (docs/rules.md#scale).
const (
	unzipSizeLimit    int64 = 1 << 30
	unzipXMLSizeLimit int64 = 256 << 20
)

// headerSearchRows is how far down a sheet the header is looked for.
const headerSearchRows = 20

var rawCells = excelize.Options{RawCellValue: true}

// Load reads the decisions from an earlier crosscheck workbook, English or
// Italian. Rows with no decision and no note are not decisions. Every
// problem is an Issue and the run goes on: reviews are an aid, never a
// reason to stop. An unreadable file gives one Issue saying so, and no
// decisions.
func Load(path string) ([]Decision, []ledger.Issue) {
	fileIssue := func(problem msg.Message) []ledger.Issue {
		return []ledger.Issue{{Path: path, Msg: problem, Level: ledger.LevelRejected}}
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fileIssue(msg.New(msg.ReviewsUnreadable, msg.Text(err.Error())))
	}
	sum := sha256.Sum256(b)
	// excelize writes large parts to files it reopens by name: a folder
	// only this user can enter, removed when the workbook is read.
	scratch, err := outfile.ScratchDir()
	if err != nil {
		return nil, fileIssue(msg.New(msg.ReviewsUnreadable, msg.Text(err.Error())))
	}
	defer outfile.RemoveScratchDir(scratch)
	f, err := excelize.OpenReader(bytes.NewReader(b), excelize.Options{UnzipSizeLimit: unzipSizeLimit, UnzipXMLSizeLimit: unzipXMLSizeLimit, TmpDir: scratch})
	if err != nil {
		return nil, fileIssue(msg.New(msg.ReviewsNotXLSX, msg.Text(err.Error())))
	}
	defer f.Close()
	l := &loader{f: f, path: path, sha: hex.EncodeToString(sum[:]), seen: map[string]int{}}
	flags := findSheet(f, flagSheets)
	if flags == "" {
		return nil, fileIssue(msg.New(msg.ReviewsNoFlagsSheet, msg.Text(flagSheets[0]), msg.Text(flagSheets[1])))
	}
	if !l.readSheet(flags, true) {
		return nil, l.issues
	}
	if w := findSheet(f, withdrawnSheets); w != "" {
		l.readSheet(w, false)
	}
	return l.out, l.issues
}

// findSheet returns the first sheet of f named like one of names.
func findSheet(f *excelize.File, names []string) string {
	for _, s := range f.GetSheetList() {
		for _, n := range names {
			if strings.EqualFold(strings.TrimSpace(s), n) {
				return s
			}
		}
	}
	return ""
}

// loader reads one workbook's decisions.
type loader struct {
	f      *excelize.File
	path   string
	sha    string
	out    []Decision
	issues []ledger.Issue
	seen   map[string]int // flag id -> index in out
}

func (l *loader) issue(sheet string, row int, col, value string, problem msg.Message) {
	l.issues = append(l.issues, ledger.Issue{Path: l.path, Sheet: sheet, Row: row, Column: col, Value: value, Msg: problem, Level: ledger.LevelRejected})
}

// readSheet reads the decisions of one sheet. It returns false when the
// sheet has no crosscheck flags header; required says whether that is
// the workbook's fault (the flags sheet) or normal (an optional sheet).
func (l *loader) readSheet(sheet string, required bool) bool {
	rows, err := l.f.GetRows(sheet, rawCells)
	if err != nil {
		l.issue(sheet, 0, "", "", msg.New(msg.ReviewsSheetUnreadable, msg.Text(err.Error())))
		return false
	}
	hdr, cols, missing := findHeader(rows)
	if hdr < 0 {
		l.issue(sheet, 0, "", strings.Join(missing, ", "), msg.New(msg.ReviewsNoHeader))
		return false
	}
	for i := hdr + 1; i < len(rows); i++ {
		l.readRow(sheet, i+1, rows[i], cols)
	}
	return true
}

// findHeader finds the row holding every required column, in one
// language or the other (a user may retype a header in either). It
// returns the row index, the column index of each key, and, when no row
// qualifies, the required columns missing from the best candidate.
func findHeader(rows [][]string) (int, map[string]int, []string) {
	var bestMissing []string
	for i := 0; i < len(rows) && i < headerSearchRows; i++ {
		cols := map[string]int{}
		for j, cell := range rows[i] {
			h := foldHeader(cell)
			for _, c := range columns {
				if _, ok := cols[c.key]; !ok && (h == foldHeader(c.en) || h == foldHeader(c.it)) {
					cols[c.key] = j
				}
			}
		}
		var missing []string
		for _, c := range columns {
			if _, ok := cols[c.key]; c.required && !ok {
				missing = append(missing, c.en)
			}
		}
		if len(missing) == 0 {
			return i, cols, nil
		}
		if bestMissing == nil || len(missing) < len(bestMissing) {
			bestMissing = missing
		}
	}
	if bestMissing == nil {
		for _, c := range columns {
			if c.required {
				bestMissing = append(bestMissing, c.en)
			}
		}
	}
	return -1, nil, bestMissing
}

// readRow turns one row into a decision, or into nothing when the row
// carries neither a decision nor a note.
func (l *loader) readRow(sheet string, rowNum int, row []string, cols map[string]int) {
	get := func(key string) string {
		j, ok := cols[key]
		if !ok || j >= len(row) {
			return ""
		}
		return strings.TrimSpace(row[j])
	}
	// An issue names the column as the sheet writes it: Italian on an
	// Italian sheet.
	header := func(key string) string { return columnHeader(key, sheet) }
	rawDecision, note := get(colDecision), get(colNote)
	if rawDecision == "" && note == "" {
		return
	}
	id := get(colID)
	if id == "" {
		l.issue(sheet, rowNum, header(colDecision), rawDecision, msg.New(msg.ReviewNoFlagID))
		return
	}
	d := Decision{FlagID: id, Suspect: get(colSuspect), Application: get(colApp), Reviewer: get(colReviewer),
		Note: note, Source: l.path, SHA256: l.sha, Sheet: sheet, Row: rowNum}
	if rawDecision != "" {
		v, ok := ParseDecision(rawDecision)
		if !ok {
			l.issue(sheet, rowNum, header(colDecision), rawDecision,
				msg.New(msg.ReviewUnknownDecision, msg.Text(strings.Join(append(Decisions, DecisionLabels("it")...), ", "))))
		}
		d.Decision = v
	}
	if s := get(colDate); s != "" {
		t, ok := parseDate(s)
		if !ok {
			l.issue(sheet, rowNum, header(colDate), s, msg.New(msg.ReviewDateBad))
		}
		d.ReviewDate = t
	}
	figures := currentFigures
	if l.carriedUntouched(&d, get) {
		figures = reviewedFigures
	}
	d.Class = parseClass(get(figures[0]))
	d.MonthsPaid = l.intCell(sheet, rowNum, header(figures[1]), get(figures[1]))
	d.BenefitEUR = l.euroCell(sheet, rowNum, header(figures[2]), get(figures[2]))
	d.OverlapMonths = l.intCell(sheet, rowNum, header(figures[3]), get(figures[3]))
	d.RecoveryEUR = l.euroCell(sheet, rowNum, header(figures[4]), get(figures[4]))
	d.IncomeDuringEUR = l.euroCell(sheet, rowNum, header(figures[5]), get(figures[5]))
	if first, dup := l.seen[id]; dup {
		prev := l.out[first]
		l.issue(sheet, rowNum, header(colID), id,
			msg.New(msg.ReviewTwoRows, msg.Ref(prev.Sheet, "", prev.Row)))
		return
	}
	l.seen[id] = len(l.out)
	l.out = append(l.out, d)
}

// The figures of a flag, in the order readRow reads them: as the row
// shows them now, and as they were when the carried decision was taken.
var (
	currentFigures  = [6]string{colClass, colMonths, colBenefit, colOverlap, colRecovery, colIncome}
	reviewedFigures = [6]string{colRevClass, colRevMonths, colRevBenefit, colRevOverlap, colRevRecovery, colRevIncome}
)

// carriedUntouched reports whether the row carries the figures a decision
// was taken on (a workbook written since those columns exist, for a flag
// that had a decision) and the person left that decision and its date as
// they were. Then the reviewed figures are what was reviewed, not the
// current ones beside them: the evidence may have changed since, and
// nobody looked again. A changed decision or review date is a re-review
// of the figures the row shows now.
func (l *loader) carriedUntouched(d *Decision, get func(string) string) bool {
	carriesFigures := false
	for _, key := range reviewedFigures {
		carriesFigures = carriesFigures || get(key) != ""
	}
	if !carriesFigures {
		return false
	}
	carried, _ := ParseDecision(get(colRevDecision))
	if carried != d.Decision {
		return false
	}
	var carriedDate time.Time
	if s := get(colRevDate); s != "" {
		t, ok := parseDate(s)
		if !ok {
			return false
		}
		carriedDate = t
	}
	return carriedDate.Equal(d.ReviewDate)
}

// intCell reads a count; a cell that is not one is an issue and reads 0,
// which then shows as a change against the current flag.
func (l *loader) intCell(sheet string, row int, col, s string) int {
	if s == "" {
		return 0
	}
	v, err := decimal.NewFromString(s)
	if err != nil || !v.IsInteger() {
		l.issue(sheet, row, col, s, msg.New(msg.ReviewNotWhole))
		return 0
	}
	return int(v.IntPart())
}

// euroCell reads an amount as the workbook stores it (a number), rounded
// to the cent: the cell is a double, the figure behind it had cents.
func (l *loader) euroCell(sheet string, row int, col, s string) decimal.Decimal {
	if s == "" {
		return decimal.Zero
	}
	v, err := decimal.NewFromString(s)
	if err != nil {
		l.issue(sheet, row, col, s, msg.New(msg.ReviewNotAmount))
		return decimal.Zero
	}
	return v.Round(2)
}

// dateLayouts are the text forms a typed review date may take.
var dateLayouts = []string{"2006-01-02", "02/01/2006", "2/1/2006", "02-01-2006", "02.01.2006", time.RFC3339}

// parseDate reads a review date: an Excel serial number (a date cell) or
// a typed date, day first.
func parseDate(s string) (time.Time, bool) {
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		if f < 1 || f > 2958465 {
			return time.Time{}, false
		}
		t, err := excelize.ExcelDateToTime(f, false)
		if err != nil {
			return time.Time{}, false
		}
		y, m, d := t.Date()
		return time.Date(y, m, d, 0, 0, 0, 0, time.UTC), true
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			y, m, d := t.Date()
			return time.Date(y, m, d, 0, 0, 0, 0, time.UTC), true
		}
	}
	return time.Time{}, false
}

// LoadAll loads several review workbooks in order. A flag decided in more
// than one is resolved by Apply (the later workbook wins).
func LoadAll(paths []string) ([]Decision, []ledger.Issue) {
	var out []Decision
	var issues []ledger.Issue
	for _, p := range paths {
		d, is := Load(p)
		out = append(out, d...)
		issues = append(issues, is...)
	}
	return out, issues
}
