package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// readingAt is how far process pid has read the file at path through a
// descriptor it holds open, -1 when it holds none.
func readingAt(pid int, path string) int64 {
	dir := "/proc/" + strconv.Itoa(pid)
	fds, _ := filepath.Glob(dir + "/fd/*")
	at := int64(-1)
	for _, fd := range fds {
		if target, err := os.Readlink(fd); err != nil || target != path {
			continue
		}
		info, err := os.ReadFile(dir + "/fdinfo/" + filepath.Base(fd))
		if err != nil {
			continue
		}
		for _, line := range strings.Split(string(info), "\n") {
			if v, ok := strings.CutPrefix(line, "pos:"); ok {
				if n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64); err == nil && n > at {
					at = n
				}
			}
		}
	}
	return at
}

// TestInputChangedDuringTheRunExits2: an input rewritten, truncated or
// replaced while the run reads it ends the run with exit 2 and one line
// naming the file, and the previous report stays as it was. The file is
// changed once the run has it open, so the change falls inside the read.
func TestInputChangedDuringTheRunExits2(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary on a generated case")
	}
	for _, tt := range []struct {
		name   string
		change func(t *testing.T, p string)
	}{
		{"truncated", func(t *testing.T, p string) {
			if err := os.Truncate(p, 1000); err != nil {
				t.Fatal(err)
			}
		}},
		// The same size: only the modification time says so, whichever
		// bytes the run has read. (Bytes changed with the time put back
		// are caught when a pass reads them; the ingest tests place that
		// change between the passes.)
		{"rewritten in place, same size", func(t *testing.T, p string) {
			st, err := os.Stat(p)
			if err != nil {
				t.Fatal(err)
			}
			fh, err := os.OpenFile(p, os.O_WRONLY, 0)
			if err != nil {
				t.Fatal(err)
			}
			// A digit of an amount near the end: the file still parses.
			fh.WriteAt([]byte("9"), st.Size()-4)
			fh.Close()
		}},
		{"replaced", func(t *testing.T, p string) {
			b, _ := os.ReadFile(p)
			if err := os.WriteFile(p+".new", b, 0o600); err != nil {
				t.Fatal(err)
			}
			if err := os.Rename(p+".new", p); err != nil {
				t.Fatal(err)
			}
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fc := newFaultCase(t, 150_000)
			input := filepath.Join(fc.dir, "panel_large.csv")
			cmd, stderr, done := fc.start(t)
			worker := workerPid(t, cmd.Process.Pid)
			// Past the first bytes (sniffed on a first open) and well
			// inside the read.
			deadline := time.Now().Add(30 * time.Second)
			for readingAt(worker, input) < 256<<10 {
				if time.Now().After(deadline) {
					t.Fatal("the run never read the input")
				}
				select {
				case err := <-done:
					t.Fatalf("the run ended before opening the input: %v, %q", err, stderr.String())
				case <-time.After(200 * time.Microsecond):
				}
			}
			tt.change(t, input)
			err := <-done
			if code := exitCode(err); code != exitInputChanged {
				t.Fatalf("exit %d, want %d; stderr %q", code, exitInputChanged, stderr.String())
			}
			if s := stderr.String(); strings.Count(s, "\n") != 1 || !strings.Contains(s, input) || !strings.Contains(s, "run again on a copy") {
				t.Errorf("stderr is not one line naming the changed input: %q", s)
			}
			fc.assertPrevious(t)
			fc.assertNoLeftovers(t)
		})
	}
}
