package columnar

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/msg"
	"github.com/crosscheck/crosscheck/outfile"
	"github.com/crosscheck/crosscheck/pipeline"
	"github.com/parquet-go/parquet-go"
	"github.com/shopspring/decimal"
)

// RowGroupRows is how many payment rows a row group holds: the writer
// keeps one row group in memory, and engines read row groups in
// parallel (DuckDB's own row groups are 122,880 rows).
const RowGroupRows = 64 * 1024

// batchRows are buffered before being handed to the Parquet writer.
const batchRows = 1024

// Scales of the DECIMAL(38, s) columns.
const (
	amountScale = 18 // amounts and rates: crypto to the wei's 18 decimals
	eurScale    = 2  // EUR values, rounded to the cent
)

// paymentRecord is one row of payments-I-of-N.parquet. Optional columns
// are null where the row has nothing (empty cells, a rejected row's
// values, no rate).
type paymentRecord struct {
	Part        int32  `parquet:"part"`
	Source      string `parquet:"source,dict"`
	SourceIndex int32  `parquet:"source_index"`
	Sheet       string `parquet:"sheet,optional,dict"`
	SheetIndex  int32  `parquet:"sheet_index"`
	Row         int64  `parquet:"row_no"`
	Status      string `parquet:"status,dict"`
	// Reason is why a row was rejected or has no rate.
	Reason       string    `parquet:"reason,optional"`
	ReasonColumn string    `parquet:"reason_column,optional,dict"`
	ReasonValue  string    `parquet:"reason_value,optional"`
	Date         *int32    `parquet:"payment_date,date"`
	AmountText   string    `parquet:"amount_text,optional"`
	Amount       *[16]byte `parquet:"amount,decimal(18:38)"`
	Currency     string    `parquet:"currency,optional,dict"`
	Debit        bool      `parquet:"debit"`
	Direction    string    `parquet:"direction,optional,dict"`
	DirReason    string    `parquet:"direction_reason,optional,dict"`
	EUR          *[16]byte `parquet:"eur,decimal(2:38)"`
	Rate         *[16]byte `parquet:"rate,decimal(18:38)"`
	RateText     string    `parquet:"rate_text,optional"`
	RateQuote    string    `parquet:"rate_quote,optional,dict"`
	RateDate     *int32    `parquet:"rate_date,date"`
	DuplicateKey string    `parquet:"duplicate_key,optional"`
	Payer        string    `parquet:"payer,optional"`
	PayerAccount string    `parquet:"payer_account,optional"`
	Payee        string    `parquet:"payee,optional"`
	PayeeAccount string    `parquet:"payee_account,optional"`
	Reference    string    `parquet:"reference,optional"`
	Description  string    `parquet:"description,optional"`
	Channel      string    `parquet:"channel,optional,dict"`
	RowSuspect   string    `parquet:"row_suspect,optional,dict"`
	FileSuspect  string    `parquet:"file_suspect,optional,dict"`
	Suspect      string    `parquet:"suspect,optional,dict"`
	Rule         string    `parquet:"rule,optional,dict"`
	AttributedBy string    `parquet:"attributed_by,optional"`
	AttribIssue  string    `parquet:"attribution_problem,optional"`
	Unattrib     string    `parquet:"unattributed_reason,optional,dict"`
	UnattribVal  string    `parquet:"unattributed_value,optional"`
	Candidates   string    `parquet:"candidates,optional"`

	// Storage the pointers above point into.
	date, rateDate      int32    `parquet:"-"`
	amount, eur, rate   [16]byte `parquet:"-"`
	hasAmount, hasDates bool     `parquet:"-"`
}

type suspectRecord struct {
	ID         string `parquet:"id"`
	TaxCode    string `parquet:"tax_code,optional"`
	Surname    string `parquet:"surname,optional"`
	Name       string `parquet:"name,optional"`
	BirthDate  *int32 `parquet:"birth_date,date"`
	BirthPlace string `parquet:"birth_place,optional"`
	Sex        string `parquet:"sex,optional"`
	Country    string `parquet:"country,optional"`
	Role       string `parquet:"role,optional"`
	Upline     string `parquet:"upline,optional"`
	Source     string `parquet:"source"`
	Sheet      string `parquet:"sheet,optional"`
	Row        int64  `parquet:"row_no"`
}

type assetRecord struct {
	ID          string    `parquet:"id,optional"`
	Owner       string    `parquet:"owner,optional"`
	Suspect     string    `parquet:"suspect,optional"`
	Type        string    `parquet:"type"`
	Description string    `parquet:"description,optional"`
	ValueText   string    `parquet:"value_text,optional"`
	Quantity    string    `parquet:"quantity_text,optional"`
	Currency    string    `parquet:"currency"`
	SeizureDate *int32    `parquet:"seizure_date,date"`
	Country     string    `parquet:"country,optional"`
	Measure     string    `parquet:"measure,optional"`
	Share       string    `parquet:"share_text"`
	Status      string    `parquet:"status"`
	Counted     bool      `parquet:"counted"`
	EUR         *[16]byte `parquet:"eur,decimal(2:38)"`
	Rate        *[16]byte `parquet:"rate,decimal(18:38)"`
	RateText    string    `parquet:"rate_text,optional"`
	RateQuote   string    `parquet:"rate_quote,optional"`
	RateDate    *int32    `parquet:"rate_date,date"`
	ReportEUR   *[16]byte `parquet:"report_eur,decimal(2:38)"`
	Problem     string    `parquet:"problem,optional"`
	Source      string    `parquet:"source"`
	Sheet       string    `parquet:"sheet,optional"`
	Row         int64     `parquet:"row_no"`
}

type caseRecord struct {
	Case             string    `parquet:"case_name,optional"`
	ReportDate       *int32    `parquet:"report_date,date"`
	TargetEUR        *[16]byte `parquet:"target_eur,decimal(2:38)"`
	Parts            int32     `parquet:"parts"`
	RateLookbackDays int32     `parquet:"rate_lookback_days"`
	Rounding         string    `parquet:"rounding"`
	Version          string    `parquet:"version,optional"`
}

// Writer writes one part of an export into a directory. Reference writes
// the files every part shares; Row streams payment rows; Close finishes
// the part's payments file and puts every file in place. The files are
// outfile outputs (0600, atomic): a reader never sees half a file, and a
// part that fails or is interrupted leaves the folder as it was.
type Writer struct {
	dir   string
	part  Part
	out   *outfile.File
	refs  []*outfile.File // the reference files, complete, committed by Close
	pw    *parquet.GenericWriter[paymentRecord]
	batch []paymentRecord
	rows  int64
	err   error
	// Full batches go to a goroutine of their own that encodes and
	// compresses them, while the caller converts the next rows.
	enc *pipeline.Pusher[paymentRecord]
}

// NewWriter prepares dir (created when missing) for part.
func NewWriter(dir string, part Part) (*Writer, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	return &Writer{dir: dir, part: part}, nil
}

func writerOptions() []parquet.WriterOption {
	return []parquet.WriterOption{
		// Snappy: what Spark and most writers use; zstd took a third of
		// the export's CPU for files about a quarter smaller.
		parquet.Compression(&parquet.Snappy),
		parquet.CreatedBy("crosscheck", "", ""),
	}
}

// Reference writes suspects.parquet, assets.parquet and case.parquet and
// opens the part's payments file.
func (w *Writer) Reference(ref *Reference) error {
	w.part = ref.Part
	if err := w.writeRef(writeAll(filepath.Join(w.dir, SuspectsFile), suspectRecords(ref.Suspects))); err != nil {
		return err
	}
	assets, err := assetRecords(ref.Seizure.Assets)
	if err != nil {
		return err
	}
	if err := w.writeRef(writeAll(filepath.Join(w.dir, AssetsFile), assets)); err != nil {
		return err
	}
	cr := caseRecord{Case: ref.Case, Parts: int32(ref.Part.N), RateLookbackDays: int32(ref.RateLookbackDays),
		Rounding: "half away from zero, once per payment, to the cent", Version: ref.Version}
	var reportDate int32
	var target [16]byte
	if !ref.ReportDate.IsZero() {
		reportDate = days(ref.ReportDate)
		cr.ReportDate = &reportDate
	}
	if !putDecimal(&target, ref.TargetEUR, eurScale) {
		return fmt.Errorf("export: target EUR %s does not fit DECIMAL(38,2)", ref.TargetEUR)
	}
	cr.TargetEUR = &target
	if err := w.writeRef(writeAll(filepath.Join(w.dir, CaseFile), []caseRecord{cr})); err != nil {
		return err
	}
	if w.out, err = outfile.Create(filepath.Join(w.dir, w.part.PaymentsFile()), outfile.Private); err != nil {
		return err
	}
	opts := append(writerOptions(), parquet.MaxRowsPerRowGroup(RowGroupRows))
	w.pw = parquet.NewGenericWriter[paymentRecord](w.out, opts...)
	w.enc = pipeline.Push(context.Background(), batchRows, 2, func(b []paymentRecord) error {
		if _, err := w.pw.Write(b); err != nil {
			return outfile.NotWritten(w.out.Name(), err)
		}
		return nil
	})
	w.batch = w.enc.Batch()
	return nil
}

// writeRef keeps a written reference file for Close to commit.
func (w *Writer) writeRef(f *outfile.File, err error) error {
	if err != nil {
		return err
	}
	w.refs = append(w.refs, f)
	return nil
}

// Row adds one payment row.
func (w *Writer) Row(r *Row) error {
	if w.err != nil {
		return w.err
	}
	if w.pw == nil {
		return errors.New("export: Row before Reference")
	}
	w.batch = w.batch[:len(w.batch)+1]
	rec := &w.batch[len(w.batch)-1]
	if err := w.fill(rec, r); err != nil {
		w.err = err
		return err
	}
	if len(w.batch) == cap(w.batch) {
		if err := w.flush(); err != nil {
			w.err = err
			return err
		}
	}
	return nil
}

// flush hands the batch to the encoder and takes a free one.
func (w *Writer) flush() error {
	if len(w.batch) == 0 {
		return nil
	}
	w.rows += int64(len(w.batch))
	w.batch = w.enc.Send(w.batch)
	return w.enc.Err()
}

// finish stops the encoder and returns its error.
func (w *Writer) finish() error {
	if w.enc == nil {
		return nil
	}
	err := w.enc.Close(nil)
	w.enc = nil
	return err
}

// Rows returns how many payment rows were handed to the writer.
func (w *Writer) Rows() int64 { return w.rows + int64(len(w.batch)) }

// Close finishes the payments file; after an error it removes it.
func (w *Writer) Close() error {
	if w.pw == nil {
		w.Abort()
		if w.err == nil {
			w.err = errors.New("export: Close before Reference")
		}
		return w.err
	}
	if w.err == nil {
		w.err = w.flush()
	}
	if err := w.finish(); w.err == nil {
		w.err = err
	}
	if w.err == nil {
		if err := w.pw.Close(); err != nil {
			w.err = outfile.NotWritten(w.out.Name(), err)
		}
	}
	if w.err != nil {
		w.Abort()
		return w.err
	}
	// The reference files first (every part writes the same bytes), the
	// part's payments file last: its presence says the part is complete.
	for _, f := range append(w.refs, w.out) {
		if err := f.Commit(); err != nil {
			w.Abort()
			return err
		}
	}
	return nil
}

// Abort discards every file not yet committed.
func (w *Writer) Abort() {
	w.finish()
	for _, f := range w.refs {
		f.Abort()
	}
	if w.out != nil {
		w.out.Abort()
	}
}

func (w *Writer) fill(rec *paymentRecord, r *Row) error {
	e := &r.Entry
	p := &e.Payment
	*rec = paymentRecord{
		Part:        int32(w.part.I),
		Source:      p.Ref.Path,
		SourceIndex: int32(r.Position),
		Sheet:       p.Ref.Sheet,
		SheetIndex:  int32(r.SheetIndex),
		Row:         int64(p.Ref.Row),
	}
	if r.Rejected != nil {
		rec.Status = StatusRejected
		rec.Reason, rec.ReasonColumn, rec.ReasonValue = r.Rejected.Msg.String(), r.Rejected.Column, r.Rejected.Value
		return nil
	}
	rec.Status = StatusAccepted
	if !e.HasEUR && p.Direction != ledger.DirNotPayment {
		rec.Status, rec.Reason = StatusNoRate, r.NoRate
	}
	if !p.Date.IsZero() {
		rec.date = days(p.Date)
		rec.Date = &rec.date
	}
	rec.AmountText = p.Amount.String()
	if putDecimal(&rec.amount, p.Amount, amountScale) {
		rec.Amount = &rec.amount
	}
	rec.Currency, rec.Debit = p.Currency, p.Debit()
	rec.Direction, rec.DirReason = p.Direction.String(), p.DirReason
	if e.HasEUR {
		if !putDecimal(&rec.eur, e.EUR, eurScale) {
			return fmt.Errorf("export: %s row %d: EUR value %s does not fit DECIMAL(38,2)", p.Ref.Path, p.Ref.Row, e.EUR)
		}
		rec.EUR = &rec.eur
	}
	if e.HasRate {
		rec.RateText, rec.RateQuote = e.Rate.Value.String(), quote(e.Rate)
		if putDecimal(&rec.rate, e.Rate.Value, amountScale) {
			rec.Rate = &rec.rate
		}
		rec.rateDate = days(e.Rate.Date)
		rec.RateDate = &rec.rateDate
	}
	rec.DuplicateKey, _ = ledger.DuplicateKey(p)
	rec.Payer, rec.PayerAccount, rec.Payee, rec.PayeeAccount = p.Payer, p.PayerAccount, p.Payee, p.PayeeAccount
	rec.Reference, rec.Description, rec.Channel = p.Reference, p.Description, p.Channel
	rec.RowSuspect, rec.FileSuspect = p.Suspect, p.FileSuspect
	rec.Suspect, rec.Rule, rec.AttributedBy = e.Attrib, string(e.Rule), e.AttribBy
	if e.Attrib == "" {
		rec.Rule = ""
	}
	rec.AttribIssue = r.AttribProblem
	if e.Attrib == "" && p.Direction != ledger.DirNotPayment {
		rec.Unattrib, rec.UnattribVal = r.UnattribReason, r.UnattribValue
		rec.Candidates = strings.Join(r.Candidates, ", ")
	}
	return nil
}

// quote names how a rate is quoted.
func quote(r ledger.Rate) string {
	if r.PerUnit {
		return "eur_per_unit"
	}
	return "units_per_eur"
}

var epoch = time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)

// days is a DATE value: days since 1970-01-01 of t's calendar day.
func days(t time.Time) int32 {
	y, m, d := t.Date()
	return int32(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Sub(epoch) / (24 * time.Hour))
}

func suspectRecords(suspects []ledger.Suspect) []suspectRecord {
	out := make([]suspectRecord, len(suspects))
	births := make([]int32, len(suspects))
	for i, s := range suspects {
		out[i] = suspectRecord{ID: s.ID, TaxCode: s.TaxCode, Surname: s.Surname, Name: s.Name,
			BirthPlace: s.BirthPlace, Sex: s.Sex, Country: s.Country, Role: s.Role, Upline: s.Upline,
			Source: s.Ref.Path, Sheet: s.Ref.Sheet, Row: int64(s.Ref.Row)}
		if !s.BirthDate.IsZero() {
			births[i] = days(s.BirthDate)
			out[i].BirthDate = &births[i]
		}
	}
	return out
}

func assetRecords(assets []ledger.AssetValue) ([]assetRecord, error) {
	out := make([]assetRecord, len(assets))
	type store struct {
		seized, rateDate int32
		eur, rate, rep   [16]byte
	}
	st := make([]store, len(assets))
	for i := range assets {
		a, s, r := &assets[i], &st[i], &out[i]
		*r = assetRecord{ID: a.ID, Owner: a.Owner, Suspect: a.Suspect, Type: string(a.Type), Description: a.Description,
			Currency: currencyOr(a.Currency), Country: a.Country, Measure: a.Measure, Status: string(a.Status),
			Counted: a.Counted, Problem: problemsText(a.Problems), Source: a.Ref.Path, Sheet: a.Ref.Sheet, Row: int64(a.Ref.Row)}
		if a.HasValue {
			r.ValueText = a.Value.String()
		}
		if a.HasQuantity {
			r.Quantity = a.Quantity.String()
		}
		share := a.Share
		if share.IsZero() {
			share = decimal.NewFromInt(1)
		}
		r.Share = share.String()
		if !a.SeizureDate.IsZero() {
			s.seized = days(a.SeizureDate)
			r.SeizureDate = &s.seized
		}
		if a.HasEUR {
			if !putDecimal(&s.eur, a.EUR, eurScale) {
				return nil, fmt.Errorf("export: %s row %d: EUR value %s does not fit DECIMAL(38,2)", a.Ref.Path, a.Ref.Row, a.EUR)
			}
			r.EUR = &s.eur
		}
		if a.HasRate {
			r.RateText, r.RateQuote = a.Rate.Value.String(), quote(a.Rate)
			if putDecimal(&s.rate, a.Rate.Value, amountScale) {
				r.Rate = &s.rate
			}
			s.rateDate = days(a.Rate.Date)
			r.RateDate = &s.rateDate
		}
		if a.HasReportEUR && putDecimal(&s.rep, a.ReportEUR, eurScale) {
			r.ReportEUR = &s.rep
		}
	}
	return out, nil
}

func currencyOr(c string) string {
	if c == "" {
		return "EUR"
	}
	return c
}

// writeAll writes rows as one Parquet file, complete but not committed.
func writeAll[T any](path string, rows []T) (*outfile.File, error) {
	f, err := outfile.Create(path, outfile.Private)
	if err != nil {
		return nil, err
	}
	pw := parquet.NewGenericWriter[T](f, writerOptions()...)
	if _, err := pw.Write(rows); err != nil {
		f.Abort()
		return nil, outfile.NotWritten(path, err)
	}
	if err := pw.Close(); err != nil {
		f.Abort()
		return nil, outfile.NotWritten(path, err)
	}
	return f, nil
}

// problemsText writes an asset's problems in English, the language of
// the export's columns.
func problemsText(ms []msg.Message) string {
	parts := make([]string, len(ms))
	for i, m := range ms {
		parts[i] = m.String()
	}
	return strings.Join(parts, "; ")
}
