package ingest

import (
	"errors"
	"os"
	"sync"
)

// Ahead checks text inputs before they are read. Each CSV is checked for
// text (UTF-8, Windows-1252 or UTF-16, not binary) in a whole pass over
// its bytes before its rows can be parsed; Ahead makes those passes on a
// goroutine of their own, in the order given, so that they run on a core
// that would otherwise wait (while the suspects are read, or while the
// previous file is parsed) instead of in front of each read. The file
// stays open for its parse, which hashes what it reads and compares it
// with the check (ErrInputChanged).
//
// Ahead also remembers every file read through it, so that Verify can
// tell at the end of a run whether one changed after it was read.
//
// A nil *Ahead checks each file when it is read.
type Ahead struct {
	// slots is filled by CheckAhead and only read afterwards.
	slots map[string]*aheadSlot

	mu     sync.Mutex
	read   []watched
	closed bool
}

type aheadSlot struct {
	done  chan struct{}
	info  textInfo
	fh    *os.File // until the parse takes it
	err   error
	taken bool
}

type watched struct {
	path  string
	stamp fileStamp
}

// CheckAhead starts checking the text files among paths (workbooks and
// repeated paths are skipped). A path may carry a "#Sheet" suffix.
func CheckAhead(paths []string) *Ahead {
	a := &Ahead{slots: map[string]*aheadSlot{}}
	var order []string
	for _, p := range paths {
		path, _ := SplitSheet(p)
		if isWorkbook(path) || isZipName(path) || a.slots[path] != nil {
			continue
		}
		a.slots[path] = &aheadSlot{done: make(chan struct{})}
		order = append(order, path)
	}
	if len(order) == 0 {
		return a
	}
	go func() {
		for _, path := range order {
			s := a.slots[path]
			a.mu.Lock()
			closed := a.closed
			a.mu.Unlock()
			if closed {
				s.err = errAheadClosed
				close(s.done)
				continue
			}
			info, fh, err := inspectText(path)
			a.mu.Lock()
			s.info, s.fh, s.err = info, fh, err
			if a.closed && fh != nil {
				fh.Close()
				s.fh, s.taken = nil, true
			}
			a.mu.Unlock()
			close(s.done)
		}
	}()
	return a
}

// inspect returns the check of path and the file open at its start: the
// one made ahead when there is one (waiting for it if need be), else one
// made now. The caller closes the file.
func (a *Ahead) inspect(path string) (textInfo, *os.File, error) {
	if a != nil {
		if s := a.slots[path]; s != nil {
			<-s.done
			a.mu.Lock()
			fh, taken := s.fh, s.taken
			s.taken = true
			a.mu.Unlock()
			if s.err != nil || !taken {
				return s.info, fh, s.err
			}
			// The same path read a second time: checked again.
		}
	}
	return inspectText(path)
}

// watch remembers a file read and how it was when opened.
func (a *Ahead) watch(path string, st fileStamp) {
	if a == nil {
		return
	}
	a.mu.Lock()
	a.read = append(a.read, watched{path, st})
	a.mu.Unlock()
}

// Verify returns an error wrapping ErrInputChanged naming the first file
// read through a that has changed since (size, modification time, or
// another file in its place).
func (a *Ahead) Verify() error {
	if a == nil {
		return nil
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	for _, w := range a.read {
		if r := w.stamp.changed(w.path, nil); r != "" {
			return changedError(w.path, r)
		}
	}
	return nil
}

var errAheadClosed = errors.New("the run ended before this file was checked")

// Close closes the files no parse took, now or when their check ends;
// nothing may be read through a after it.
func (a *Ahead) Close() {
	if a == nil {
		return
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	a.closed = true
	for _, s := range a.slots {
		select {
		case <-s.done:
		default:
			continue // the checking goroutine closes it
		}
		if !s.taken && s.fh != nil {
			s.fh.Close()
		}
		s.fh, s.taken = nil, true
	}
}
