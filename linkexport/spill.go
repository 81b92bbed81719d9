package linkexport

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/crosscheck/crosscheck/outfile"
)

// The payment edges of a large case are as many as its payers: a million
// on README's large case. Holding them in maps took most of the export's
// memory, so they are aggregated by sorting instead: each income payment
// becomes one small record keyed by its edge, records are sorted in
// chunks of bounded size that go to scratch files, and a k-way merge
// yields them in key order, where one edge's records are adjacent.
// Memory is one chunk, whatever the number of payments.

// defaultChunkBytes bounds the records held in memory before a chunk is
// sorted and written out.
const defaultChunkBytes = 8 << 20

// defaultFanIn is how many sorted chunks are merged at once: as many
// files are open. Past it, chunks are merged into longer ones first.
const defaultFanIn = 64

// sorter sorts byte records by a key comparison, spilling sorted chunks
// to scratch files (outfile.Temp: no name, nothing left behind).
type sorter struct {
	dir    string
	limit  int
	fanIn  int
	less   func(a, b []byte) int
	arena  []byte
	offs   []int // record starts in arena; a record ends where the next starts
	chunks []chunk
	err    error
}

// chunk is a sorted scratch file; level n holds fanIn^n chunks' records.
type chunk struct {
	f     *os.File
	level int
}

func newSorter(dir string, limit, fanIn int, compare func(a, b []byte) int) *sorter {
	if limit <= 0 {
		limit = defaultChunkBytes
	}
	if fanIn < 2 {
		fanIn = defaultFanIn
	}
	return &sorter{dir: dir, limit: limit, fanIn: fanIn, less: compare}
}

// add appends one record; rec may be reused by the caller afterwards.
func (s *sorter) add(rec []byte) {
	if s.err != nil {
		return
	}
	if len(s.arena)+len(rec) > s.limit && len(s.offs) > 0 {
		s.spill()
		if s.err != nil {
			return
		}
	}
	if s.arena == nil {
		// One allocation for the chunk, reused for every chunk.
		s.arena = make([]byte, 0, s.limit)
	}
	s.offs = append(s.offs, len(s.arena))
	s.arena = append(s.arena, rec...)
}

func (s *sorter) record(i int) []byte {
	end := len(s.arena)
	if i+1 < len(s.offs) {
		end = s.offs[i+1]
	}
	return s.arena[s.offs[i]:end]
}

// sorted returns the chunk's records in key order (slices of the arena).
func (s *sorter) sorted() [][]byte {
	recs := make([][]byte, len(s.offs))
	for i := range s.offs {
		recs[i] = s.record(i)
	}
	slices.SortFunc(recs, s.less)
	return recs
}

// spill writes the chunk in memory, sorted, to a scratch file.
func (s *sorter) spill() {
	if len(s.offs) == 0 {
		return
	}
	f, err := outfile.Temp(s.dir)
	if err != nil {
		s.err = outfile.NotWritten("link export scratch file", err)
		return
	}
	s.chunks = append(s.chunks, chunk{f: f})
	w := bufio.NewWriterSize(f, 1<<16)
	var hdr [binary.MaxVarintLen64]byte
	for _, r := range s.sorted() {
		w.Write(hdr[:binary.PutUvarint(hdr[:], uint64(len(r)))])
		w.Write(r)
	}
	if err := w.Flush(); err != nil {
		s.err = outfile.NotWritten("link export scratch file", err)
		return
	}
	s.arena, s.offs = s.arena[:0], s.offs[:0]
	s.err = s.compact()
}

// compact merges fanIn chunks of one level into one of the next, so
// that no more than fanIn chunks per level are ever open and each record
// is rewritten once per level.
func (s *sorter) compact() error {
	for level := 0; ; level++ {
		var same, rest []chunk
		for _, c := range s.chunks {
			if c.level == level {
				same = append(same, c)
			} else {
				rest = append(rest, c)
			}
		}
		if len(same) < s.fanIn {
			if len(same) == 0 {
				return nil
			}
			continue
		}
		f, err := outfile.Temp(s.dir)
		if err != nil {
			return outfile.NotWritten("link export scratch file", err)
		}
		w := bufio.NewWriterSize(f, 1<<16)
		var hdr [binary.MaxVarintLen64]byte
		err = mergeFiles(same, s.less, func(r []byte) error {
			w.Write(hdr[:binary.PutUvarint(hdr[:], uint64(len(r)))])
			_, err := w.Write(r)
			return err
		})
		if err == nil {
			err = w.Flush()
		}
		for _, c := range same {
			outfile.Discard(c.f)
		}
		s.chunks = append(rest, chunk{f: f, level: level + 1})
		if err != nil {
			return outfile.NotWritten("link export scratch file", err)
		}
	}
}

// merge calls each with every record in key order (records of equal keys
// in no particular order). The record is valid only during the call.
func (s *sorter) merge(each func(rec []byte) error) error {
	if s.err != nil {
		return s.err
	}
	if len(s.chunks) == 0 {
		// Everything fitted in memory: no scratch file at all.
		for _, r := range s.sorted() {
			if err := each(r); err != nil {
				return err
			}
		}
		return nil
	}
	s.spill()
	if s.err != nil {
		return s.err
	}
	s.arena, s.offs = nil, nil
	return mergeFiles(s.chunks, s.less, each)
}

// mergeFiles calls each with the records of the sorted chunks in order.
func mergeFiles(chunks []chunk, less func(a, b []byte) int, each func(rec []byte) error) error {
	var h mergeHeap
	h.less = less
	for _, c := range chunks {
		f := c.f
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			return fmt.Errorf("link export: rewind scratch file: %w", err)
		}
		c := &recReader{r: bufio.NewReaderSize(f, 1<<16)}
		ok, err := c.next()
		if err != nil {
			return err
		}
		if ok {
			h.push(c)
		}
	}
	for len(h.c) > 0 {
		c := h.c[0]
		if err := each(c.rec); err != nil {
			return err
		}
		ok, err := c.next()
		if err != nil {
			return err
		}
		if ok {
			h.fix()
		} else {
			h.pop()
		}
	}
	return nil
}

// close discards the scratch files.
func (s *sorter) close() {
	for _, c := range s.chunks {
		outfile.Discard(c.f)
	}
	s.chunks, s.arena, s.offs = nil, nil, nil
}

// recReader reads length-framed records back.
type recReader struct {
	r   *bufio.Reader
	buf []byte
	rec []byte
}

func (c *recReader) next() (bool, error) {
	n, err := binary.ReadUvarint(c.r)
	if errors.Is(err, io.EOF) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("link export: read scratch file: %w", err)
	}
	if uint64(cap(c.buf)) < n {
		c.buf = make([]byte, n, max(n, 256))
	}
	c.buf = c.buf[:n]
	if _, err := io.ReadFull(c.r, c.buf); err != nil {
		return false, fmt.Errorf("link export: read scratch file: %w", err)
	}
	c.rec = c.buf
	return true, nil
}

// mergeHeap is a min-heap of chunk readers by their current record.
type mergeHeap struct {
	c    []*recReader
	less func(a, b []byte) int
}

func (h *mergeHeap) push(c *recReader) {
	h.c = append(h.c, c)
	for i := len(h.c) - 1; i > 0; {
		p := (i - 1) / 2
		if h.less(h.c[i].rec, h.c[p].rec) >= 0 {
			break
		}
		h.c[i], h.c[p] = h.c[p], h.c[i]
		i = p
	}
}

func (h *mergeHeap) pop() {
	last := len(h.c) - 1
	h.c[0] = h.c[last]
	h.c = h.c[:last]
	h.fix()
}

// fix restores the heap after the top's record changed.
func (h *mergeHeap) fix() {
	n := len(h.c)
	for i := 0; ; {
		l := 2*i + 1
		if l >= n {
			return
		}
		m := l
		if r := l + 1; r < n && h.less(h.c[r].rec, h.c[l].rec) < 0 {
			m = r
		}
		if h.less(h.c[m].rec, h.c[i].rec) >= 0 {
			return
		}
		h.c[i], h.c[m] = h.c[m], h.c[i]
		i = m
	}
}

// seqFile is a scratch file written once and read back in order.
type seqFile struct {
	f *os.File
	w *bufio.Writer
	n int
}

func newSeqFile(dir string) (*seqFile, error) {
	f, err := outfile.Temp(dir)
	if err != nil {
		return nil, outfile.NotWritten("link export scratch file", err)
	}
	return &seqFile{f: f, w: bufio.NewWriterSize(f, 1<<16)}, nil
}

func (s *seqFile) add(rec []byte) error {
	var hdr [binary.MaxVarintLen64]byte
	s.w.Write(hdr[:binary.PutUvarint(hdr[:], uint64(len(rec)))])
	_, err := s.w.Write(rec)
	s.n++
	return err
}

// len is the number of records (none in a nil file).
func (s *seqFile) len() int {
	if s == nil {
		return 0
	}
	return s.n
}

func (s *seqFile) finish() error {
	if err := s.w.Flush(); err != nil {
		return outfile.NotWritten("link export scratch file", err)
	}
	return nil
}

// reader reads the records from the start; each reader has its own
// position (the file is read with ReadAt).
func (s *seqFile) reader() *recReader {
	return &recReader{r: bufio.NewReaderSize(io.NewSectionReader(s.f, 0, 1<<62), 1<<16)}
}

func (s *seqFile) close() {
	if s != nil && s.f != nil {
		outfile.Discard(s.f)
		s.f = nil
	}
}
