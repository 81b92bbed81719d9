package outfile

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
)

// ScratchDir makes a folder for a library that writes its scratch files
// by name and reopens them by name (excelize, for large sheets and shared
// strings): those files cannot be unnamed, so they go to a folder of
// their own in the system's temporary folder that only this user can
// enter (0700). Remove it with RemoveScratchDir. It is recorded like the
// other named files: a second interrupt, or the watching parent of a
// process that died (package supervise), removes it too. Only a SIGKILL of
// both processes leaves it, still closed to other users.
func ScratchDir() (string, error) {
	var err error
	for range 10 {
		dir := filepath.Join(os.TempDir(), "crosscheck-"+strconv.FormatUint(uint64(randUint32()), 36))
		// Recorded before it exists (see lockOne).
		trackKind(dir, kindDir)
		if err = os.Mkdir(dir, 0o700); err == nil {
			// A umask cannot widen 0700, but say it.
			if err = os.Chmod(dir, 0o700); err == nil {
				return dir, nil
			}
			os.Remove(dir)
		}
		untrack(dir)
		if !errors.Is(err, os.ErrExist) {
			break
		}
	}
	return "", err
}

// RemoveScratchDir removes a folder from ScratchDir and what is in it.
// An empty dir does nothing, so that a caller whose ScratchDir failed can
// call it all the same.
func RemoveScratchDir(dir string) error {
	if dir == "" {
		return nil
	}
	err := os.RemoveAll(dir)
	if err == nil || errors.Is(err, os.ErrNotExist) {
		untrack(dir)
		return nil
	}
	return err
}
