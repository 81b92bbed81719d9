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
	w      *asyncWriter
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
	return &spool[T]{f: f, w: newAsyncWriter(f, 1<<20), encode: encode, decode: decode}, nil
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
	s.w.write(buf[start:])
	s.n++
}

// finish flushes the spool; it must be called before all().
func (s *spool[T]) finish() error {
	if err := s.w.close(); err != nil && s.err == nil {
		s.err = fmt.Errorf("write spool: %w", err)
	}
	return s.err
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

// spliced yields main's records with mid's put in before the record at
// index at (after the last when at is main's length).
func spliced[T any](main *spool[T], at int, mid *spool[T]) iter.Seq[T] {
	return func(yield func(T) bool) {
		i := 0
		for v := range main.all() {
			if i == at {
				for w := range mid.all() {
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
			for w := range mid.all() {
				if !yield(w) {
					return
				}
			}
		}
	}
}

func (s *spool[T]) close() {
	s.w.close()
	name := s.f.Name()
	s.f.Close()
	os.Remove(name)
}

// asyncWriter collects records in large buffers and hands each full
// buffer to a goroutine that writes it to the file: the write system
// calls (a third of the cost of spooling a million payments) then run
// beside the goroutine that posts payments instead of inside it. A
// write error is kept and returned by close.
type asyncWriter struct {
	buf    []byte
	full   chan []byte
	free   chan []byte
	done   chan error
	err    error
	closed bool
}

func newAsyncWriter(f io.Writer, size int) *asyncWriter {
	w := &asyncWriter{
		buf:  make([]byte, 0, size),
		full: make(chan []byte, 2),
		// Room for every buffer in flight, so the writer never blocks
		// handing one back.
		free: make(chan []byte, 4),
		done: make(chan error, 1),
	}
	go func() {
		var err error
		for b := range w.full {
			if err == nil {
				_, err = f.Write(b)
			}
			select {
			case w.free <- b[:0]:
			default:
			}
		}
		w.done <- err
	}()
	return w
}

func (w *asyncWriter) write(p []byte) {
	if w.closed {
		return
	}
	if len(w.buf)+len(p) > cap(w.buf) && len(w.buf) > 0 {
		w.full <- w.buf
		select {
		case w.buf = <-w.free:
		default:
			w.buf = make([]byte, 0, cap(w.buf))
		}
	}
	w.buf = append(w.buf, p...)
}

// close writes what is buffered and waits for the file writes; it may be
// called more than once.
func (w *asyncWriter) close() error {
	if w.closed {
		return w.err
	}
	w.closed = true
	if len(w.buf) > 0 {
		w.full <- w.buf
		w.buf = nil
	}
	close(w.full)
	w.err = <-w.done
	return w.err
}
