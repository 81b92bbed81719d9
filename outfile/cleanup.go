package outfile

import (
	"bytes"
	"io"
	"os"
	"sync"
)

// named holds the names this process created and has not yet removed or
// committed: hidden temporary files (where a file cannot be unnamed), lock
// files and scratch folders.
var named sync.Map

// Kinds of named files, as the journal records them.
const (
	kindTemp = 'T'
	kindLock = 'L'
	kindDir  = 'D'
	released = '-'
	// committed records an output put in place.
	committed = 'C'
)

func track(name string)     { trackKind(name, kindTemp) }
func trackLock(name string) { trackKind(name, kindLock) }

func trackKind(name string, kind byte) {
	named.Store(name, kind)
	record(kind, name)
}

func untrack(name string) {
	if _, ok := named.LoadAndDelete(name); ok {
		record(released, name)
	}
}

// Cleanup removes every temporary and lock file this process still has,
// for a process that must exit at once (a second interrupt). Outputs not
// committed stay as they were.
func Cleanup() {
	named.Range(func(k, v any) bool {
		if v.(byte) == kindDir {
			os.RemoveAll(k.(string))
		} else {
			os.Remove(k.(string))
		}
		untrack(k.(string))
		return true
	})
}

// journal, when set, is told of every name created and released, so that
// a watching process can remove what this one still had when it died
// without running any clean-up (see package supervise).
var journal struct {
	sync.Mutex
	w io.Writer
}

// SetJournal makes the package record on w, as it happens, every name it
// creates and releases: a kind byte and the path, NUL-terminated (a path
// cannot hold a NUL). Read the records with ReadJournal.
func SetJournal(w io.Writer) {
	journal.Lock()
	journal.w = w
	journal.Unlock()
}

func record(kind byte, name string) {
	journal.Lock()
	defer journal.Unlock()
	if journal.w == nil {
		return
	}
	// One write per record: a pipe keeps writes below 4 KiB whole. An
	// error (the watcher gone) changes nothing here.
	journal.w.Write(append(append([]byte{kind}, name...), 0))
}

// Leftovers follows a journal written through SetJournal: records of
// other kinds (a first byte that is not one of this package's) are given
// to other, the rest are kept until Remove.
type Leftovers struct {
	mu        sync.Mutex
	names     map[string]byte
	committed []string
}

// Read consumes the journal from r until it ends, passing records this
// package did not write to other.
func (l *Leftovers) Read(r io.Reader, other func(rec []byte)) {
	var pending []byte
	buf := make([]byte, 4096)
	for {
		n, err := r.Read(buf)
		pending = append(pending, buf[:n]...)
		for {
			i := bytes.IndexByte(pending, 0)
			if i < 0 {
				break
			}
			l.add(pending[:i], other)
			pending = pending[i+1:]
		}
		if err != nil {
			return
		}
	}
}

func (l *Leftovers) add(rec []byte, other func([]byte)) {
	if len(rec) == 0 {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.names == nil {
		l.names = map[string]byte{}
	}
	name := string(rec[1:])
	switch rec[0] {
	case kindTemp, kindLock, kindDir:
		l.names[name] = rec[0]
	case released:
		delete(l.names, name)
	case committed:
		l.committed = append(l.committed, name)
	default:
		if other != nil {
			other(rec)
		}
	}
}

// Remove deletes the files a dead process left: its temporary files and
// scratch folders, and its lock files unless another run holds them
// meanwhile. It returns the
// names it could not remove.
func (l *Leftovers) Remove() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	var kept []string
	for name, kind := range l.names {
		var err error
		switch kind {
		case kindLock:
			err = removeStaleLock(name)
		case kindDir:
			err = os.RemoveAll(name)
		default:
			if err = os.Remove(name); os.IsNotExist(err) {
				err = nil
			}
		}
		if err != nil {
			kept = append(kept, name)
		}
		delete(l.names, name)
	}
	return kept
}

// Committed lists the outputs the process put in place, in order.
func (l *Leftovers) Committed() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]string(nil), l.committed...)
}
