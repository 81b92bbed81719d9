package casework

import (
	"bufio"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
)

// spool keeps a long sequence of records on disk so that memory does not
// grow with the number of payment rows: the run writes each record once
// while computing and the reports read them back once, in order.
type spool[T any] struct {
	f   *os.File
	w   *bufio.Writer
	enc *gob.Encoder
	n   int
	err error
}

func newSpool[T any](dir, pattern string) (*spool[T], error) {
	f, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return nil, fmt.Errorf("create spool file: %w", err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	return &spool[T]{f: f, w: w, enc: gob.NewEncoder(w)}, nil
}

func (s *spool[T]) add(v *T) {
	if s.err != nil {
		return
	}
	if err := s.enc.Encode(v); err != nil {
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
		dec := gob.NewDecoder(bufio.NewReaderSize(s.f, 1<<20))
		for i := 0; i < s.n; i++ {
			var v T
			if err := dec.Decode(&v); err != nil {
				if !errors.Is(err, io.EOF) {
					s.err = fmt.Errorf("read spool: %w", err)
				}
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
