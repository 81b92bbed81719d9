package ingest

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/crosscheck/crosscheck/outfile"
	"github.com/xuri/excelize/v2"
)

// Size limits for opening a workbook, so that a crafted file (a zip bomb)
// cannot exhaust memory or disk. Variables so tests can lower them.
var (
	unzipSizeLimit    int64 = 1 << 30
	unzipXMLSizeLimit int64 = 256 << 20
	maxXLSXFileBytes  int64 = 512 << 20
)

// workbook is an opened xlsx file.
type workbook struct {
	f        *excelize.File
	sha      string
	sheets   []string
	date1904 bool
	// lean reads data rows without excelize; nil when the package is one
	// it does not handle the way excelize does (see openLean).
	lean *leanPackage
	// stripped is set while f was opened without the worksheets' and
	// shared strings' content (leanRows reads them); full reopens the
	// whole package for excelize.
	stripped bool
	// file is the package, read in place by lean through the zip
	// directory: the workbook is not held in memory.
	file *os.File
	path string
	opts excelize.Options
	// scratch is the private folder excelize writes large parts to
	// (outfile.ScratchDir); Close removes it.
	scratch string
	// stamp is the file as opened, for verify.
	stamp fileStamp
}

// verify hashes the package again once its rows were read: the same
// SHA-256 as when it was opened, size and modification time unchanged
// and the same file at its path mean the bytes read are the bytes hashed.
// A workbook is read in place through its zip directory, so it is not
// hashed as it is parsed; a second pass over it costs little beside the
// parse.
func (wb *workbook) verify() error {
	if r := wb.stamp.changed(wb.path, wb.file); r != "" {
		return changedError(wb.path, r)
	}
	h := sha256.New()
	if _, err := io.Copy(h, io.NewSectionReader(wb.file, 0, wb.stamp.size)); err != nil {
		return fmt.Errorf("%w: read %s: %v", ErrUnreadable, wb.path, err)
	}
	if hex.EncodeToString(h.Sum(nil)) != wb.sha {
		return changedError(wb.path, "its content changed while it was read")
	}
	return nil
}

// Close releases the excelize file and the package.
func (wb *workbook) Close() error {
	err := wb.f.Close()
	if cerr := wb.file.Close(); err == nil {
		err = cerr
	}
	if rerr := outfile.RemoveScratchDir(wb.scratch); err == nil {
		err = rerr
	}
	return err
}

// full makes f the whole package, for a sheet leanRows does not read.
func (wb *workbook) full() error {
	if !wb.stripped {
		return nil
	}
	b, err := readAllAt(wb.file)
	if err != nil {
		return err
	}
	f, err := excelize.OpenReader(bytes.NewReader(b), wb.opts)
	if err != nil {
		return err
	}
	wb.f.Close()
	wb.f, wb.stripped = f, false
	return nil
}

// readAllAt reads the whole open file from its start.
func readAllAt(fh *os.File) ([]byte, error) {
	st, err := fh.Stat()
	if err != nil {
		return nil, err
	}
	b := make([]byte, st.Size())
	if _, err := fh.ReadAt(b, 0); err != nil && err != io.EOF {
		return nil, err
	}
	return b, nil
}

// openWorkbook checks that path is a workbook within the size limits and
// opens it.
func openWorkbook(path string) (wb *workbook, err error) {
	fh, st, err := openRegular(path)
	if err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			fh.Close()
		}
	}()
	if st.Size() > maxXLSXFileBytes {
		return nil, fmt.Errorf("%w: %s is larger than %d bytes", ErrUnreadable, path, maxXLSXFileBytes)
	}
	// One pass for the SHA-256, with the first bytes kept to name what
	// the file is when it is not a workbook.
	h := sha256.New()
	var head [8]byte
	n, _ := io.ReadFull(fh, head[:])
	h.Write(head[:n])
	if _, err := io.Copy(h, fh); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrUnreadable, err)
	}
	if b := head[:n]; !bytes.HasPrefix(b, []byte("PK\x03\x04")) {
		what := "not an xlsx workbook"
		if bytes.HasPrefix(b, []byte("%PDF")) {
			what = "a PDF document, not an xlsx workbook"
		} else if bytes.HasPrefix(b, []byte{0xD0, 0xCF, 0x11, 0xE0}) {
			what = "an old .xls or encrypted workbook, not xlsx: save it as .xlsx"
		}
		return nil, fmt.Errorf("%w: %s is %s", ErrUnreadable, path, what)
	}
	zr, err := checkZipSize(fh, st.Size())
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrUnreadable, path, err)
	}
	xmlLimit := min(unzipXMLSizeLimit, unzipSizeLimit)
	// excelize unzips parts above the limit to files it reopens by name:
	// they hold the workbook's names and accounts, so they go to a folder
	// only this user can enter, removed with the workbook.
	scratch, err := outfile.ScratchDir()
	if err != nil {
		return nil, fmt.Errorf("%w: %s: a scratch folder for the workbook: %v", ErrUnreadable, path, err)
	}
	defer func() {
		if wb == nil {
			outfile.RemoveScratchDir(scratch)
		}
	}()
	opts := excelize.Options{UnzipSizeLimit: unzipSizeLimit, UnzipXMLSizeLimit: xmlLimit, TmpDir: scratch}
	// excelize inflates every part when it opens a package, which costs
	// as much as reading the rows with leanRows: it gets the package
	// with empty worksheets and shared strings, and the whole one only if
	// it must read rows.
	var f *excelize.File
	stripped := false
	if sb, serr := stripWorksheets(zr); serr == nil {
		f, err = excelize.OpenReader(bytes.NewReader(sb), opts)
		stripped = err == nil
	}
	if !stripped {
		b, rerr := readAllAt(fh)
		if rerr != nil {
			return nil, fmt.Errorf("%w: %v", ErrUnreadable, rerr)
		}
		f, err = excelize.OpenReader(bytes.NewReader(b), opts)
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %s is not a readable xlsx workbook: %v", ErrUnreadable, path, err)
	}
	wb = &workbook{f: f, sha: hex.EncodeToString(h.Sum(nil)), sheets: f.GetSheetList(), stripped: stripped, file: fh, path: path, opts: opts, stamp: stampOf(st), scratch: scratch}
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		wb.date1904 = *props.Date1904
	}
	if len(wb.sheets) == 0 {
		f.Close()
		return nil, fmt.Errorf("%w: %s has no sheets", ErrUnreadable, path)
	}
	wb.lean = openLean(zr, wb.sheets, xmlLimit)
	if wb.lean == nil {
		if err := wb.full(); err != nil {
			f.Close()
			return nil, fmt.Errorf("%w: %s is not a readable xlsx workbook: %v", ErrUnreadable, path, err)
		}
	}
	return wb, nil
}

// emptyWorksheet stands in for the worksheets when excelize opens a
// package only for its sheet list and workbook properties.
const emptyWorksheet = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>`

// emptySharedStrings stands in for the shared strings likewise: in a
// workbook saved by Excel or LibreOffice they hold every distinct text.
const emptySharedStrings = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>`

// stripWorksheets copies the package with the parts excelize counts as
// worksheets emptied; the other parts are copied still compressed.
func stripWorksheets(zr *zip.Reader) ([]byte, error) {
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, zf := range zr.File {
		name := strings.ToLower(strings.ReplaceAll(zf.Name, "\\", "/"))
		stub := ""
		switch {
		case zf.FileInfo().IsDir():
		case strings.HasPrefix(name, "xl/worksheets/sheet"):
			stub = emptyWorksheet
		case name == "xl/sharedstrings.xml":
			stub = emptySharedStrings
		}
		if stub != "" {
			w, err := zw.CreateHeader(&zip.FileHeader{Name: zf.Name, Method: zip.Store})
			if err != nil {
				return nil, err
			}
			if _, err := io.WriteString(w, stub); err != nil {
				return nil, err
			}
			continue
		}
		rc, err := zf.OpenRaw()
		if err != nil {
			return nil, err
		}
		hdr := zf.FileHeader
		w, err := zw.CreateRaw(&hdr)
		if err != nil {
			return nil, err
		}
		if _, err := io.Copy(w, rc); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// checkZipSize refuses archives whose declared content exceeds the limit
// before anything is inflated; excelize and archive/zip also stop a
// member that inflates past its declared size.
func checkZipSize(r io.ReaderAt, size int64) (*zip.Reader, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, fmt.Errorf("corrupt xlsx (zip): %v", err)
	}
	var total uint64
	for _, zf := range zr.File {
		total += zf.UncompressedSize64
		if total > uint64(unzipSizeLimit) || zf.UncompressedSize64 > uint64(unzipSizeLimit) {
			return nil, fmt.Errorf("expands to more than %d bytes (zip bomb?)", unzipSizeLimit)
		}
	}
	return zr, nil
}

// sheetsToRead resolves a "#Sheet" selector.
func (wb *workbook) sheetsToRead(path, sheet string) ([]string, error) {
	if sheet == "" {
		return wb.sheets, nil
	}
	for _, s := range wb.sheets {
		if s == sheet || strings.EqualFold(s, sheet) {
			return []string{s}, nil
		}
	}
	return nil, fmt.Errorf("%w: %s has no sheet %q; its sheets are %q", ErrUnreadable, path, sheet, wb.sheets)
}

var rawCells = excelize.Options{RawCellValue: true}

// sheetRows is excelize's row iterator, or leanRows which mirrors it.
type sheetRows interface {
	Next() bool
	Columns() ([]string, error)
	Error() error
	Close() error
}

// excelizeRows adapts *excelize.Rows to sheetRows.
type excelizeRows struct{ *excelize.Rows }

func (r excelizeRows) Columns() ([]string, error) { return r.Rows.Columns(rawCells) }

// xlsxRows streams one sheet's rows with raw cell values: numbers as
// stored, dates as serial numbers.
type xlsxRows struct {
	rows  sheetRows
	row   int
	path  string
	sheet string
}

func (wb *workbook) rows(path, sheet string) (*xlsxRows, error) {
	if wb.lean != nil {
		lr, err := wb.lean.rows(sheet)
		if err != nil {
			return nil, fmt.Errorf("%w: %s#%s: %v", ErrUnreadable, path, sheet, err)
		}
		if lr != nil {
			return &xlsxRows{rows: lr, path: path, sheet: sheet}, nil
		}
	}
	if err := wb.full(); err != nil {
		return nil, fmt.Errorf("%w: %s is not a readable xlsx workbook: %v", ErrUnreadable, path, err)
	}
	r, err := wb.f.Rows(sheet)
	if err != nil {
		return nil, fmt.Errorf("%w: %s#%s: %v", ErrUnreadable, path, sheet, err)
	}
	return &xlsxRows{rows: excelizeRows{r}, path: path, sheet: sheet}, nil
}

func (x *xlsxRows) next() ([]string, int, error) {
	if !x.rows.Next() {
		if err := x.rows.Error(); err != nil {
			return nil, 0, fmt.Errorf("%w: %s#%s after row %d: %v", ErrUnreadable, x.path, x.sheet, x.row, err)
		}
		return nil, 0, io.EOF
	}
	x.row++
	cols, err := x.rows.Columns()
	if err != nil {
		return nil, 0, fmt.Errorf("%w: %s#%s row %d: %v", ErrUnreadable, x.path, x.sheet, x.row, err)
	}
	return cols, x.row, nil
}

func (x *xlsxRows) Close() error { return x.rows.Close() }
