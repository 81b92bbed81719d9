//go:build unix

package outfile

import (
	"errors"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
)

func umask() os.FileMode {
	m := syscall.Umask(0)
	syscall.Umask(m)
	return os.FileMode(m)
}

// A full disk, as a file-size limit: the write fails, and the previous
// report and the folder are as they were.
func TestFullDiskLeavesThePreviousFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "report.xlsx")
	writeOld(t, path)
	signal.Ignore(syscall.SIGXFSZ)
	defer signal.Reset(syscall.SIGXFSZ)
	var old syscall.Rlimit
	syscall.Getrlimit(syscall.RLIMIT_FSIZE, &old)
	lim := old
	lim.Cur = 64 << 10
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &lim); err != nil {
		t.Skip(err)
	}
	err := WriteFile(path, Private, func(w io.Writer) error {
		_, err := io.Copy(w, io.LimitReader(zeros{}, 1<<20))
		return err
	})
	syscall.Setrlimit(syscall.RLIMIT_FSIZE, &old)
	if !errors.Is(err, ErrNotWritten) || !errors.Is(err, syscall.EFBIG) {
		t.Fatalf("err = %v, want a file-too-large ErrNotWritten", err)
	}
	if !strings.Contains(err.Error(), "report.xlsx") {
		t.Errorf("error does not name the output: %v", err)
	}
	assertContent(t, path, "old report")
	if names := entries(t, dir); !slices.Equal(names, []string{"report.xlsx"}) {
		t.Errorf("folder holds %v", names)
	}
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}
