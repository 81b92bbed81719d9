package ingest

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// maxRecordBytes caps one CSV record so that a file made of one huge line
// cannot exhaust memory. A variable so tests can lower it.
var maxRecordBytes int64 = 1 << 20

const sniffBytes = 64 << 10

// textInfo is what one pass over a text file learns before parsing.
type textInfo struct {
	sha     string
	win1252 bool // not valid UTF-8: read as Windows-1252
	bom     bool
}

// inspectText hashes the file and checks that it is text, in one pass.
func inspectText(path string) (textInfo, error) {
	var info textInfo
	fh, err := os.Open(path)
	if err != nil {
		return info, fmt.Errorf("%w: %v", ErrUnreadable, err)
	}
	defer fh.Close()
	st, err := fh.Stat()
	if err != nil {
		return info, fmt.Errorf("%w: %v", ErrUnreadable, err)
	}
	if st.IsDir() {
		return info, fmt.Errorf("%w: %s is a directory", ErrUnreadable, path)
	}
	if st.Size() == 0 {
		return info, fmt.Errorf("%w: %s is empty", ErrUnreadable, path)
	}
	h := sha256.New()
	buf := make([]byte, 256<<10)
	var carry []byte // an incomplete UTF-8 sequence split across reads
	first := true
	for {
		n, err := fh.Read(buf)
		chunk := buf[:n]
		h.Write(chunk)
		if first && n > 0 {
			first = false
			info.bom = bytes.HasPrefix(chunk, []byte("\xEF\xBB\xBF"))
			if reason := binaryReason(chunk); reason != "" {
				return info, fmt.Errorf("%w: %s is not a text spreadsheet (%s)", ErrUnreadable, path, reason)
			}
		}
		if bytes.IndexByte(chunk, 0) >= 0 {
			return info, fmt.Errorf("%w: %s is not a text spreadsheet (NUL bytes)", ErrUnreadable, path)
		}
		if !info.win1252 {
			carry, info.win1252 = validUTF8Chunk(carry, chunk, err == io.EOF)
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return info, fmt.Errorf("%w: read %s: %v", ErrUnreadable, path, err)
		}
	}
	if len(carry) > 0 {
		info.win1252 = true
	}
	info.sha = hex.EncodeToString(h.Sum(nil))
	return info, nil
}

// validUTF8Chunk validates chunk, carrying a rune cut at its end into the
// next call; invalid reports the first invalid sequence.
func validUTF8Chunk(carry, chunk []byte, last bool) (rest []byte, invalid bool) {
	if len(carry) > 0 {
		need := 4 - len(carry)
		if need > len(chunk) {
			need = len(chunk)
		}
		joined := append(append([]byte(nil), carry...), chunk[:need]...)
		r, size := utf8.DecodeRune(joined)
		if r == utf8.RuneError && size <= 1 {
			return nil, true
		}
		chunk = chunk[size-len(carry):]
	}
	// Trim an incomplete trailing rune.
	end := len(chunk)
	for i := 1; i <= 3 && i <= len(chunk); i++ {
		c := chunk[len(chunk)-i]
		if c < 0x80 {
			break
		}
		if c >= 0xC0 {
			if !utf8.FullRune(chunk[len(chunk)-i:]) {
				end = len(chunk) - i
			}
			break
		}
	}
	if !utf8.Valid(chunk[:end]) {
		return nil, true
	}
	return append([]byte(nil), chunk[end:]...), false
}

// binaryReason flags data that is not a spreadsheet: control characters
// other than tab and line ends in more than 1 byte in 100 of the start.
func binaryReason(b []byte) string {
	if len(b) > sniffBytes {
		b = b[:sniffBytes]
	}
	if bytes.IndexByte(b, 0) >= 0 {
		return "NUL bytes"
	}
	if bytes.HasPrefix(b, []byte("%PDF")) {
		return "a PDF document"
	}
	if bytes.HasPrefix(b, []byte("PK\x03\x04")) {
		return "a zip archive; an xlsx workbook needs the .xlsx extension"
	}
	ctl := 0
	for _, c := range b {
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7f {
			ctl++
		}
	}
	if ctl*100 > len(b) {
		return "binary data"
	}
	return ""
}

var errRecordTooLong = errors.New("record too long")

// sniffDelimiter picks the delimiter that splits the first lines into the
// most consistent number of cells, ignoring quoted text. Title rows above
// the header usually split differently and lose the vote.
func sniffDelimiter(sample []byte) rune {
	cands := []byte{';', ',', '\t', '|'}
	var counts [4][]int
	inQuote := false
	var cur [4]int
	lines := 0
	for _, c := range sample {
		switch {
		case c == '"':
			inQuote = !inQuote
		case c == '\n' && !inQuote:
			for k := range cands {
				counts[k] = append(counts[k], cur[k])
				cur[k] = 0
			}
			lines++
		case !inQuote:
			for k, d := range cands {
				if c == d {
					cur[k]++
				}
			}
		}
		if lines >= 30 {
			break
		}
	}
	if lines < 30 {
		for k := range cands {
			counts[k] = append(counts[k], cur[k])
		}
	}
	best, bestScore := ',', 0
	for k, d := range cands {
		freq := map[int]int{}
		for _, n := range counts[k] {
			if n > 0 {
				freq[n]++
			}
		}
		for n, lines := range freq {
			score := lines*1000 + n
			if score > bestScore {
				best, bestScore = rune(d), score
			}
		}
	}
	return best
}

// csvRows reads records of a CSV file for a table.
type csvRows struct {
	r       *csvSplitter
	path    string
	nextRow int // line where the next record starts, for errors
}

func (c *csvRows) next() ([]string, int, error) {
	rec, err := c.r.next()
	if err == nil {
		return c.record(rec)
	}
	if err == io.EOF {
		return nil, 0, io.EOF
	}
	if errors.Is(err, errRecordTooLong) {
		return nil, 0, fmt.Errorf("%w: %s: the record at line %d is longer than %d bytes", ErrUnreadable, c.path, c.nextRow, maxRecordBytes)
	}
	return nil, 0, fmt.Errorf("%w: %s: %v", ErrUnreadable, c.path, err)
}

// record returns a record read without error and where it starts.
func (c *csvRows) record(rec []string) ([]string, int, error) {
	c.nextRow = c.r.lastLine + strings.Count(rec[len(rec)-1], "\n") + 1
	return rec, c.r.recLine, nil
}

// openCSV opens a text table: it checks the bytes, chooses the encoding
// and the delimiter, and returns a record reader. The bytes are checked
// by ahead when it has path (see CheckAhead).
func openCSV(path string, ahead *Ahead) (*csvRows, textInfo, rune, io.Closer, error) {
	info, err := ahead.inspect(path)
	if err != nil {
		return nil, info, 0, nil, err
	}
	fh, err := os.Open(path)
	if err != nil {
		return nil, info, 0, nil, fmt.Errorf("%w: %v", ErrUnreadable, err)
	}
	var text io.Reader = bufio.NewReaderSize(fh, 64<<10)
	if info.bom {
		text.(*bufio.Reader).Discard(3)
	}
	if info.win1252 {
		text = charmap.Windows1252.NewDecoder().Reader(text)
	}
	sample := make([]byte, sniffBytes)
	n, err := io.ReadFull(text, sample)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		fh.Close()
		return nil, info, 0, nil, fmt.Errorf("%w: read %s: %v", ErrUnreadable, path, err)
	}
	sample = sample[:n]
	delim := sniffDelimiter(sample)
	r := newCSVSplitter(io.MultiReader(bytes.NewReader(sample), text), byte(delim))
	return &csvRows{r: r, path: path, nextRow: 1}, info, delim, fh, nil
}
