package ingest

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/msg"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// maxRecordBytes caps one CSV record so that a file made of one huge line
// cannot exhaust memory. A variable so tests can lower it.
var maxRecordBytes int64 = 1 << 20

const sniffBytes = 64 << 10

// textInfo is what one pass over a text file learns before parsing.
type textInfo struct {
	win1252 bool // not valid UTF-8: read as Windows-1252
	bom     bool
	utf16   textUTF16
	// sum is a fast checksum of the bytes checked and size their count:
	// the parse compares its own with them (ErrInputChanged).
	sum   uint64
	size  int64
	stamp fileStamp
	// controls is set when the text holds control characters other than
	// tab and line ends (see hasControl): its rows are then cleaned.
	controls bool
}

// textUTF16 is the byte order of a UTF-16 file with a byte-order mark
// (Excel's "Unicode text" export).
type textUTF16 uint8

const (
	notUTF16 textUTF16 = iota
	utf16LE
	utf16BE
)

// inspectText checks that the file is text and which encoding it is in,
// in one pass, and returns it open at its start for the parse: the same
// open file is checked and parsed, so a file put in its place in between
// is not read.
func inspectText(path string) (info textInfo, fh *os.File, err error) {
	fh, st, err := openRegular(path)
	if err != nil {
		return info, nil, err
	}
	defer func() {
		if err != nil {
			fh.Close()
			fh = nil
		}
	}()
	info.stamp = stampOf(st)
	var sum maphash.Hash
	sum.SetSeed(checkSeed)
	buf := make([]byte, 256<<10)
	var carry []byte // an incomplete UTF-8 sequence split across reads
	var ctl controlScan
	first := true
	for {
		n, rerr := fh.Read(buf)
		chunk := buf[:n]
		sum.Write(chunk)
		info.size += int64(n)
		if first && n > 0 {
			first = false
			if reason := info.sniff(chunk); reason != "" {
				return info, nil, fmt.Errorf("%w: %s is not a text spreadsheet (%s)", ErrUnreadable, path, reason)
			}
		}
		if !info.win1252 && info.utf16 == notUTF16 {
			carry, info.win1252 = validUTF8Chunk(carry, chunk, rerr == io.EOF)
		}
		if !ctl.c0 || !ctl.c1 {
			ctl.scan(chunk)
		}
		if rerr == io.EOF {
			break
		}
		if rerr != nil {
			return info, nil, fmt.Errorf("%w: read %s: %v", ErrUnreadable, path, rerr)
		}
	}
	if len(carry) > 0 {
		info.win1252 = true
	}
	info.controls = ctl.c0 || (!info.win1252 && ctl.c1)
	info.sum = sum.Sum64()
	if _, err := fh.Seek(0, io.SeekStart); err != nil {
		return info, nil, fmt.Errorf("%w: %s: %v", ErrUnreadable, path, err)
	}
	return info, fh, nil
}

// controlScan looks for control characters in a text file's bytes, for
// the encodings it may turn out to be in.
type controlScan struct {
	c0     bool // C0 other than tab and line ends, or DEL
	c1     bool // C1 in UTF-8 ("\xC2\x80"-"\xC2\x9F")
	lastC2 bool
}

// controlTable marks the bytes scan must look at.
var controlTable = func() (t [256]bool) {
	for c := 0; c < 256; c++ {
		t[c] = isControlByte(byte(c)) || c == 0xC2 || (c >= 0x80 && c <= 0x9F)
		// Windows-1252 has no C1: the bytes it leaves undefined are
		// decoded as U+FFFD, which is text.
	}
	return t
}()

func (s *controlScan) scan(b []byte) {
	// Eight bytes at a time: a word of printable ASCII (every byte in
	// 0x20-0x7E) holds nothing scan looks for, and is most of a text file;
	// any other word is looked at byte by byte. This check runs over every
	// byte of every CSV input, ahead of its parse.
	i := 0
	for ; i+8 <= len(b); i += 8 {
		x := binary.LittleEndian.Uint64(b[i:])
		del := x ^ (swarOnes * 0x7f)
		below := (x - swarOnes*0x20) &^ x
		isDel := (del - swarOnes) &^ del
		if (below|isDel|x)&swarHigh == 0 {
			continue
		}
		s.scanBytes(b, i, i+8)
	}
	s.scanBytes(b, i, len(b))
	if len(b) > 0 && b[len(b)-1] != 0xC2 {
		s.lastC2 = false
	}
}

const (
	swarOnes = 0x0101010101010101
	swarHigh = 0x8080808080808080
)

// scanBytes looks at b[from:to] byte by byte; b beyond to is read only to
// see the byte after a 0xC2.
func (s *controlScan) scanBytes(b []byte, from, to int) {
	for i := from; i < to; i++ {
		c := b[i]
		if !controlTable[c] {
			continue
		}
		switch {
		case isControlByte(c):
			s.c0 = true
		case c == 0xC2:
			if i+1 < len(b) {
				if n := b[i+1]; n >= 0x80 && n <= 0x9F {
					s.c1 = true
				}
			} else {
				s.lastC2 = true
			}
		default:
			if i == 0 && s.lastC2 {
				s.c1 = true
			}
		}
	}
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
// other than tab and line ends (NUL included) in more than 1 byte in 20
// of the start (random bytes have 1 in 9). A few stray NULs or escapes in cells are text with
// hostile cells, cleaned cell by cell (see cleanCells).
func binaryReason(b []byte) string {
	if len(b) > sniffBytes {
		b = b[:sniffBytes]
	}
	if bytes.HasPrefix(b, []byte("%PDF")) {
		return "a PDF document"
	}
	if bytes.HasPrefix(b, []byte("PK\x03\x04")) {
		return "a zip archive; an xlsx workbook needs the .xlsx extension"
	}
	ctl, nulOdd, nulEven := 0, 0, 0
	for i, c := range b {
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7f {
			ctl++
		}
		if c == 0 {
			if i%2 == 0 {
				nulEven++
			} else {
				nulOdd++
			}
		}
	}
	if ctl*20 > len(b) {
		if half := len(b) / 2; half > 0 && (nulOdd*10 > half*4 || nulEven*10 > half*4) {
			return "UTF-16 text without a byte-order mark; save it as UTF-8 or as Excel's Unicode text"
		}
		if nulOdd+nulEven > 0 {
			return "NUL bytes"
		}
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
		// One rejected row; reading goes on after it.
		row := c.r.recLine
		lines := ""
		if c.r.lastLine > row {
			lines = fmt.Sprintf(", lines %d-%d", row, c.r.lastLine)
		}
		c.nextRow = c.r.lastLine + 1
		return nil, 0, &rowError{row: row, msg: fmt.Sprintf("record longer than %d bytes%s: rejected unread (the limit keeps a malformed file from filling memory)", maxRecordBytes, lines)}
	}
	return nil, 0, fmt.Errorf("%w: %s: %v", ErrUnreadable, c.path, err)
}

// record returns a record read without error and where it starts.
func (c *csvRows) record(rec []string) ([]string, int, error) {
	c.nextRow = c.r.lastLine + strings.Count(rec[len(rec)-1], "\n") + 1
	return rec, c.r.recLine, nil
}

// csvFile is a text table open for reading.
type csvFile struct {
	rows  *csvRows
	info  textInfo
	delim rune
	fh    *os.File
	hr    *hashingReader
	path  string
	// member is the table read inside a zip archive (fh is the archive);
	// archiveSHA, the archive's SHA-256, is what the input records.
	member     io.Closer
	archiveSHA string
}

// openCSV opens a text table: it checks the bytes, chooses the encoding
// and the delimiter, and returns a record reader. The bytes are checked
// by ahead when it has path (see CheckAhead), on the file then parsed.
func openCSV(path string, ahead *Ahead) (*csvFile, error) {
	if isZipName(path) {
		return openZippedCSV(path)
	}
	info, fh, err := ahead.inspect(path)
	if err != nil {
		return nil, err
	}
	return startCSV(&csvFile{info: info, fh: fh, path: path}, fh)
}

// startCSV sets up the parse of f's text, read from r.
func startCSV(f *csvFile, r io.Reader) (*csvFile, error) {
	info, path := f.info, f.path
	f.hr = newHashingReader(r, path)
	br := bufio.NewReaderSize(f.hr, 64<<10)
	var text io.Reader = br
	switch {
	case info.utf16 == utf16LE:
		text = unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Reader(br)
	case info.utf16 == utf16BE:
		text = unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder().Reader(br)
	case info.bom:
		br.Discard(3)
	case info.win1252:
		text = charmap.Windows1252.NewDecoder().Reader(br)
	}
	sample := make([]byte, sniffBytes)
	n, err := io.ReadFull(text, sample)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		f.close()
		return nil, fmt.Errorf("%w: read %s: %v", ErrUnreadable, path, err)
	}
	sample = sample[:n]
	f.delim = sniffDelimiter(sample)
	sp := newCSVSplitter(io.MultiReader(bytes.NewReader(sample), text), byte(f.delim))
	f.rows = &csvRows{r: sp, path: path, nextRow: 1}
	return f, nil
}

func (f *csvFile) close() {
	f.hr.stop()
	if f.member != nil {
		f.member.Close()
	}
	f.fh.Close()
}

// verify finishes the parse's hash once every row was read and returns
// it, or an error wrapping ErrInputChanged when the bytes parsed are not
// the bytes checked or the file changed on disk since it was opened.
func (f *csvFile) verify() (string, error) {
	sha, sum, n, err := f.hr.finish()
	if err != nil {
		return "", fmt.Errorf("%w: read %s: %v", ErrUnreadable, f.path, err)
	}
	if n != f.info.size {
		return "", changedError(f.path, fmt.Sprintf("%d bytes were checked and %d parsed", f.info.size, n))
	}
	if sum != f.info.sum {
		return "", changedError(f.path, "its content changed between the check and the parse")
	}
	if r := f.info.stamp.changed(f.path, f.fh); r != "" {
		return "", changedError(f.path, r)
	}
	if f.archiveSHA != "" {
		return f.archiveSHA, nil
	}
	return sha, nil
}

// openRegular opens path for reading and checks that it is a non-empty
// regular file; every reader starts here, so the messages are the same.
func openRegular(path string) (*os.File, os.FileInfo, error) {
	// Catalogue messages: the person reads them in the report's language.
	fh, err := os.Open(path)
	if err != nil {
		return nil, nil, &msg.Error{Msg: msg.New(msg.ErrUnreadable), Err: err, Class: ErrUnreadable}
	}
	st, err := fh.Stat()
	switch {
	case err != nil:
		err = &msg.Error{Msg: msg.New(msg.ErrUnreadable), Err: err, Class: ErrUnreadable}
	case st.IsDir():
		err = &msg.Error{Msg: msg.New(msg.ErrIsDir, msg.Text(path)), Class: ErrUnreadable}
	case st.Size() == 0:
		err = &msg.Error{Msg: msg.New(msg.ErrIsEmpty, msg.Text(path)), Class: ErrUnreadable}
	}
	if err != nil {
		fh.Close()
		return nil, nil, err
	}
	return fh, st, nil
}

// sniff records a text's byte-order mark or UTF-16 form from its first
// bytes, and says why they are not text ("" when they may be).
func (info *textInfo) sniff(first []byte) string {
	info.bom = bytes.HasPrefix(first, []byte("\xEF\xBB\xBF"))
	switch {
	case bytes.HasPrefix(first, []byte("\xFF\xFE")):
		info.utf16 = utf16LE
	case bytes.HasPrefix(first, []byte("\xFE\xFF")):
		info.utf16 = utf16BE
	}
	if info.utf16 == notUTF16 {
		return binaryReason(first)
	}
	return ""
}
