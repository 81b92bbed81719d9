//go:build !unix

package outfile

import "os"

func (o *File) open() error { return o.openNamed() }

func (o *File) link() error { return nil }

// Temp opens a scratch file in dir (the system's temporary folder when
// empty). This system cannot remove an open file: Discard removes it.
func Temp(dir string) (*os.File, error) {
	return os.CreateTemp(dir, "crosscheck-*.tmp")
}

// Discard closes a file from Temp and removes it.
func Discard(f *os.File) error {
	err := f.Close()
	os.Remove(f.Name())
	return err
}

// exchange: this system cannot swap two names in one step.
func exchange(a, b string) error { return errNoExchange }
