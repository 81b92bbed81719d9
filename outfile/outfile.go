// Package outfile writes crosscheck's output files so that a reader only
// ever sees the previous file or the complete new one: the bytes go to a
// temporary file in the output's own folder, which is synced and renamed
// over the target only when the writer commits. A failed or interrupted
// write leaves the previous file untouched and nothing of its own.
//
//	f, err := outfile.Create(path, outfile.Private)
//	if err != nil { ... }
//	defer f.Abort()          // a no-op once committed
//	... write to f ...
//	return f.Commit()
//
// On Linux the temporary file has no name at all until Commit (O_TMPFILE),
// so even a SIGKILL leaves nothing readable behind; elsewhere it is a
// hidden file beside the target, removed by Abort.
package outfile

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// Permissions of the files crosscheck writes. Reports hold personal data
// and are for their owner only; templates are empty forms. Nothing
// crosscheck writes is executable.
const (
	Private os.FileMode = 0o600
	Public  os.FileMode = 0o644
)

// ErrNotWritten marks every error of this package: the output was not
// put in place (the previous file, if any, is as it was).
var ErrNotWritten = errors.New("output not written")

// File is an output being written. It is an io.Writer; nothing appears
// at the target path until Commit.
type File struct {
	f      *os.File
	path   string // the target, symlinks resolved
	dir    string
	perm   os.FileMode
	temp   string // the temporary file's name, when it has one
	err    error  // the first write error
	closed bool   // the descriptor is closed
	done   bool   // committed or aborted
}

// Create starts writing the file at path with the given permissions
// (execute bits are dropped). The folder must exist.
func Create(path string, perm os.FileMode) (*File, error) {
	target, err := resolve(path)
	if err != nil {
		return nil, fail(path, err)
	}
	if st, err := os.Stat(target); err == nil && st.IsDir() {
		return nil, fail(path, errors.New("is a folder"))
	}
	o := &File{path: target, dir: filepath.Dir(target), perm: perm &^ 0o111}
	if err := o.open(); err != nil {
		return nil, fail(path, err)
	}
	return o, nil
}

// resolve follows a symlink at path, so that the file it points to is
// replaced and the link kept.
func resolve(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	if st, err := os.Lstat(abs); err == nil && st.Mode()&os.ModeSymlink != 0 {
		return filepath.EvalSymlinks(abs)
	}
	return abs, nil
}

// Name is the target path.
func (o *File) Name() string { return o.path }

// Write writes to the temporary file. The first error is kept: Commit
// returns it and removes the file.
func (o *File) Write(p []byte) (int, error) {
	if o.err != nil {
		return 0, o.err
	}
	if o.closed || o.done {
		return 0, fail(o.path, os.ErrClosed)
	}
	n, err := o.f.Write(p)
	if err != nil {
		o.err = fail(o.path, err)
	}
	return n, o.err
}

// ReadAt reads back what was written (for writers that patch or copy
// their own output).
func (o *File) ReadAt(p []byte, off int64) (int, error) { return o.f.ReadAt(p, off) }

// Seek moves the write position.
func (o *File) Seek(offset int64, whence int) (int64, error) { return o.f.Seek(offset, whence) }

// Commit syncs the file, puts it at the target path in one rename and
// syncs the folder. On any error the target is as it was and the
// temporary file is gone.
func (o *File) Commit() error { return CommitAll(o) }

// Abort discards the file; the target is left as it was. It may be
// called after Commit (it then does nothing), so it can be deferred.
func (o *File) Abort() error {
	if o.done {
		return nil
	}
	o.done = true
	var err error
	if !o.closed {
		o.closed = true
		err = o.f.Close()
	}
	if o.temp != "" {
		if rerr := os.Remove(o.temp); rerr != nil && !errors.Is(rerr, os.ErrNotExist) {
			err = rerr
		}
		untrack(o.temp)
	}
	return err
}

// syncDir makes the rename durable. Some systems cannot sync a folder;
// the file itself is already on disk, so that is not an error.
func syncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	d.Sync()
	d.Close()
}

// openNamed creates the temporary file under a hidden name beside the
// target, for systems without unnamed files.
func (o *File) openNamed() error {
	f, err := os.CreateTemp(o.dir, "."+filepath.Base(o.path)+".*.tmp")
	if err != nil {
		return err
	}
	if err := f.Chmod(o.perm); err != nil {
		f.Close()
		os.Remove(f.Name())
		return err
	}
	o.f, o.temp = f, f.Name()
	track(o.temp)
	return nil
}

// WriteFile writes path in one go: write fills it, and it is committed
// only when write returns nil (a writer that can be interrupted returns
// the interrupt's error last).
func WriteFile(path string, perm os.FileMode, write func(io.Writer) error) error {
	f, err := Create(path, perm)
	if err != nil {
		return err
	}
	defer f.Abort()
	if err := write(f); err != nil {
		return err
	}
	return f.Commit()
}

func fail(path string, err error) error {
	if errors.Is(err, ErrNotWritten) {
		return err
	}
	return &Error{Path: path, Err: err}
}

// Error is a failure to write an output.
type Error struct {
	Path string
	Err  error
}

func (e *Error) Error() string { return fmt.Sprintf("%s not written: %v", e.Path, e.Err) }

// Unwrap gives both the cause and ErrNotWritten.
func (e *Error) Unwrap() []error { return []error{e.Err, ErrNotWritten} }

// NotWritten marks err, met while writing what (a scratch file, for
// example), as a failure to write: callers report it like an output not
// written.
func NotWritten(what string, err error) error { return fail(what, err) }
