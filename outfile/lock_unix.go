//go:build unix

package outfile

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// lockOne takes an exclusive flock on the lock file at name, creating it.
// The file is removed on release while still locked; a run that locked
// a file meanwhile removed sees that its inode is no longer the one at
// name and tries again, so two runs never both hold the lock.
func lockOne(name string) (func(), error) {
	// Recorded before the file exists: a process killed at any point
	// after this leaves nothing its watching parent does not know of.
	trackLock(name)
	for {
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE, Private)
		if err != nil {
			untrack(name)
			return nil, err
		}
		if err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB); err != nil {
			f.Close()
			untrack(name)
			if errors.Is(err, unix.EWOULDBLOCK) {
				return nil, ErrLocked
			}
			return nil, err
		}
		held, err1 := f.Stat()
		now, err2 := os.Stat(name)
		if err1 == nil && err2 == nil && os.SameFile(held, now) {
			return func() {
				untrack(name)
				os.Remove(name)
				f.Close()
			}, nil
		}
		f.Close()
		if err1 != nil {
			untrack(name)
			return nil, err1
		}
		if err2 != nil && !errors.Is(err2, os.ErrNotExist) {
			untrack(name)
			return nil, err2
		}
	}
}

// removeStaleLock removes the lock file a dead process left, by the same
// steps as a run releasing its lock: a run that took it meanwhile holds
// it, and it stays.
func removeStaleLock(name string) error {
	f, err := os.OpenFile(name, os.O_RDWR, 0)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defer f.Close()
	if err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB); err != nil {
		if errors.Is(err, unix.EWOULDBLOCK) {
			return nil
		}
		return err
	}
	held, err1 := f.Stat()
	now, err2 := os.Stat(name)
	if err1 == nil && err2 == nil && os.SameFile(held, now) {
		return os.Remove(name)
	}
	return nil
}
