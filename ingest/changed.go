package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"hash/maphash"
	"io"
	"os"
	"sync"
	"time"
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
	work chan []byte
	free chan []byte
	done chan struct{}
	sha  hash.Hash
	sum  maphash.Hash
	once sync.Once
	// made counts the buffers allocated: at most hashBuffers+1, then the
	// reader waits for the hasher to free one.
	made int
}

const hashBuffers = 4

func newHashingReader(r io.Reader, path string) *hashingReader {
	h := &hashingReader{r: r, path: path, work: make(chan []byte, hashBuffers), free: make(chan []byte, hashBuffers+1),
		done: make(chan struct{}), sha: sha256.New()}
	h.sum.SetSeed(checkSeed)
	go func() {
		defer close(h.done)
		for b := range h.work {
			h.sha.Write(b)
			h.sum.Write(b)
			select {
			case h.free <- b:
			default:
			}
		}
	}()
	return h
}

func (h *hashingReader) Read(p []byte) (int, error) {
	n, err := h.r.Read(p)
	if n > 0 {
		var b []byte
		select {
		case b = <-h.free:
		default:
			if h.made <= hashBuffers {
				h.made++
			} else {
				b = <-h.free
			}
		}
		if cap(b) < n {
			b = make([]byte, 0, max(n, 256<<10))
		}
		h.work <- append(b[:0], p[:n]...)
		h.n += int64(n)
		if readHook != nil {
			readHook(h.path, h.n)
		}
	}
	return n, err
}

// stop ends the hashing goroutine; safe to call more than once.
func (h *hashingReader) stop() {
	h.once.Do(func() { close(h.work) })
	<-h.done
}

// finish reads what the parse left (nothing, when it reached the end),
// stops hashing and returns the SHA-256 and the fast checksum of every
// byte read.
func (h *hashingReader) finish() (sha string, sum uint64, n int64, err error) {
	_, err = io.Copy(io.Discard, h)
	h.stop()
	return hex.EncodeToString(h.sha.Sum(nil)), h.sum.Sum64(), h.n, err
}
