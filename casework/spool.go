package casework

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"io"
	"iter"
	"os"
)

// spool keeps a long sequence of records on disk so that memory does not
// grow with the number of payment rows: the run writes each record once
// while computing and the reports read them back, in order, as often as
// they need (the workbook and the JSON each read once).
type spool[T any] struct {
	f      *os.File
	w      *bufio.Writer
	encode func(*encoder, *T)
	decode func(*decoder) (T, error)
	enc    encoder
	n      int
	err    error
}

func newSpool[T any](dir, pattern string, encode func(*encoder, *T), decode func(*decoder) (T, error)) (*spool[T], error) {
	f, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return nil, fmt.Errorf("create spool file: %w", err)
	}
	return &spool[T]{f: f, w: bufio.NewWriterSize(f, 1<<20), encode: encode, decode: decode}, nil
}

// add appends one record, framed by its length.
func (s *spool[T]) add(v *T) {
	if s.err != nil {
		return
	}
	// The record is encoded after room for its length, which is then
	// moved right behind it: one write, and no header array escaping to
	// the heap per record.
	const room = binary.MaxVarintLen64
	if cap(s.enc.b) < room {
		s.enc.b = make([]byte, room, 256)
	}
	s.enc.b = s.enc.b[:room]
	s.encode(&s.enc, v)
	buf := s.enc.b
	var hdr [binary.MaxVarintLen64]byte
	k := binary.PutUvarint(hdr[:], uint64(len(buf)-room))
	start := room - k
	copy(buf[start:], hdr[:k])
	if _, err := s.w.Write(buf[start:]); err != nil {
		s.err = fmt.Errorf("write spool: %w", err)
		return
	}
	s.n++
}

// finish flushes the spool; it must be called before all().
func (s *spool[T]) finish() error {
	if s.err != nil {
		return s.err
	}
	return s.w.Flush()
}

// all yields every record in the order they were added. A read error
// stops the sequence and is kept in s.err for the caller to check.
func (s *spool[T]) all() iter.Seq[T] {
	return func(yield func(T) bool) {
		if _, err := s.f.Seek(0, io.SeekStart); err != nil {
			s.err = fmt.Errorf("rewind spool: %w", err)
			return
		}
		r := bufio.NewReaderSize(s.f, 1<<20)
		var buf []byte
		d := &decoder{intern: map[string]string{}}
		for i := 0; i < s.n; i++ {
			size, err := binary.ReadUvarint(r)
			if err != nil {
				s.err = fmt.Errorf("read spool: %w", err)
				return
			}
			if uint64(cap(buf)) < size {
				buf = make([]byte, size)
			}
			buf = buf[:size]
			if _, err := io.ReadFull(r, buf); err != nil {
				s.err = fmt.Errorf("read spool: %w", err)
				return
			}
			d.b, d.err = buf, nil
			v, err := s.decode(d)
			if err != nil {
				s.err = fmt.Errorf("read spool record %d: %w", i+1, err)
				return
			}
			if !yield(v) {
				return
			}
		}
	}
}

func (s *spool[T]) close() {
	name := s.f.Name()
	s.f.Close()
	os.Remove(name)
}
