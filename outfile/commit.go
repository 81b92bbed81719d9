package outfile

import (
	"crypto/rand"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// CommitAll puts several outputs in place as one: the workbook and the
// JSON of a run, for example, are either all the new ones or all as they
// were, never a new JSON beside an old workbook. Each file is first
// completed (synced, given a hidden name beside its target); only when all
// are complete are they put in place one after the other, each keeping
// the file it replaces; if one cannot be put in place, those already put
// are put back, and the error says so. Nil files are skipped.
//
// Where the system can swap two names in one step (Linux renameat2
// RENAME_EXCHANGE) the new file and the old one trade names, and the old
// one is removed at the end; elsewhere the old file is first given a
// hidden second name (a hard link). A filesystem with neither cannot put
// an old file back: the outputs are then put in place one right after the
// other, and a failure in between is reported naming what was written.
// A process killed in the instant between two renames cannot put anything
// back; its hidden names are removed by the watching parent.
func CommitAll(files ...*File) error {
	var fs []*File
	for _, o := range files {
		if o != nil {
			fs = append(fs, o)
		}
	}
	abortAll := func() {
		for _, o := range fs {
			o.Abort()
		}
	}
	for _, o := range fs {
		if err := o.prepare(); err != nil {
			abortAll()
			return err
		}
	}
	var placed []*placement
	for _, o := range fs {
		p, err := o.place()
		if err != nil {
			var stuck []string
			for i := len(placed) - 1; i >= 0; i-- {
				if uerr := placed[i].undo(); uerr != nil {
					// The previous file stays under its hidden name.
					stuck = append(stuck, placed[i].o.path+placed[i].kept())
					placed[i].o.done = true
				}
			}
			abortAll()
			if len(stuck) > 0 {
				return fmt.Errorf("%w (already written, could not be put back: %s)", err, strings.Join(stuck, ", "))
			}
			return err
		}
		placed = append(placed, p)
	}
	for _, p := range placed {
		p.finish()
	}
	return nil
}

// prepare completes the file: permissions, synced, given its hidden
// name, closed.
func (o *File) prepare() error {
	if o.done || o.closed {
		return fail(o.path, os.ErrClosed)
	}
	if o.err != nil {
		return o.err
	}
	if err := o.f.Chmod(o.perm); err != nil {
		return fail(o.path, err)
	}
	if err := o.f.Sync(); err != nil {
		return fail(o.path, err)
	}
	if err := o.link(); err != nil {
		return fail(o.path, err)
	}
	o.closed = true
	if err := o.f.Close(); err != nil {
		return fail(o.path, err)
	}
	return nil
}

// How a file was put in place, and so how it is put back.
const (
	created  = iota // there was no file: put back by removing it
	swapped         // names exchanged: the old file is at o.temp
	linked          // the old file kept under backup
	replaced        // renamed over the old file: cannot be put back
)

type placement struct {
	o      *File
	how    int
	backup string
}

// errNoExchange: the system or filesystem cannot swap two names.
var errNoExchange = errors.New("cannot exchange names")

// noExchange, set by tests, makes the system one without exchange.
var noExchange bool

func swap(a, b string) error {
	if noExchange {
		return errNoExchange
	}
	return exchange(a, b)
}

// placeFault, set by tests, fails putting the file at path in place.
var placeFault func(path string) error

// place puts the completed file at its target, keeping the old one.
func (o *File) place() (*placement, error) {
	if placeFault != nil {
		if err := placeFault(o.path); err != nil {
			return nil, fail(o.path, err)
		}
	}
	p := &placement{o: o}
	st, err := os.Lstat(o.path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		if err := os.Rename(o.temp, o.path); err != nil {
			return nil, fail(o.path, err)
		}
		p.how = created
		return p, nil
	case err != nil:
		return nil, fail(o.path, err)
	case st.IsDir():
		return nil, fail(o.path, errors.New("is a folder"))
	}
	if err := swap(o.temp, o.path); err == nil {
		p.how = swapped
		return p, nil
	} else if !errors.Is(err, errNoExchange) {
		return nil, fail(o.path, err)
	}
	backup := filepath.Join(o.dir, "."+filepath.Base(o.path)+"."+strconv.FormatUint(uint64(randUint32()), 36)+".old")
	track(backup) // before it exists (see lockOne)
	if err := os.Link(o.path, backup); err == nil {
		if err := os.Rename(o.temp, o.path); err != nil {
			os.Remove(backup)
			untrack(backup)
			return nil, fail(o.path, err)
		}
		p.how, p.backup = linked, backup
		return p, nil
	}
	untrack(backup)
	if err := os.Rename(o.temp, o.path); err != nil {
		return nil, fail(o.path, err)
	}
	p.how = replaced
	return p, nil
}

// undo puts back what place replaced.
func (p *placement) undo() error {
	o := p.o
	switch p.how {
	case created:
		return os.Remove(o.path)
	case swapped:
		return swap(o.temp, o.path)
	case linked:
		err := os.Rename(p.backup, o.path)
		if err == nil {
			untrack(p.backup)
		}
		return err
	}
	return errors.New("replaced without a copy")
}

// kept says where the previous file is when it could not be put back.
func (p *placement) kept() string {
	switch p.how {
	case swapped:
		untrack(p.o.temp)
		return " (the previous file is " + p.o.temp + ")"
	case linked:
		untrack(p.backup)
		return " (the previous file is " + p.backup + ")"
	}
	return ""
}

// finish removes the replaced file and records the commit.
func (p *placement) finish() {
	o := p.o
	o.done = true
	switch p.how {
	case swapped:
		os.Remove(o.temp)
	case linked:
		os.Remove(p.backup)
		untrack(p.backup)
	}
	untrack(o.temp)
	record(committed, o.path)
	syncDir(o.dir)
}

func randUint32() uint32 {
	var b [4]byte
	rand.Read(b[:])
	return binary.LittleEndian.Uint32(b[:])
}
