package reports

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/flate"
	"context"
	"encoding/xml"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
	"math"
	"os"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/outfile"
	"github.com/crosscheck/crosscheck/pipeline"
	"github.com/xuri/excelize/v2"
)

// xmlSheet writes one worksheet's XML itself, deflating it on the fly
// into a temporary file, for the sheets that can hold a million rows
// (Payments, Unattributed, Data issues). excelize's StreamWriter builds
// each cell through its generic value path and then deflates the whole
// sheet again, at its default level, when the workbook is saved: about
// 30,000 payment rows per second here. Writing the few cell kinds the
// report uses directly, and deflating at BestSpeed in one pass, is several
// times faster. The file is spliced into the workbook excelize wrote
// (spliceSheets), which keeps everything else (styles, charts, defined
// names) excelize's.
type xmlSheet struct {
	name      string
	tmp       *os.File
	fileBuf   *bufio.Writer
	counter   *countingWriter
	zw        *flate.Writer
	async     *pipeline.Writer
	w         *bufio.Writer
	colStyles []int
	row       int
	buf       []byte
	cols      []string // column letters, A..
}

// countingWriter counts the compressed bytes written to the file.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// crcWriter computes the CRC-32 and size of the uncompressed XML, which
// the zip entry's header needs.
type crcWriter struct {
	w   io.Writer
	crc hash.Hash32
	n   int64
}

func (c *crcWriter) Write(p []byte) (int, error) {
	c.crc.Write(p)
	c.n += int64(len(p))
	return c.w.Write(p)
}

// asyncChunk is how much sheet XML is handed to the deflating goroutine
// at a time.
const asyncChunk = 1 << 18

// newXMLSheet starts a sheet with its column widths, the header row
// frozen, and per-column styles for plain values; fit scales it to one
// page wide when printed.
func newXMLSheet(dir, name string, widths []float64, colStyles []int, fit bool) (*xmlSheet, *crcWriter, error) {
	// The sheet holds payer names and accounts: its scratch file has no
	// name, so nothing of it outlives the run.
	tmp, err := outfile.Temp(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("sheet %q: %w", name, err)
	}
	fileBuf := bufio.NewWriterSize(tmp, 1<<18)
	counter := &countingWriter{w: fileBuf}
	zw, _ := flate.NewWriter(counter, flate.BestSpeed)
	crc := &crcWriter{w: zw, crc: crc32.NewIEEE()}
	// Deflating takes as long as building the XML: it runs on the other
	// core, fed in large chunks.
	async := pipeline.NewWriter(context.Background(), crc, asyncChunk, 4)
	s := &xmlSheet{name: name, tmp: tmp, fileBuf: fileBuf, counter: counter, zw: zw, async: async, w: bufio.NewWriterSize(async, 1<<16), colStyles: colStyles}
	for i := range max(len(widths), len(colStyles)) + 1 {
		c, _ := excelize.ColumnNumberToName(i + 1)
		s.cols = append(s.cols, c)
	}
	s.w.WriteString(xml.Header)
	s.w.WriteString(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`)
	if fit {
		s.w.WriteString(fitToPageXML)
	}
	s.w.WriteString(`<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>`)
	s.w.WriteString(`<sheetFormatPr defaultRowHeight="15"/>`)
	if len(widths) > 0 {
		s.w.WriteString(`<cols>`)
		for i, wd := range widths {
			fmt.Fprintf(s.w, `<col min="%d" max="%d" width="%s" customWidth="1"/>`, i+1, i+1, strconv.FormatFloat(wd, 'f', -1, 64))
		}
		s.w.WriteString(`</cols>`)
	}
	s.w.WriteString(`<sheetData>`)
	return s, crc, nil
}

// writeRow writes the next row. Cells are excelize.Cell values or plain
// values (string, float64, int, time.Time, nil) that take the column's
// style. Strings are always inline strings: text from the inputs is never
// a formula.
func (s *xmlSheet) writeRow(cells []any) error {
	s.row++
	b := s.buf[:0]
	b = append(b, `<row r="`...)
	b = strconv.AppendInt(b, int64(s.row), 10)
	b = append(b, `">`...)
	for i, c := range cells {
		if i >= len(s.cols) {
			col, _ := excelize.ColumnNumberToName(i + 1)
			s.cols = append(s.cols, col)
		}
		style := 0
		if i < len(s.colStyles) {
			style = s.colStyles[i]
		}
		formula := ""
		if cell, ok := c.(excelize.Cell); ok {
			if cell.StyleID != 0 {
				style = cell.StyleID
			}
			formula = cell.Formula
			c = cell.Value
		}
		b = s.appendCell(b, s.cols[i], style, formula, c)
	}
	b = append(b, `</row>`...)
	s.buf = b
	_, err := s.w.Write(b)
	return err
}

func (s *xmlSheet) appendCell(b []byte, col string, style int, formula string, v any) []byte {
	open := func(b []byte, typ string) []byte {
		b = append(b, `<c r="`...)
		b = append(b, col...)
		b = strconv.AppendInt(b, int64(s.row), 10)
		b = append(b, '"')
		if style != 0 {
			b = append(b, ` s="`...)
			b = strconv.AppendInt(b, int64(style), 10)
			b = append(b, '"')
		}
		if typ != "" {
			b = append(b, ` t="`...)
			b = append(b, typ...)
			b = append(b, '"')
		}
		return append(b, '>')
	}
	// Numbers are formatted into scratch, on the stack.
	var scratch [40]byte
	var num []byte
	switch x := v.(type) {
	case nil:
		if style == 0 && formula == "" {
			return b
		}
	case string:
		if formula != "" {
			break
		}
		if x == "" && style == 0 {
			return b
		}
		b = open(b, "inlineStr")
		b = append(b, `<is><t xml:space="preserve">`...)
		b = appendXMLText(b, x)
		return append(b, `</t></is></c>`...)
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			break
		}
		num = strconv.AppendFloat(scratch[:0], x, 'f', -1, 64)
	case int:
		num = strconv.AppendInt(scratch[:0], int64(x), 10)
	case int64:
		num = strconv.AppendInt(scratch[:0], x, 10)
	case time.Time:
		if !x.IsZero() {
			num = strconv.AppendFloat(scratch[:0], excelSerial(x), 'f', -1, 64)
		}
	case bool:
		if x {
			num = []byte("1")
		} else {
			num = []byte("0")
		}
	default:
		b = open(b, "inlineStr")
		b = append(b, `<is><t xml:space="preserve">`...)
		b = appendXMLText(b, fmt.Sprint(x))
		return append(b, `</t></is></c>`...)
	}
	b = open(b, "")
	if formula != "" {
		b = append(b, `<f>`...)
		b = appendXMLText(b, formula)
		b = append(b, `</f>`...)
	}
	if num != nil {
		b = append(b, `<v>`...)
		b = append(b, num...)
		b = append(b, `</v>`...)
	}
	return append(b, `</c>`...)
}

// excelSerial is the 1900-system serial of a date (time of day as the
// fraction).
func excelSerial(t time.Time) float64 {
	const day = 24 * 60 * 60
	base := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	y, m, d := t.Date()
	days := time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Sub(base).Hours() / 24
	secs := t.Hour()*3600 + t.Minute()*60 + t.Second()
	return math.Round(days) + float64(secs)/day
}

// maxCellText is Excel's limit on the characters of one cell.
const maxCellText = 32767

// appendXMLText escapes text for an XML element and drops the characters
// XML 1.0 cannot carry (control characters other than tab and new line),
// cutting at Excel's cell limit.
func appendXMLText(b []byte, s string) []byte {
	n := 0
	for _, r := range s {
		if n >= maxCellText {
			break
		}
		n++
		switch {
		case r == '&':
			b = append(b, "&amp;"...)
		case r == '<':
			b = append(b, "&lt;"...)
		case r == '>':
			b = append(b, "&gt;"...)
		case r == '\t' || r == '\n':
			b = append(b, byte(r))
		case r == '\r':
			b = append(b, "&#13;"...)
		case r < 0x20 || r == 0xFFFE || r == 0xFFFF || r == utf8.RuneError:
			// not representable in XML 1.0
		default:
			b = utf8.AppendRune(b, r)
		}
	}
	return b
}

// finish closes the sheet data with its autofilter range ("A1:V1000")
// and page setup, and flushes the deflated XML. The sheet must also carry the autofilter
// in excelize's copy, so that the workbook gets its defined name.
func (s *xmlSheet) finish(crc *crcWriter, autoFilter string, page pageText, fit bool) (splice, error) {
	s.w.WriteString(`</sheetData>`)
	if autoFilter != "" {
		s.w.WriteString(`<autoFilter ref="` + absoluteRange(autoFilter) + `"/>`)
	}
	s.w.WriteString(`<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`)
	s.w.WriteString(page.pageSetupXML(fit))
	s.w.WriteString(`</worksheet>`)
	if err := s.w.Flush(); err != nil {
		return splice{}, fmt.Errorf("sheet %q: %w", s.name, err)
	}
	if err := s.async.Close(); err != nil {
		return splice{}, fmt.Errorf("sheet %q: %w", s.name, err)
	}
	if err := s.zw.Close(); err != nil {
		return splice{}, fmt.Errorf("sheet %q: %w", s.name, err)
	}
	if err := s.fileBuf.Flush(); err != nil {
		return splice{}, fmt.Errorf("sheet %q: %w", s.name, err)
	}
	return splice{sheet: s.name, file: s.tmp, crc: crc.crc.Sum32(), size: crc.n, compressed: s.counter.n}, nil
}

// absoluteRange writes "A1:V3" as "$A$1:$V$3", as excelize and Excel do.
func absoluteRange(ref string) string {
	var b strings.Builder
	for i, part := range strings.Split(ref, ":") {
		if i > 0 {
			b.WriteByte(':')
		}
		j := strings.IndexAny(part, "0123456789")
		if j <= 0 {
			b.WriteString(part)
			continue
		}
		b.WriteString("$" + part[:j] + "$" + part[j:])
	}
	return b.String()
}

// splice is a deflated sheet XML waiting to replace excelize's copy of
// the sheet in the saved workbook.
type splice struct {
	sheet      string
	file       *os.File
	crc        uint32
	size       int64
	compressed int64
}

func (sp splice) close() {
	outfile.Discard(sp.file)
}

// spliceSheets copies the workbook in src (size bytes) to dst with the
// given sheets' XML replaced, copying every other part as it is (without
// inflating it).
func spliceSheets(dst io.Writer, src io.ReaderAt, size int64, splices []splice) error {
	if len(splices) == 0 {
		_, err := io.Copy(dst, io.NewSectionReader(src, 0, size))
		return err
	}
	zr, err := zip.NewReader(src, size)
	if err != nil {
		return fmt.Errorf("reopen workbook: %w", err)
	}
	parts, err := sheetParts(zr)
	if err != nil {
		return err
	}
	byPart := map[string]splice{}
	for _, sp := range splices {
		p, ok := parts[sp.sheet]
		if !ok {
			return fmt.Errorf("workbook has no sheet %q to replace", sp.sheet)
		}
		byPart[p] = sp
	}
	bw := bufio.NewWriterSize(dst, 1<<20)
	zw := zip.NewWriter(bw)
	// excelize lists the parts, and the content types, in map order: put
	// them in one order so that the same report is the same bytes (its
	// SHA-256 can be quoted), the content types first as is customary.
	files := slices.Clone(zr.File)
	slices.SortStableFunc(files, func(a, b *zip.File) int {
		const first = "[Content_Types].xml"
		if (a.Name == first) != (b.Name == first) {
			if a.Name == first {
				return -1
			}
			return 1
		}
		return strings.Compare(a.Name, b.Name)
	})
	for _, f := range files {
		if f.Name == "[Content_Types].xml" {
			if err := copySortedContentTypes(zw, f); err != nil {
				return fmt.Errorf("rewrite workbook: %w", err)
			}
			continue
		}
		if sp, ok := byPart[f.Name]; ok {
			h := &zip.FileHeader{Name: f.Name, Method: zip.Deflate, CRC32: sp.crc, CompressedSize64: uint64(sp.compressed), UncompressedSize64: uint64(sp.size), Modified: f.Modified}
			w, err := zw.CreateRaw(h)
			if err != nil {
				return fmt.Errorf("rewrite workbook: %w", err)
			}
			if _, err := sp.file.Seek(0, io.SeekStart); err != nil {
				return fmt.Errorf("rewrite workbook: %w", err)
			}
			if _, err := io.Copy(w, sp.file); err != nil {
				return fmt.Errorf("rewrite workbook: %w", err)
			}
			continue
		}
		if err := zw.Copy(f); err != nil {
			return fmt.Errorf("rewrite workbook: %w", err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("rewrite workbook: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("rewrite workbook: %w", err)
	}
	return nil
}

// contentType is one Default or Override element of [Content_Types].xml.
var contentType = regexp.MustCompile(`<(?:Default|Override)\b[^>]*?(?:/>|>\s*</(?:Default|Override)>)`)

// copySortedContentTypes writes the content types part with its Default
// elements sorted, then its Override elements sorted. A part that holds
// anything else between them is copied as it is.
func copySortedContentTypes(zw *zip.Writer, f *zip.File) error {
	rc, err := f.Open()
	if err != nil {
		return err
	}
	b, err := io.ReadAll(rc)
	rc.Close()
	if err != nil {
		return err
	}
	w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: f.Modified})
	if err != nil {
		return err
	}
	_, err = w.Write(sortContentTypes(b))
	return err
}

func sortContentTypes(b []byte) []byte {
	locs := contentType.FindAllIndex(b, -1)
	if len(locs) == 0 {
		return b
	}
	for i := 1; i < len(locs); i++ {
		if len(bytes.TrimSpace(b[locs[i-1][1]:locs[i][0]])) > 0 {
			return b
		}
	}
	var defaults, overrides []string
	for _, l := range locs {
		el := string(b[l[0]:l[1]])
		if strings.HasPrefix(el, "<Default") {
			defaults = append(defaults, el)
		} else {
			overrides = append(overrides, el)
		}
	}
	slices.Sort(defaults)
	slices.Sort(overrides)
	out := append([]byte(nil), b[:locs[0][0]]...)
	for _, el := range append(defaults, overrides...) {
		out = append(out, el...)
	}
	return append(out, b[locs[len(locs)-1][1]:]...)
}

// sheetParts maps sheet names to their part names (xl/worksheets/sheetN.xml)
// through the workbook and its relationships.
func sheetParts(zr *zip.Reader) (map[string]string, error) {
	read := func(name string) ([]byte, error) {
		f, err := zr.Open(name)
		if err != nil {
			return nil, fmt.Errorf("workbook part %s: %w", name, err)
		}
		defer f.Close()
		return io.ReadAll(f)
	}
	wb, err := read("xl/workbook.xml")
	if err != nil {
		return nil, err
	}
	rels, err := read("xl/_rels/workbook.xml.rels")
	if err != nil {
		return nil, err
	}
	var w struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := xml.Unmarshal(wb, &w); err != nil {
		return nil, fmt.Errorf("workbook.xml: %w", err)
	}
	var r struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := xml.Unmarshal(rels, &r); err != nil {
		return nil, fmt.Errorf("workbook.xml.rels: %w", err)
	}
	targets := map[string]string{}
	for _, rel := range r.Rels {
		t := rel.Target
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join("xl", t)
		}
		targets[rel.ID] = t
	}
	parts := map[string]string{}
	for _, s := range w.Sheets {
		parts[s.Name] = targets[s.ID]
	}
	return parts, nil
}
