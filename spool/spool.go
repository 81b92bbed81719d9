// Package spool keeps a long sequence of records on disk so that memory
// does not grow with the number of payment rows: a run writes each record
// once while computing and the reports read them back, in order, as often
// as they need (the workbook and the JSON each read once).
//
// The files have no name (see outfile.Temp): they hold payer names and
// accounts, and nothing of them is left behind however the run ends.
package spool

import (
	"bufio"
	"context"
	"encoding/binary"
	"fmt"
	"io"
	"iter"
	"os"

	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/outfile"
	"github.com/crosscheck/crosscheck/pipeline"
)

// Spool is a sequence of records of one type on disk.
type Spool[T any] struct {
	f      *os.File
	w      *pipeline.Writer
	encode func(*encoder, *T)
	decode func(*decoder) (T, error)
	enc    encoder
	n      int
	err    error
}

// Entries starts a spool of payment rows in dir (the system's temporary
// folder when empty).
func Entries(dir string) (*Spool[ledger.Entry], error) {
	return newSpool(dir, (*encoder).entry, decodeEntry)
}

// Issues starts a spool of issues in dir (the system's temporary folder
// when empty).
func Issues(dir string) (*Spool[ledger.Issue], error) {
	return newSpool(dir, (*encoder).issue, decodeIssue)
}

func newSpool[T any](dir string, encode func(*encoder, *T), decode func(*decoder) (T, error)) (*Spool[T], error) {
	f, err := outfile.Temp(dir)
	if err != nil {
		return nil, outfile.NotWritten("spool file in "+tempDir(dir), err)
	}
	// The write system calls (a third of the cost of spooling a million
	// payments) run beside the goroutine that posts payments.
	return &Spool[T]{f: f, w: pipeline.NewWriter(context.Background(), f, 1<<20, 2), encode: encode, decode: decode}, nil
}

func tempDir(dir string) string {
	if dir == "" {
		return os.TempDir()
	}
	return dir
}

// Len is the number of records added.
func (s *Spool[T]) Len() int { return s.n }

// Err is the first error writing or reading the spool back.
func (s *Spool[T]) Err() error { return s.err }

// Add appends one record, framed by its length.
func (s *Spool[T]) Add(v *T) {
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
		s.err = outfile.NotWritten("spool file", err)
	}
	s.n++
}

// Finish flushes the spool; it must be called before All.
func (s *Spool[T]) Finish() error {
	if err := s.w.Close(); err != nil && s.err == nil {
		s.err = outfile.NotWritten("spool file", err)
	}
	return s.err
}

// All yields every record in the order they were added. A read error
// stops the sequence and is kept in s.err for the caller to check.
func (s *Spool[T]) All() iter.Seq[T] {
	return func(yield func(T) bool) {
		if s.f == nil {
			s.err = fmt.Errorf("read spool: %w", os.ErrClosed)
			return
		}
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

// Spliced yields main's records with mid's put in before the record at
// index at (after the last when at is main's length).
func Spliced[T any](main *Spool[T], at int, mid *Spool[T]) iter.Seq[T] {
	return func(yield func(T) bool) {
		i := 0
		for v := range main.All() {
			if i == at {
				for w := range mid.All() {
					if !yield(w) {
						return
					}
				}
			}
			i++
			if !yield(v) {
				return
			}
		}
		if at >= i {
			for w := range mid.All() {
				if !yield(w) {
					return
				}
			}
		}
	}
}

// Close releases the spool's file. It may be called more than once.
func (s *Spool[T]) Close() {
	if s.f == nil {
		return
	}
	s.w.Close()
	outfile.Discard(s.f)
	s.f = nil
}
