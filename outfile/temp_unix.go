//go:build unix

package outfile

import "os"

// tempUnlinked creates a scratch file and removes its name at once: the
// open descriptor keeps the data until it is closed.
func tempUnlinked(dir string) (*os.File, error) {
	f, err := os.CreateTemp(dir, "crosscheck-*.tmp")
	if err != nil {
		return nil, err
	}
	if err := os.Remove(f.Name()); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}
