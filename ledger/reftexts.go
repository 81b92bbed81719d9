package ledger

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// RefTexts keeps the text of every payment reference the duplicate check
// has taken as the first of its kind, so that a fingerprint hit is
// decided on the texts: a 64-bit fingerprint finds candidates, the text
// decides. Add stores one record and returns where it is; Get returns the
// record stored there (buf may be used to hold it). The run stores them
// in a temporary file (see package spool), so that memory does not grow
// with them; MemRefTexts holds them in memory.
type RefTexts interface {
	Add(rec []byte) (pos uint32, err error)
	Get(pos uint32, buf []byte) ([]byte, error)
}

// ErrTooManyRefs is returned when the references' texts exceed what a
// 32-bit position addresses (4 GiB, about 100 million references).
var ErrTooManyRefs = errors.New("more than 4 GiB of payment references")

// MemRefTexts is RefTexts in memory: records in 1 MiB chunks (a growing
// arena never copies what it holds), each record its length and bytes.
type MemRefTexts struct {
	chunks [][]byte
}

const (
	memChunkBits = 20
	memChunkSize = 1 << memChunkBits
)

// Add appends rec.
func (m *MemRefTexts) Add(rec []byte) (uint32, error) {
	need := binary.MaxVarintLen64 + len(rec)
	if n := len(m.chunks); n == 0 || len(m.chunks[n-1])+need > cap(m.chunks[n-1]) {
		if n >= 1<<(32-memChunkBits) {
			return 0, ErrTooManyRefs
		}
		// A chunk starts below 1 MiB and holds at least one record.
		m.chunks = append(m.chunks, make([]byte, 0, max(memChunkSize, need)))
	}
	c := &m.chunks[len(m.chunks)-1]
	off := len(*c)
	*c = binary.AppendUvarint(*c, uint64(len(rec)))
	*c = append(*c, rec...)
	return uint32(len(m.chunks)-1)<<memChunkBits | uint32(off), nil
}

// Get returns the record at pos, a slice of the arena.
func (m *MemRefTexts) Get(pos uint32, _ []byte) ([]byte, error) {
	ci, off := int(pos>>memChunkBits), int(pos&(memChunkSize-1))
	if ci >= len(m.chunks) || off >= len(m.chunks[ci]) {
		return nil, fmt.Errorf("reference text %d: not stored", pos)
	}
	c := m.chunks[ci][off:]
	n, k := binary.Uvarint(c)
	if k <= 0 || uint64(len(c)-k) < n {
		return nil, fmt.Errorf("reference text %d: damaged", pos)
	}
	return c[k : k+int(n)], nil
}
