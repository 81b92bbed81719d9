package ingest

import (
	"io"
	"strings"
)

// csvBlockBytes is how much text csvSplitter reads at a time. A variable
// so tests can make records cross block ends.
var csvBlockBytes = 256 << 10

// csvSplitter reads CSV records exactly as encoding/csv does with
// LazyQuotes, FieldsPerRecord -1 and ReuseRecord (FuzzCSVSplitter checks
// it against encoding/csv), but faster: it reads the text a block at a
// time into one string, and the cells of a line without quotes are
// slices of that string, so no string is allocated per line. A line with
// a quote is parsed by a port of encoding/csv's quoted-field rules.
type csvSplitter struct {
	src   io.Reader
	delim byte
	// share lets the cells of quote-free lines share the block's string.
	// A cell kept for long then keeps its whole block: share only when
	// the rows' text is dropped soon after (payments, which are spooled);
	// otherwise each line is copied into a string of its own, as
	// encoding/csv does.
	share bool
	text  string // the current block; text[pos:] is not read yet
	pos   int
	eof   bool
	err   error // a read error, returned once text is used up
	read  []byte
	// numLine is the number of lines read so far (encoding/csv's).
	numLine int
	rec     []string
	// Where the last record's first and last cells start.
	recLine, lastLine int
	// recordBuffer holds a quoted record's unescaped text.
	recordBuffer []byte
	fieldEnds    []int
	fieldLines   []int
	// used counts the bytes of the record being read, for maxRecordBytes.
	used int64
}

func newCSVSplitter(src io.Reader, delim byte) *csvSplitter {
	return &csvSplitter{src: src, delim: delim}
}

// fill reads the next block, keeping the unread text before it. It
// returns false when nothing more can be read.
func (s *csvSplitter) fill() bool {
	if s.eof || s.err != nil {
		return false
	}
	rest := s.text[s.pos:]
	size := csvBlockBytes
	if size < 2*len(rest) {
		// A long line: read at least as much again, so that a line
		// spanning many blocks is not copied once per block.
		size = 2 * len(rest)
	}
	if cap(s.read) < size {
		s.read = make([]byte, 0, size)
	}
	buf := append(s.read[:0], rest...)
	start := len(buf)
	for len(buf) < cap(buf) {
		n, err := s.src.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			s.eof = true
			break
		}
		if err != nil {
			s.err = err
			break
		}
	}
	s.read = buf
	if len(buf) == start {
		return false
	}
	s.text, s.pos = string(buf), 0
	return true
}

// readLine returns the next line without its end; nl reports whether it
// ended with "\n" ("\r\n" counts as "\n"; a "\r" just before the end of
// the file is dropped), as encoding/csv's readLine.
func (s *csvSplitter) readLine() (line string, nl bool, err error) {
	for {
		if i := strings.IndexByte(s.text[s.pos:], '\n'); i >= 0 {
			if s.used+int64(i+1) > maxRecordBytes {
				// Left unread: skipRecord goes on from here.
				return "", false, errRecordTooLong
			}
			line = s.text[s.pos : s.pos+i]
			s.pos += i + 1
			s.used += int64(i + 1)
			s.numLine++
			if n := len(line); n > 0 && line[n-1] == '\r' {
				line = line[:n-1]
			}
			return line, true, nil
		}
		if s.used+int64(len(s.text)-s.pos) > maxRecordBytes {
			return "", false, errRecordTooLong
		}
		if !s.fill() {
			break
		}
	}
	line = s.text[s.pos:]
	s.pos = len(s.text)
	s.used += int64(len(line))
	s.numLine++
	if line == "" {
		if s.err != nil {
			return "", false, s.err
		}
		return "", false, io.EOF
	}
	if line[len(line)-1] == '\r' {
		line = line[:len(line)-1]
	}
	return line, false, nil
}

// next returns the next record; its cells are valid until the following
// call (the slice is reused).
func (s *csvSplitter) next() ([]string, error) {
	s.used = 0
	var line string
	var nl bool
	var err error
	for {
		line, nl, err = s.readLine()
		if err == errRecordTooLong {
			s.recLine = s.numLine + 1
			return nil, s.skipRecord(skipFieldStart)
		}
		if err != nil {
			return nil, err
		}
		if line != "" {
			break
		}
		// An empty line is skipped, as encoding/csv does; it is not
		// part of the record that follows.
		s.used = 0
	}
	s.recLine, s.lastLine = s.numLine, s.numLine
	if strings.IndexByte(line, '"') >= 0 {
		return s.quoted(line, nl)
	}
	if !s.share {
		line = strings.Clone(line)
	}
	s.rec = s.rec[:0]
	for {
		i := strings.IndexByte(line, s.delim)
		if i < 0 {
			s.rec = append(s.rec, line)
			return s.rec, nil
		}
		s.rec = append(s.rec, line[:i])
		line = line[i+1:]
	}
}

// quoted parses a record whose first line holds a quote: encoding/csv's
// readRecord with LazyQuotes, where a line is (text, nl) rather than
// bytes that may end in "\n".
func (s *csvSplitter) quoted(line string, nl bool) ([]string, error) {
	s.recordBuffer = s.recordBuffer[:0]
	s.fieldEnds = s.fieldEnds[:0]
	s.fieldLines = s.fieldLines[:0]
	posLine := s.numLine
	var errRead error
	endField := func(line int) {
		s.fieldEnds = append(s.fieldEnds, len(s.recordBuffer))
		s.fieldLines = append(s.fieldLines, line)
	}
parseField:
	for {
		if line == "" || line[0] != '"' {
			i := strings.IndexByte(line, s.delim)
			field := line
			if i >= 0 {
				field = field[:i]
			}
			s.recordBuffer = append(s.recordBuffer, field...)
			endField(posLine)
			if i >= 0 {
				line = line[i+1:]
				continue parseField
			}
			break parseField
		}
		fieldLine := posLine
		line = line[1:]
		for {
			if i := strings.IndexByte(line, '"'); i >= 0 {
				s.recordBuffer = append(s.recordBuffer, line[:i]...)
				line = line[i+1:]
				switch {
				case line != "" && line[0] == '"':
					// `""`: a quote.
					s.recordBuffer = append(s.recordBuffer, '"')
					line = line[1:]
				case line != "" && line[0] == s.delim:
					// `",`: end of field.
					line = line[1:]
					endField(fieldLine)
					continue parseField
				case line == "":
					// `"` at the end of the line.
					endField(fieldLine)
					break parseField
				default:
					// A bare quote, kept (LazyQuotes).
					s.recordBuffer = append(s.recordBuffer, '"')
				}
			} else if line != "" || nl {
				// The field goes on on the next line.
				s.recordBuffer = append(s.recordBuffer, line...)
				if nl {
					s.recordBuffer = append(s.recordBuffer, '\n')
				}
				if errRead != nil {
					break parseField
				}
				line, nl, errRead = s.readLine()
				if line != "" || nl {
					posLine++
				}
				if errRead == io.EOF {
					errRead = nil
				}
				if errRead == errRecordTooLong {
					// Inside a quoted field, at the start of a line.
					return nil, s.skipRecord(skipQuoted)
				}
			} else {
				// The end of the file inside quotes.
				endField(fieldLine)
				break parseField
			}
		}
	}
	str := string(s.recordBuffer)
	s.rec = s.rec[:0]
	prev := 0
	for _, end := range s.fieldEnds {
		s.rec = append(s.rec, str[prev:end])
		prev = end
	}
	s.lastLine = s.fieldLines[len(s.fieldLines)-1]
	if errRead != nil {
		return s.rec, errRead
	}
	return s.rec, nil
}

// skipState is where skipRecord is in a record's text.
type skipState uint8

const (
	skipFieldStart skipState = iota
	skipUnquoted
	skipQuoted
	skipAfterQuote // a '"' inside a quoted field
)

// skipRecord reads past the rest of a record longer than maxRecordBytes
// without keeping it, following the quoting rules of next and quoted
// (LazyQuotes), so that the next record starts where encoding/csv would
// start it. It returns errRecordTooLong, or the read error that ended it.
func (s *csvSplitter) skipRecord(st skipState) error {
	for {
		text := s.text[s.pos:]
		for i := 0; i < len(text); i++ {
			c := text[i]
			switch st {
			case skipFieldStart, skipUnquoted:
				switch {
				case c == '\n':
					s.numLine++
					s.pos += i + 1
					s.lastLine = s.numLine
					return errRecordTooLong
				case c == s.delim:
					st = skipFieldStart
				case c == '"' && st == skipFieldStart:
					st = skipQuoted
				default:
					st = skipUnquoted
				}
			case skipQuoted:
				if c == '"' {
					st = skipAfterQuote
				} else if c == '\n' {
					s.numLine++
				}
			case skipAfterQuote:
				switch c {
				case '"':
					st = skipQuoted
				case s.delim:
					st = skipFieldStart
				case '\r':
					// "\r\n" ends the line as "\n" does.
				case '\n':
					s.numLine++
					s.pos += i + 1
					s.lastLine = s.numLine
					return errRecordTooLong
				default:
					st = skipQuoted // a bare quote, kept (LazyQuotes)
				}
			}
		}
		s.pos = len(s.text)
		if !s.fill() {
			s.numLine++ // the last line, without its end
			s.lastLine = s.numLine
			if s.err != nil {
				return s.err
			}
			return errRecordTooLong
		}
	}
}
