//go:build unix && !linux

package outfile

import "os"

func (o *File) open() error { return o.openNamed() }

func (o *File) link() error { return nil }

// Temp opens a scratch file in dir (the system's temporary folder when
// empty), unlinked at once so that nothing is left behind whatever
// happens to the process. Close it with Discard.
func Temp(dir string) (*os.File, error) { return tempUnlinked(dir) }

// Discard closes a file from Temp.
func Discard(f *os.File) error { return f.Close() }

// exchange: this system cannot swap two names in one step.
func exchange(a, b string) error { return errNoExchange }
