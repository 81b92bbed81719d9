package spool

import (
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"os"

	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/outfile"
)

// RefTexts keeps the duplicate check's reference texts (ledger.RefTexts)
// in a temporary file without a name, so that memory does not grow with
// the distinct references: each record is appended to a buffer written
// out a megabyte at a time, and read back, on a fingerprint hit, from
// the buffer or through a block cache of the file (duplicates of an
// overlapping export come in the order of their first rows, so one block
// serves many).
type RefTexts struct {
	f       *os.File
	pending []byte // not yet written; starts at offset written
	written int64
	cache   []byte // the file's bytes from cacheAt
	cacheAt int64
}

const (
	refTextsFlush = 1 << 20
	refTextsBlock = 64 << 10
)

// NewRefTexts opens the file in dir (the system's temporary folder when
// empty).
func NewRefTexts(dir string) (*RefTexts, error) {
	f, err := outfile.Temp(dir)
	if err != nil {
		return nil, outfile.NotWritten("spool file in "+tempDir(dir), err)
	}
	return &RefTexts{f: f, pending: make([]byte, 0, refTextsFlush+4096), cacheAt: -1}, nil
}

var _ ledger.RefTexts = (*RefTexts)(nil)

// Add appends rec, framed by its length.
func (t *RefTexts) Add(rec []byte) (uint32, error) {
	pos := t.written + int64(len(t.pending))
	if pos+int64(len(rec))+binary.MaxVarintLen64 > math.MaxUint32 {
		return 0, ledger.ErrTooManyRefs
	}
	t.pending = binary.AppendUvarint(t.pending, uint64(len(rec)))
	t.pending = append(t.pending, rec...)
	if len(t.pending) >= refTextsFlush {
		if _, err := t.f.Write(t.pending); err != nil {
			return 0, outfile.NotWritten("spool file", err)
		}
		t.written += int64(len(t.pending))
		t.pending = t.pending[:0]
	}
	return uint32(pos), nil
}

// Get returns the record at pos; it is valid until the next call.
func (t *RefTexts) Get(pos uint32, _ []byte) ([]byte, error) {
	head, err := t.at(int64(pos), binary.MaxVarintLen64)
	if err != nil {
		return nil, err
	}
	n, k := binary.Uvarint(head)
	if k <= 0 {
		return nil, fmt.Errorf("reference text at %d: damaged", pos)
	}
	return t.at(int64(pos)+int64(k), int(n))
}

// at returns n bytes from off (fewer at the end of the data).
func (t *RefTexts) at(off int64, n int) ([]byte, error) {
	end := t.written + int64(len(t.pending))
	if off+int64(n) > end {
		n = int(end - off)
	}
	if n < 0 {
		return nil, fmt.Errorf("reference text at %d: not stored", off)
	}
	if off >= t.written {
		p := t.pending[off-t.written:]
		return p[:n], nil
	}
	if off+int64(n) > t.written {
		// Straddles the file and the buffer (a record Add has just cut).
		b := make([]byte, n)
		if _, err := t.f.ReadAt(b[:t.written-off], off); err != nil {
			return nil, fmt.Errorf("read back a reference: %w", err)
		}
		copy(b[t.written-off:], t.pending)
		return b, nil
	}
	if t.cacheAt < 0 || off < t.cacheAt || off+int64(n) > t.cacheAt+int64(len(t.cache)) {
		size := max(refTextsBlock, n)
		if cap(t.cache) < size {
			t.cache = make([]byte, size)
		}
		t.cache = t.cache[:size]
		m, err := t.f.ReadAt(t.cache, off)
		if err != nil && err != io.EOF {
			t.cacheAt = -1
			return nil, fmt.Errorf("read back a reference: %w", err)
		}
		t.cache, t.cacheAt = t.cache[:m], off
		if m < n {
			return nil, fmt.Errorf("reference text at %d: cut short", off)
		}
	}
	return t.cache[off-t.cacheAt : off-t.cacheAt+int64(n)], nil
}

// Close removes the file; it may be called more than once.
func (t *RefTexts) Close() error {
	if t.f == nil {
		return nil
	}
	f := t.f
	t.f, t.pending, t.cache = nil, nil, nil
	return f.Close()
}
