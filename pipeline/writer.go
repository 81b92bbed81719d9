package pipeline

import (
	"context"
	"errors"
	"io"
)

var errClosed = errors.New("pipeline: write after Close")

// Writer is an io.WriteCloser that writes to another io.Writer on a
// goroutine of its own, in chunks of a fixed size: the caller builds the
// next bytes while the slow writer (a file, a compressor, a hash) works
// on the previous ones.
type Writer struct {
	p   *Pusher[byte]
	buf []byte
}

// NewWriter starts a Writer to w in chunks of chunk bytes, at most depth
// of them waiting.
func NewWriter(ctx context.Context, w io.Writer, chunk, depth int) *Writer {
	p := Push(ctx, chunk, depth, func(b []byte) error {
		_, err := w.Write(b)
		return err
	})
	return &Writer{p: p, buf: p.Batch()}
}

// Write copies p into chunks. An error of the underlying writer (or the
// context's end) is returned by a later Write, once noticed, and by
// Close.
func (w *Writer) Write(p []byte) (int, error) {
	if w.buf == nil {
		return 0, errClosed
	}
	n := len(p)
	for len(p) > 0 {
		k := min(len(p), cap(w.buf)-len(w.buf))
		w.buf = append(w.buf, p[:k]...)
		p = p[k:]
		if len(w.buf) == cap(w.buf) {
			w.buf = w.p.Send(w.buf)
			// Checked per chunk, not per call: small writes stay cheap.
			if err := w.p.Err(); err != nil {
				return n - len(p), err
			}
		}
	}
	return n, nil
}

// Close writes what is buffered, waits for the underlying writes and
// returns the first error. It may be called more than once; it does not
// close the underlying writer.
func (w *Writer) Close() error {
	err := w.p.Close(w.buf)
	w.buf = nil
	return err
}
