// Package ingest reads the investigators' spreadsheets (.csv, .tsv, .xlsx)
// into the typed rows of package ledger. Every data row ends up either
// emitted or reported as an Issue with the reason; a file that cannot be
// read at all gives an error wrapping ErrUnreadable.
package ingest

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/msg"
)

// Input is one path from the case: "file.csv", "book.xlsx" (every sheet)
// or "book.xlsx#Sheet".
type Input struct {
	Path string
	// Name is how the input is shown in reports and issues, for example
	// its path relative to the case file, so that the same case gives the
	// same report wherever it is run from; Path when empty.
	Name string
	// Suspect is the case file's `suspect:` for a payments file; copied to
	// Payment.FileSuspect and Source.Suspect.
	Suspect string
	// Profile names the export profile a payments file must be read
	// with (the case file's `profile:`); empty: recognised by header.
	Profile string
	// Programme is the case file's `programme:` for a benefits file: the
	// programme of its rows that have no programme column.
	Programme ledger.Programme
}

// NoProfile as an input's profile reads a payments file by its headers
// alone, never with an export profile.
const NoProfile = "none"

// Options tune one read.
type Options struct {
	// Columns overrides header synonyms for this kind: field name -> header text.
	Columns map[string]string
	// Report receives every rejected row and every problem (may be nil).
	Report func(ledger.Issue)
	// Ahead, when set, has checked the text files ahead of their reading.
	Ahead *Ahead
	// Profiles are the case file's own export profiles, tried before the
	// built-in ones on payments files.
	Profiles []*Profile
}

// ReadSuspects reads a suspects table.
func ReadSuspects(in Input, opt Options, emit func(ledger.Suspect) error) ([]ledger.Source, error) {
	return readInput(in, opt, ledger.KindSuspects, nil, suspectsRow(emit))
}

// ReadIdentifiers reads the long identifiers table (suspect, kind, value).
func ReadIdentifiers(in Input, opt Options, emit func(ledger.Identifier) error) ([]ledger.Source, error) {
	return readInput(in, opt, ledger.KindIdentifiers, nil, identifiersRow(emit))
}

// ReadPayments reads a payments table. The *Payment passed to emit is
// reused: it is valid only during the call.
func ReadPayments(in Input, opt Options, emit func(*ledger.Payment) error) ([]ledger.Source, error) {
	generic, profiled := paymentsRow(emit), profileRow(emit)
	return readInput(in, opt, ledger.KindPayments, []string{"amount", "credit", "debit", "amount_in", "amount_out"}, func(t *table) rowFunc {
		if t.prof != nil {
			return profiled(t)
		}
		return generic(t)
	})
}

// ReadAssets reads seizure records.
func ReadAssets(in Input, opt Options, emit func(ledger.Asset) error) ([]ledger.Source, error) {
	return readInput(in, opt, ledger.KindAssets, []string{"value", "quantity"}, assetsRow(emit))
}

// ReadBenefits reads benefit payments (monthly or period form).
func ReadBenefits(in Input, opt Options, emit func(ledger.BenefitRow) error) ([]ledger.Source, error) {
	return readInput(in, opt, ledger.KindBenefits, []string{"amount", "monthly_amount"}, benefitsRow(in.Programme, emit))
}

// ReadHousehold reads household members of benefit applications.
func ReadHousehold(in Input, opt Options, emit func(ledger.HouseholdMember) error) ([]ledger.Source, error) {
	return readInput(in, opt, ledger.KindHousehold, nil, householdRow(emit))
}

// ReadRates reads the ECB wide file or a long rates/prices table.
func ReadRates(in Input, opt Options, emit func(ledger.Rate) error) ([]ledger.Source, error) {
	return readInput(in, opt, ledger.KindRates, []string{"eur_per_unit", "units_per_eur", "value"}, ratesRow(emit))
}

// SplitSheet separates "book.xlsx#Sheet" into the workbook's path and the
// sheet's name. It splits at the first '#' that ends a workbook's name, so
// a '#' may be part of the file's name ("fascicolo #1.xlsx") and of the
// sheet's ("Pagamenti #2"); a CSV's name keeps its '#'.
func SplitSheet(p string) (path, sheet string) {
	for i := 1; i < len(p); i++ {
		if p[i] == '#' && isWorkbookName(p[:i]) {
			return p[:i], p[i+1:]
		}
	}
	return p, ""
}

func isWorkbookName(p string) bool {
	ext := strings.ToLower(filepath.Ext(p))
	return ext == ".xlsx" || ext == ".xlsm"
}

// isWorkbook decides by extension, and by content for unknown extensions.
func isWorkbook(path string) bool {
	if isWorkbookName(path) {
		return true
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv", ".tsv", ".txt", ".tab", ".zip":
		return false
	}
	fh, err := os.Open(path)
	if err != nil {
		return false
	}
	defer fh.Close()
	magic := make([]byte, 4)
	n, _ := fh.Read(magic)
	return n == 4 && string(magic) == "PK\x03\x04"
}

type rowMaker func(*table) rowFunc

func readInput(in Input, opt Options, kind ledger.Kind, amountFields []string, newRow rowMaker) ([]ledger.Source, error) {
	path, sheet := SplitSheet(in.Path)
	m := newMatcher(kind, opt.Columns)
	shown := path
	if in.Name != "" {
		shown, _ = SplitSheet(in.Name)
	}
	base := ledger.Source{Path: shown, Kind: kind, Suspect: in.Suspect, Profile: in.Profile}
	if isWorkbook(path) {
		return readWorkbook(path, sheet, base, m, opt, amountFields, newRow)
	}
	src, err := readCSV(path, base, m, opt, amountFields, newRow)
	if err != nil {
		return nil, err
	}
	return []ledger.Source{src}, nil
}

func newTable(base ledger.Source, m *matcher, opt Options) *table {
	t := &table{src: base, m: m, report: opt.Report}
	if m.kind == ledger.KindPayments {
		if base.Profile == NoProfile {
			// The case file asks for the file to be read by its
			// headers alone.
			t.src.Profile = ""
		} else {
			t.profiles = append(append([]*Profile(nil), opt.Profiles...), builtinProfiles...)
		}
	}
	return t
}

// amountColumns lists the columns whose notation must be decided.
func (t *table) amountColumns(fields []string) []int {
	var cols []int
	for _, f := range fields {
		if !t.m.hasField(f) {
			continue
		}
		if c := t.col(f); c >= 0 {
			cols = append(cols, c)
		}
	}
	for c := range t.h.wide {
		cols = append(cols, c)
	}
	return cols
}

func readCSV(path string, base ledger.Source, m *matcher, opt Options, amountFields []string, newRow rowMaker) (ledger.Source, error) {
	f, err := openCSV(path, opt.Ahead)
	if err != nil {
		return ledger.Source{}, err
	}
	defer f.close()
	rr := f.rows
	// Payment rows are spooled and dropped: their cells may share the
	// reader's blocks. Other kinds keep some cells for the whole run.
	rr.r.share = m.kind == ledger.KindPayments
	t := newTable(base, m, opt)
	t.controls = f.info.controls || f.info.utf16 != notUTF16
	switch f.delim {
	case ';':
		t.defaultNotation = NotationItalian
	case ',':
		t.defaultNotation = NotationEnglish
	}
	head, err := readHead(rr, headerSearchRows)
	if err != nil {
		return ledger.Source{}, err
	}
	rest, err := t.locateHeader(head)
	var nh *errNoHeader
	if errors.As(err, &nh) {
		return ledger.Source{}, fmt.Errorf("%w: %s: %v for %s%s", ErrUnreadable, path, err, m.kind, t.profileHint())
	}
	if err != nil {
		return ledger.Source{}, fmt.Errorf("%w: %s: %v", ErrUnreadable, path, err)
	}
	if err := t.run(rr, rest, t.amountColumns(amountFields), newRow); err != nil {
		return t.src, fmt.Errorf("read %s: %w", path, err)
	}
	// The hash recorded is that of the bytes just parsed.
	if t.src.SHA256, err = f.verify(); err != nil {
		return t.src, err
	}
	opt.Ahead.watch(path, f.info.stamp)
	return t.src, nil
}

func readWorkbook(path, sheet string, base ledger.Source, m *matcher, opt Options, amountFields []string, newRow rowMaker) ([]ledger.Source, error) {
	wb, err := openWorkbook(path)
	if err != nil {
		return nil, err
	}
	defer wb.Close()
	sheets, err := wb.sheetsToRead(path, sheet)
	if err != nil {
		return nil, err
	}
	base.SHA256 = wb.sha
	var sources []ledger.Source
	var skipped []string
	for _, name := range sheets {
		src, ok, err := readSheet(wb, path, name, base, m, opt, amountFields, newRow)
		if err != nil {
			return sources, err
		}
		if ok {
			sources = append(sources, src)
		} else {
			skipped = append(skipped, name)
		}
	}
	if len(sources) == 0 {
		return nil, fmt.Errorf("%w: %s: no sheet has a recognisable %s header (sheets %q)", ErrUnreadable, path, m.kind, skipped)
	}
	if err := wb.verify(); err != nil {
		return sources, err
	}
	opt.Ahead.watch(path, wb.stamp)
	return sources, nil
}

// readSheet reads one sheet; ok is false when the sheet has no header for
// the kind (reported, and skipped).
func readSheet(wb *workbook, path, name string, base ledger.Source, m *matcher, opt Options, amountFields []string, newRow rowMaker) (ledger.Source, bool, error) {
	rr, err := wb.rows(path, name)
	if err != nil {
		return ledger.Source{}, false, err
	}
	defer rr.Close()
	base.Sheet = name
	t := newTable(base, m, opt)
	t.xlsx, t.date1904, t.defaultNotation = true, wb.date1904, NotationEnglish
	// A shared string may hold "_x001B_" and the like: every row is
	// checked (little beside reading the sheet's XML).
	t.controls = true
	head, err := readHead(rr, headerSearchRows)
	if err != nil {
		return ledger.Source{}, false, err
	}
	rest, err := t.locateHeader(head)
	var nh *errNoHeader
	if errors.As(err, &nh) {
		t.issue(0, -1, "", t.skippedMessage(nh))
		return ledger.Source{}, false, nil
	}
	if err != nil {
		return ledger.Source{}, false, fmt.Errorf("%w: %s#%s: %v", ErrUnreadable, path, name, err)
	}
	if err := t.run(rr, rest, t.amountColumns(amountFields), newRow); err != nil {
		return t.src, true, fmt.Errorf("read %s#%s: %w", path, name, err)
	}
	return t.src, true, nil
}

// profileHint names what a payments file was compared with when it has
// no usable header.
// skippedMessage says why a sheet was skipped, naming the export
// profiles that did not recognise it either.
func (t *table) skippedMessage(nh *errNoHeader) msg.Message {
	if t.m.kind == ledger.KindPayments && len(t.profiles) > 0 {
		return msg.New(msg.SheetSkippedProfiles, msg.Nested(nh.message()), msg.Term(string(t.m.kind)), msg.Text(profileNames(t.profiles)))
	}
	return msg.New(msg.SheetSkipped, msg.Nested(nh.message()), msg.Term(string(t.m.kind)))
}

func (t *table) profileHint() string {
	if t.m.kind != ledger.KindPayments || len(t.profiles) == 0 {
		return ""
	}
	return " (nor the header of an export profile: " + profileNames(t.profiles) + "; a profile in the case file can describe it)"
}
