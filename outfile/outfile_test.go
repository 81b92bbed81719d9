package outfile

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"testing"
)

// entries lists a folder's names.
func entries(t *testing.T, dir string) []string {
	t.Helper()
	des, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, d := range des {
		names = append(names, d.Name())
	}
	return names
}

func writeOld(t *testing.T, path string) {
	t.Helper()
	if err := os.WriteFile(path, []byte("old report"), 0o644); err != nil {
		t.Fatal(err)
	}
}

func assertContent(t *testing.T, path, want string) {
	t.Helper()
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Fatalf("%s holds %q, want %q", path, got, want)
	}
}

func TestCommitReplacesTheTargetWithItsPermissions(t *testing.T) {
	for _, tt := range []struct {
		name string
		perm os.FileMode
		want os.FileMode
	}{
		{"report", Private, 0o600},
		{"template", Public, 0o644},
		{"executable bits dropped", 0o755, 0o644},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "report.xlsx")
			writeOld(t, path)
			f, err := Create(path, tt.perm)
			if err != nil {
				t.Fatal(err)
			}
			io.WriteString(f, "new report")
			assertContent(t, path, "old report")
			if err := f.Commit(); err != nil {
				t.Fatal(err)
			}
			assertContent(t, path, "new report")
			st, _ := os.Stat(path)
			if got := st.Mode().Perm(); got != tt.want&^umask() {
				t.Errorf("mode %v, want %v", got, tt.want)
			}
			if names := entries(t, dir); !slices.Equal(names, []string{"report.xlsx"}) {
				t.Errorf("folder holds %v", names)
			}
			if err := f.Abort(); err != nil {
				t.Errorf("Abort after Commit: %v", err)
			}
			assertContent(t, path, "new report")
		})
	}
}

func TestNothingIsVisibleBeforeCommit(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("unnamed files are a Linux feature")
	}
	dir := t.TempDir()
	f, err := Create(filepath.Join(dir, "report.json"), Private)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Abort()
	io.WriteString(f, "{}")
	if names := entries(t, dir); len(names) != 0 {
		t.Errorf("a file being written is visible: %v", names)
	}
}

func TestAbortLeavesThePreviousFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "report.json")
	writeOld(t, path)
	f, err := Create(path, Private)
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(f, "half a rep")
	if err := f.Abort(); err != nil {
		t.Fatal(err)
	}
	assertContent(t, path, "old report")
	if names := entries(t, dir); !slices.Equal(names, []string{"report.json"}) {
		t.Errorf("folder holds %v", names)
	}
	if err := f.Commit(); err == nil {
		t.Error("Commit after Abort succeeded")
	}
	assertContent(t, path, "old report")
}

func TestWriteFileCommitsOnlyWhenTheWriterSucceeds(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "report.json")
	writeOld(t, path)
	boom := errors.New("interrupted")
	err := WriteFile(path, Private, func(w io.Writer) error {
		io.WriteString(w, "partial")
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v", err)
	}
	assertContent(t, path, "old report")
	if names := entries(t, dir); !slices.Equal(names, []string{"report.json"}) {
		t.Errorf("folder holds %v", names)
	}
	if err := WriteFile(path, Private, func(w io.Writer) error {
		_, err := io.WriteString(w, "complete")
		return err
	}); err != nil {
		t.Fatal(err)
	}
	assertContent(t, path, "complete")
}

func TestSymlinkedTargetIsReplacedThroughTheLink(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real.json")
	writeOld(t, real)
	link := filepath.Join(dir, "link.json")
	if err := os.Symlink("real.json", link); err != nil {
		t.Skip(err)
	}
	if err := WriteFile(link, Private, func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }); err != nil {
		t.Fatal(err)
	}
	assertContent(t, real, "new")
	if st, _ := os.Lstat(link); st.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced by a file")
	}
}

func TestCreateFailsWithoutAFolder(t *testing.T) {
	dir := t.TempDir()
	for _, path := range []string{filepath.Join(dir, "missing", "report.json"), dir} {
		_, err := Create(path, Private)
		if !errors.Is(err, ErrNotWritten) {
			t.Errorf("Create(%s) = %v, want ErrNotWritten", path, err)
		}
	}
}

func TestLockRefusesASecondWriter(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "report.xlsx"), filepath.Join(dir, "report.json")
	release, err := Lock(a, b)
	if err != nil {
		t.Fatal(err)
	}
	// flock locks belong to the open file, so the same process is a
	// second writer too.
	if _, err := Lock(b); !errors.Is(err, ErrLocked) {
		t.Fatalf("second lock: %v, want ErrLocked", err)
	}
	if _, err := Lock(filepath.Join(dir, "other.json"), a); !errors.Is(err, ErrLocked) {
		t.Fatalf("second lock of one of two: %v, want ErrLocked", err)
	}
	// A refused Lock holds nothing.
	release2, err := Lock(filepath.Join(dir, "other.json"))
	if err != nil {
		t.Fatalf("other.json stayed locked: %v", err)
	}
	release2()
	release()
	if names := entries(t, dir); len(names) != 0 {
		t.Errorf("lock files left: %v", names)
	}
	release, err = Lock(a, b)
	if err != nil {
		t.Fatalf("lock after release: %v", err)
	}
	release()
}

func TestTempHasNoNameAndKeepsItsData(t *testing.T) {
	dir := t.TempDir()
	f, err := Temp(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString("payer names"); err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" {
		if names := entries(t, dir); len(names) != 0 {
			t.Errorf("scratch file visible: %v", names)
		}
	}
	f.Seek(0, io.SeekStart)
	got, _ := io.ReadAll(f)
	if !bytes.Equal(got, []byte("payer names")) {
		t.Errorf("read back %q", got)
	}
	if err := Discard(f); err != nil {
		t.Fatal(err)
	}
	if names := entries(t, dir); len(names) != 0 {
		t.Errorf("scratch file left: %v", names)
	}
}
