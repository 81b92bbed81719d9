//go:build !unix

package outfile

import (
	"errors"
	"os"
)

// lockOne creates the lock file exclusively. A run that was killed
// leaves it behind; the message names it so that it can be removed.
func lockOne(name string) (func(), error) {
	f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, Private)
	if err != nil {
		if errors.Is(err, os.ErrExist) {
			return nil, ErrLocked
		}
		return nil, err
	}
	trackLock(name)
	return func() {
		untrack(name)
		f.Close()
		os.Remove(name)
	}, nil
}

// removeStaleLock removes the lock file a dead process left.
func removeStaleLock(name string) error {
	if err := os.Remove(name); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	return nil
}
