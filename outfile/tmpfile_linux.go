package outfile

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	"golang.org/x/sys/unix"
)

// open creates an unnamed file in the target's folder; filesystems
// without O_TMPFILE get a named one.
func (o *File) open() error {
	f, err := openUnnamed(o.dir, o.perm)
	if err != nil {
		return o.openNamed()
	}
	o.f = f
	return nil
}

// link gives an unnamed file a hidden name beside the target, for the
// rename that replaces the target in one step.
func (o *File) link() error {
	if o.temp != "" {
		return nil
	}
	var last error
	for range 10 {
		name := filepath.Join(o.dir, "."+filepath.Base(o.path)+"."+strconv.FormatUint(uint64(randUint32()), 36)+".tmp")
		// Recorded before the name exists (see lockOne).
		track(name)
		// AT_EMPTY_PATH needs a capability; the /proc link does not.
		err := unix.Linkat(int(o.f.Fd()), "", unix.AT_FDCWD, name, unix.AT_EMPTY_PATH)
		if err != nil && !errors.Is(err, unix.EEXIST) {
			err = unix.Linkat(unix.AT_FDCWD, "/proc/self/fd/"+strconv.Itoa(int(o.f.Fd())), unix.AT_FDCWD, name, unix.AT_SYMLINK_FOLLOW)
		}
		if err == nil {
			o.temp = name
			return nil
		}
		untrack(name)
		last = err
		if !errors.Is(err, unix.EEXIST) {
			break
		}
	}
	return fmt.Errorf("name the written file: %w", last)
}

// openUnnamed opens a file with no name in dir: whatever happens to the
// process, it disappears with its last descriptor.
func openUnnamed(dir string, perm os.FileMode) (*os.File, error) {
	// Without /proc the file could not be given its name at the end.
	if _, err := os.Stat("/proc/self/fd"); err != nil {
		return nil, err
	}
	fd, err := unix.Open(dir, unix.O_TMPFILE|unix.O_RDWR|unix.O_CLOEXEC, uint32(perm.Perm()))
	if err != nil {
		return nil, &os.PathError{Op: "open unnamed file in", Path: dir, Err: err}
	}
	return os.NewFile(uintptr(fd), filepath.Join(dir, "(unnamed)")), nil
}

// Temp opens a scratch file in dir (the system's temporary folder when
// empty) that no other process can open: it has no name. Close it with
// Discard.
func Temp(dir string) (*os.File, error) {
	if dir == "" {
		dir = os.TempDir()
	}
	if f, err := unix.Open(dir, unix.O_TMPFILE|unix.O_RDWR|unix.O_CLOEXEC, 0o600); err == nil {
		return os.NewFile(uintptr(f), filepath.Join(dir, "(unnamed)")), nil
	}
	return tempUnlinked(dir)
}

// Discard closes a file from Temp.
func Discard(f *os.File) error { return f.Close() }

// exchange swaps the files at a and b in one step.
func exchange(a, b string) error {
	err := unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
	if errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOSYS) || errors.Is(err, unix.EOPNOTSUPP) {
		return errNoExchange
	}
	if err != nil {
		return &os.LinkError{Op: "exchange", Old: a, New: b, Err: err}
	}
	return nil
}
