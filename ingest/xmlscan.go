package ingest

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"
)

// xmlScanner is a minimal pull tokenizer for worksheet and shared-strings
// XML. It exists because encoding/xml's token API allocates a Token, a
// Name and an []Attr per element, which is where excelize's row iterator
// spends most of its time. It checks what is cheap to check (tag nesting,
// entities, UTF-8 and XML characters in the text it decodes) and fails on
// the rest instead of guessing; it does not resolve namespaces: elements
// are matched by local name, as excelize does.
type xmlScanner struct {
	r *bufio.Reader

	kind      tokKind
	tag       []byte // raw bytes of the current start tag, after '<' and before '>'
	name      []byte // qualified name of the current start or end element
	raw       []byte // undecoded bytes of the current text token
	cdata     bool   // raw is a CDATA section: no entities
	selfClose bool   // the current start element ends with "/>"
	endNext   bool   // emit the end of a self-closing element next
	ltRead    bool   // the '<' of the next tag was consumed with the text before it

	stack   []byte // names of the open elements, back to back
	lens    []int  // their lengths
	acc     []byte // accumulates tokens longer than the bufio buffer
	attrBuf []byte // decoded attribute value
	err     error
}

type tokKind int

const (
	tokEOF tokKind = iota
	tokStart
	tokEnd
	tokText
	tokErr
)

var errMalformedXML = errors.New("malformed XML")

func newXMLScanner(r io.Reader) *xmlScanner {
	return &xmlScanner{r: bufio.NewReaderSize(r, 64<<10)}
}

// checkDeclaration refuses a document whose XML declaration names an
// encoding other than UTF-8 (excelize would convert it).
func (s *xmlScanner) checkDeclaration() error {
	head, _ := s.r.Peek(512)
	if !bytes.HasPrefix(head, []byte("<?xml")) {
		return nil
	}
	end := bytes.Index(head, []byte("?>"))
	if end < 0 {
		return nil
	}
	if enc := declaredEncoding(head[:end]); enc != "" && !isUTF8Name(enc) {
		return fmt.Errorf("%w: %q", errForeignEncoding, enc)
	}
	return nil
}

func (s *xmlScanner) fail(format string, args ...any) tokKind {
	if s.err == nil {
		s.err = fmt.Errorf("%w: %s", errMalformedXML, fmt.Sprintf(format, args...))
	}
	s.kind = tokErr
	return tokErr
}

// readUntil returns the bytes up to and including delim. The slice is
// valid until the next read.
func (s *xmlScanner) readUntil(delim byte) ([]byte, error) {
	b, err := s.r.ReadSlice(delim)
	if err != bufio.ErrBufferFull {
		return b, err
	}
	s.acc = append(s.acc[:0], b...)
	for {
		b, err = s.r.ReadSlice(delim)
		s.acc = append(s.acc, b...)
		if err != bufio.ErrBufferFull {
			return s.acc, err
		}
	}
}

// next advances to the next token.
func (s *xmlScanner) next() tokKind {
	if s.kind == tokErr {
		return tokErr
	}
	if s.endNext {
		s.endNext = false
		s.kind = tokEnd
		return tokEnd
	}
	for {
		if !s.ltRead {
			c, err := s.r.ReadByte()
			if err == io.EOF {
				if len(s.lens) > 0 {
					return s.fail("unexpected end of document inside <%s>", s.top())
				}
				s.kind = tokEOF
				return tokEOF
			}
			if err != nil {
				return s.fail("%v", err)
			}
			if c != '<' {
				s.r.UnreadByte()
				b, err := s.readUntil('<')
				if err == io.EOF {
					if len(s.lens) > 0 {
						return s.fail("unexpected end of document inside <%s>", s.top())
					}
					s.raw, s.cdata, s.kind = b, false, tokText
					return tokText
				}
				if err != nil {
					return s.fail("%v", err)
				}
				s.ltRead = true
				s.raw, s.cdata, s.kind = b[:len(b)-1], false, tokText
				return tokText
			}
		}
		s.ltRead = false
		k, skip := s.readTag()
		if !skip {
			return k
		}
	}
}

// readTag reads the markup after '<'; skip is true for comments,
// processing instructions and DOCTYPE.
func (s *xmlScanner) readTag() (tokKind, bool) {
	c, err := s.r.ReadByte()
	if err != nil {
		return s.fail("unexpected end of document in a tag"), false
	}
	switch c {
	case '/':
		b, err := s.readUntil('>')
		if err != nil {
			return s.fail("unexpected end of document in an end tag"), false
		}
		name := bytes.TrimRight(b[:len(b)-1], " \t\r\n")
		if len(s.lens) == 0 || !bytes.Equal(name, s.topBytes()) {
			return s.fail("unexpected </%s>", name), false
		}
		s.name = s.pop()
		s.kind = tokEnd
		return tokEnd, false
	case '?':
		return s.skipPI()
	case '!':
		return s.readBang()
	}
	s.r.UnreadByte()
	b, err := s.readStartTag()
	if err != nil {
		return s.fail("unexpected end of document in a start tag"), false
	}
	s.selfClose = len(b) > 0 && b[len(b)-1] == '/'
	if s.selfClose {
		b = b[:len(b)-1]
	}
	s.tag = b
	n := 0
	for n < len(b) && !isXMLSpace(b[n]) {
		n++
	}
	if n == 0 {
		return s.fail("element without a name"), false
	}
	s.name = b[:n]
	if s.selfClose {
		s.endNext = true
	} else {
		s.push(s.name)
	}
	s.kind = tokStart
	return tokStart, false
}

// readStartTag reads up to the '>' that closes the tag, allowing '>'
// inside quoted attribute values; the result excludes the '>'.
func (s *xmlScanner) readStartTag() ([]byte, error) {
	b, err := s.r.ReadSlice('>')
	if err == nil && quotesBalanced(b) {
		return b[:len(b)-1], nil
	}
	s.acc = append(s.acc[:0], b...)
	for err == bufio.ErrBufferFull || (err == nil && !quotesBalanced(s.acc)) {
		b, err = s.r.ReadSlice('>')
		s.acc = append(s.acc, b...)
	}
	if err != nil {
		return nil, err
	}
	return s.acc[:len(s.acc)-1], nil
}

func quotesBalanced(b []byte) bool {
	var q byte
	for _, c := range b {
		switch {
		case q == 0 && (c == '"' || c == '\''):
			q = c
		case c == q:
			q = 0
		}
	}
	return q == 0
}

func (s *xmlScanner) skipPI() (tokKind, bool) {
	s.acc = s.acc[:0]
	for {
		b, err := s.r.ReadSlice('>')
		s.acc = append(s.acc, b...)
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil {
			return s.fail("unexpected end of document in a processing instruction"), false
		}
		if len(s.acc) >= 2 && s.acc[len(s.acc)-2] == '?' {
			break
		}
	}
	if bytes.HasPrefix(s.acc, []byte("xml")) && len(s.acc) > 3 && isXMLSpace(s.acc[3]) {
		if enc := declaredEncoding(s.acc); enc != "" && !isUTF8Name(enc) {
			return s.fail("encoding %q is not supported", enc), false
		}
	}
	return 0, true
}

// errForeignEncoding is how the scanner refuses a document declared in
// an encoding other than UTF-8, which excelize converts: the caller falls
// back to excelize.
var errForeignEncoding = errors.New("declared encoding is not UTF-8")

func declaredEncoding(pi []byte) string {
	i := bytes.Index(pi, []byte("encoding"))
	if i < 0 {
		return ""
	}
	rest := bytes.TrimLeft(pi[i+len("encoding"):], " \t\r\n")
	if len(rest) == 0 || rest[0] != '=' {
		return ""
	}
	rest = bytes.TrimLeft(rest[1:], " \t\r\n")
	if len(rest) == 0 || (rest[0] != '"' && rest[0] != '\'') {
		return ""
	}
	end := bytes.IndexByte(rest[1:], rest[0])
	if end < 0 {
		return ""
	}
	return string(rest[1 : 1+end])
}

func isUTF8Name(enc string) bool {
	return bytes.EqualFold([]byte(enc), []byte("utf-8")) || bytes.EqualFold([]byte(enc), []byte("utf8"))
}

// readBang handles comments, CDATA sections and DOCTYPE.
func (s *xmlScanner) readBang() (tokKind, bool) {
	head, err := s.r.Peek(2)
	if err == nil && string(head) == "--" {
		s.r.Discard(2)
		if !s.skipPast("-->") {
			return s.fail("unterminated comment"), false
		}
		return 0, true
	}
	head, err = s.r.Peek(7)
	if err == nil && string(head) == "[CDATA[" {
		s.r.Discard(7)
		if !s.readPast("]]>") {
			return s.fail("unterminated CDATA section"), false
		}
		s.raw, s.cdata, s.kind = s.acc[:len(s.acc)-3], true, tokText
		return tokText, false
	}
	// DOCTYPE or another declaration: skipped the way encoding/xml
	// reads it, nesting on unquoted angle brackets, with comments inside;
	// like encoding/xml it takes the byte after "<!" as it is.
	if _, err := s.r.ReadByte(); err != nil {
		return s.fail("unterminated declaration"), false
	}
	var quote byte
	depth := 0
	for {
		c, err := s.r.ReadByte()
		if err != nil {
			return s.fail("unterminated declaration"), false
		}
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			if depth == 0 {
				return 0, true
			}
			depth--
		case c == '<':
			if head, err := s.r.Peek(3); err == nil && string(head) == "!--" {
				s.r.Discard(3)
				if !s.skipPast("-->") {
					return s.fail("unterminated comment"), false
				}
				continue
			}
			depth++
		}
	}
}

// readPast accumulates into s.acc up to and including end.
func (s *xmlScanner) readPast(end string) bool {
	s.acc = s.acc[:0]
	last := end[len(end)-1]
	for {
		b, err := s.r.ReadSlice(last)
		s.acc = append(s.acc, b...)
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil {
			return false
		}
		if bytes.HasSuffix(s.acc, []byte(end)) {
			return true
		}
	}
}

func (s *xmlScanner) skipPast(end string) bool {
	ok := s.readPast(end)
	s.acc = s.acc[:0]
	return ok
}

// The stack keeps open element names back to back in one buffer.
func (s *xmlScanner) push(name []byte) {
	s.stack = append(s.stack, name...)
	s.lens = append(s.lens, len(name))
}

func (s *xmlScanner) topBytes() []byte {
	n := s.lens[len(s.lens)-1]
	return s.stack[len(s.stack)-n:]
}

func (s *xmlScanner) top() string {
	if len(s.lens) == 0 {
		return ""
	}
	return string(s.topBytes())
}

// pop removes the innermost open element and returns its name, valid
// until the next push.
func (s *xmlScanner) pop() []byte {
	n := s.lens[len(s.lens)-1]
	s.lens = s.lens[:len(s.lens)-1]
	name := s.stack[len(s.stack)-n:]
	s.stack = s.stack[:len(s.stack)-n]
	return name
}

// localName strips a namespace prefix the way encoding/xml does.
func localName(name []byte) []byte {
	if i := bytes.IndexByte(name, ':'); i > 0 && i < len(name)-1 {
		return name[i+1:]
	}
	return name
}

func isXMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// attrs iterates the attributes of the current start tag. Values are
// decoded; both slices are valid until the next call.
func (s *xmlScanner) nextAttr(pos int) (name, val []byte, next int, err error) {
	b := s.tag
	if pos == 0 {
		pos = len(s.name)
	}
	for pos < len(b) && isXMLSpace(b[pos]) {
		pos++
	}
	if pos >= len(b) {
		return nil, nil, -1, nil
	}
	start := pos
	for pos < len(b) && b[pos] != '=' && !isXMLSpace(b[pos]) {
		pos++
	}
	name = b[start:pos]
	for pos < len(b) && isXMLSpace(b[pos]) {
		pos++
	}
	if pos >= len(b) || b[pos] != '=' || len(name) == 0 {
		return nil, nil, -1, fmt.Errorf("%w: attribute %q without a value", errMalformedXML, name)
	}
	pos++
	for pos < len(b) && isXMLSpace(b[pos]) {
		pos++
	}
	if pos >= len(b) || (b[pos] != '"' && b[pos] != '\'') {
		return nil, nil, -1, fmt.Errorf("%w: attribute %q value not quoted", errMalformedXML, name)
	}
	q := b[pos]
	end := bytes.IndexByte(b[pos+1:], q)
	if end < 0 {
		return nil, nil, -1, fmt.Errorf("%w: attribute %q value not closed", errMalformedXML, name)
	}
	val = b[pos+1 : pos+1+end]
	next = pos + 2 + end
	if bytes.IndexByte(val, '<') >= 0 {
		return nil, nil, -1, fmt.Errorf("%w: '<' in attribute %q", errMalformedXML, name)
	}
	if needsDecoding(val) {
		s.attrBuf, err = decodeText(s.attrBuf[:0], val, false)
		if err != nil {
			return nil, nil, -1, err
		}
		val = s.attrBuf
	}
	return localName(name), val, next, nil
}

// appendText appends the decoded current text token to dst.
func (s *xmlScanner) appendText(dst []byte) ([]byte, error) {
	if !needsDecoding(s.raw) {
		return append(dst, s.raw...), nil
	}
	return decodeText(dst, s.raw, s.cdata)
}

// needsDecoding reports bytes that plain copying would get wrong: entity
// references, carriage returns, control characters, and non-ASCII, which
// must be checked for UTF-8 and XML character validity.
func needsDecoding(b []byte) bool {
	for _, c := range b {
		if c == '&' || c >= utf8.RuneSelf || c < 0x20 && c != '\t' && c != '\n' {
			return true
		}
	}
	return false
}

// decodeText resolves entity references (unless cdata), turns "\r\n" and
// lone "\r" into "\n" and rejects characters XML forbids, as encoding/xml
// does.
func decodeText(dst, b []byte, cdata bool) ([]byte, error) {
	for i := 0; i < len(b); {
		c := b[i]
		switch {
		case c == '\r':
			dst = append(dst, '\n')
			i++
			if i < len(b) && b[i] == '\n' {
				i++
			}
		case c == '&' && !cdata:
			end := bytes.IndexByte(b[i:], ';')
			if end < 0 {
				return dst, fmt.Errorf("%w: unterminated entity reference", errMalformedXML)
			}
			r, ok := entity(b[i+1 : i+end])
			if !ok {
				return dst, fmt.Errorf("%w: invalid entity reference &%s;", errMalformedXML, b[i+1:i+end])
			}
			dst = utf8.AppendRune(dst, r)
			i += end + 1
		case c < utf8.RuneSelf:
			if c < 0x20 && c != '\t' && c != '\n' {
				return dst, fmt.Errorf("%w: illegal character code U+%04X", errMalformedXML, c)
			}
			dst = append(dst, c)
			i++
		default:
			r, size := utf8.DecodeRune(b[i:])
			if r == utf8.RuneError && size == 1 {
				return dst, fmt.Errorf("%w: invalid UTF-8", errMalformedXML)
			}
			if !isXMLChar(r) {
				return dst, fmt.Errorf("%w: illegal character code %U", errMalformedXML, r)
			}
			dst = append(dst, b[i:i+size]...)
			i += size
		}
	}
	return dst, nil
}

// entity resolves the predefined entities and character references that
// a strict encoding/xml decoder accepts.
func entity(name []byte) (rune, bool) {
	switch string(name) {
	case "amp":
		return '&', true
	case "lt":
		return '<', true
	case "gt":
		return '>', true
	case "quot":
		return '"', true
	case "apos":
		return '\'', true
	}
	if len(name) < 2 || name[0] != '#' {
		return 0, false
	}
	var n uint64
	var err error
	if name[1] == 'x' {
		n, err = strconv.ParseUint(string(name[2:]), 16, 64)
	} else {
		n, err = strconv.ParseUint(string(name[1:]), 10, 64)
	}
	if err != nil || n > utf8.MaxRune || !isXMLChar(rune(n)) {
		return 0, false
	}
	return rune(n), true
}

// isXMLChar is encoding/xml's isInCharacterRange.
func isXMLChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}
