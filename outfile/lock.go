package outfile

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
)

// ErrLocked means another process is writing the same output.
var ErrLocked = errors.New("being written by another crosscheck run")

// LockPath is the lock file of the output at path: a hidden file beside
// it, present only while a run holds it.
func LockPath(path string) string {
	return filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".lock")
}

// Lock takes the advisory lock of every output path, or none: a second
// run writing any of the same outputs is refused with ErrLocked rather
// than interleaving its files with the first's. Release the locks when
// the outputs are committed or abandoned.
func Lock(paths ...string) (release func(), err error) {
	var abs []string
	for _, p := range paths {
		a, err := resolve(p)
		if err != nil {
			return nil, fail(p, err)
		}
		abs = append(abs, a)
	}
	// One order for every run.
	slices.Sort(abs)
	abs = slices.Compact(abs)
	var held []func()
	release = func() {
		for i := len(held) - 1; i >= 0; i-- {
			held[i]()
		}
		held = nil
	}
	for _, p := range abs {
		unlock, err := lockOne(LockPath(p))
		if err != nil {
			release()
			if errors.Is(err, ErrLocked) {
				return nil, fmt.Errorf("%s is %w", p, err)
			}
			return nil, fail(p, fmt.Errorf("lock: %w", err))
		}
		held = append(held, unlock)
	}
	return release, nil
}
