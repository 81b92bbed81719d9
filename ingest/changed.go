package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"hash/maphash"
	"io"
	"os"
	"time"

	"github.com/crosscheck/crosscheck/pipeline"
)

// ErrInputChanged is wrapped by every error that means "this input
// changed while crosscheck read it" (its size, modification time or
// content, or another file put in its place): the figures would describe
// bytes nobody can show again, so the run stops (exit 2).
var ErrInputChanged = errors.New("input changed while it was read")

// fileStamp is what a file looked like when it was opened.
type fileStamp struct {
	fi   os.FileInfo
	size int64
	mod  time.Time
}

func stampOf(fi os.FileInfo) fileStamp {
	return fileStamp{fi: fi, size: fi.Size(), mod: fi.ModTime()}
}

// changed says how the open file fh, and the file now found at path,
// differ from the stamp; "" when they do not.
func (st fileStamp) changed(path string, fh *os.File) string {
	if fh != nil {
		now, err := fh.Stat()
		if err != nil {
			return fmt.Sprintf("it cannot be examined again (%v)", err)
		}
		if r := st.differs(now); r != "" {
			return r
		}
	}
	cur, err := os.Stat(path)
	if err != nil {
		return "it was removed or renamed"
	}
	if !os.SameFile(cur, st.fi) {
		return "another file was put in its place"
	}
	return st.differs(cur)
}

func (st fileStamp) differs(now os.FileInfo) string {
	if now.Size() != st.size {
		return fmt.Sprintf("its size changed from %d to %d bytes", st.size, now.Size())
	}
	if !now.ModTime().Equal(st.mod) {
		return fmt.Sprintf("its modification time changed from %s to %s",
			st.mod.UTC().Format(time.RFC3339Nano), now.ModTime().UTC().Format(time.RFC3339Nano))
	}
	return ""
}

func changedError(path, reason string) error {
	return fmt.Errorf("%w: %s: %s; run again on a copy that is not being written", ErrInputChanged, path, reason)
}

// checkSeed seeds the fast content checksum that compares the pass
// checking a text file with the pass parsing it.
var checkSeed = maphash.MakeSeed()

// readHook, when set by a test, is called after every read of an input's
// bytes for parsing with the number of bytes read so far.
var readHook func(path string, read int64)

// hashingReader passes a file's bytes through to the parser and hashes
// them (SHA-256 for the report, the fast checksum to compare with the
// check pass) on a goroutine of its own, so the parse does not wait for
// the hash: the recorded SHA-256 is that of exactly the bytes parsed.
type hashingReader struct {
	r    io.Reader
	path string
	n    int64
	// hash copies the bytes read to the hashing goroutine, in chunks:
	// hashChunk bytes, at most hashBuffers of them waiting.
	hash *pipeline.Writer
	sha  hash.Hash
	sum  maphash.Hash
}

const (
	hashChunk   = 256 << 10
	hashBuffers = 4
)

func newHashingReader(r io.Reader, path string) *hashingReader {
	h := &hashingReader{r: r, path: path, sha: sha256.New()}
	h.sum.SetSeed(checkSeed)
	h.hash = pipeline.NewWriter(context.Background(), io.MultiWriter(h.sha, &h.sum), hashChunk, hashBuffers)
	return h
}

func (h *hashingReader) Read(p []byte) (int, error) {
	n, err := h.r.Read(p)
	if n > 0 {
		// Neither hash fails: the only error is a Write after stop.
		h.hash.Write(p[:n])
		h.n += int64(n)
		if readHook != nil {
			readHook(h.path, h.n)
		}
	}
	return n, err
}

// stop ends the hashing goroutine once every byte read is hashed; safe to
// call more than once.
func (h *hashingReader) stop() {
	h.hash.Close()
}

// finish reads what the parse left (nothing, when it reached the end),
// stops hashing and returns the SHA-256 and the fast checksum of every
// byte read.
func (h *hashingReader) finish() (sha string, sum uint64, n int64, err error) {
	_, err = io.Copy(io.Discard, h)
	h.stop()
	return hex.EncodeToString(h.sha.Sum(nil)), h.sum.Sum64(), h.n, err
}
