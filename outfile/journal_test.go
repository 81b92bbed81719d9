package outfile

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"testing/iotest"
)

// A process's named files go to the journal as they are created and
// released; what a dead process still had is what Leftovers removes.
func TestJournalLeftovers(t *testing.T) {
	dir := t.TempDir()
	var j bytes.Buffer
	SetJournal(&j)
	defer SetJournal(nil)

	release, err := Lock(filepath.Join(dir, "a.json"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := Create(filepath.Join(dir, "a.json"), Private)
	if err != nil {
		t.Fatal(err)
	}
	f.Write([]byte("{}"))
	if err := f.Commit(); err != nil {
		t.Fatal(err)
	}
	// A second lock, kept: the process "dies" holding it. Its file is
	// removed only once no process holds it (here: after release below
	// the removal must leave a lock held by someone else alone).
	held := filepath.Join(dir, "b.xlsx")
	releaseB, err := Lock(held)
	if err != nil {
		t.Fatal(err)
	}
	stray := filepath.Join(dir, ".b.xlsx.123.tmp")
	os.WriteFile(stray, nil, 0o600)
	track(stray)
	release()

	var left Leftovers
	var others [][]byte
	// One byte at a time: records are cut anywhere by a pipe.
	left.Read(iotest.OneByteReader(bytes.NewReader(append(j.Bytes(), 'S', 2, 0))), func(rec []byte) {
		others = append(others, slices.Clone(rec))
	})
	if want := [][]byte{{'S', 2}}; len(others) != 1 || !bytes.Equal(others[0], want[0]) {
		t.Errorf("other records %q, want %q", others, want)
	}
	if got := left.Committed(); len(got) != 1 || filepath.Base(got[0]) != "a.json" {
		t.Errorf("committed %v", got)
	}
	// The lock of b.xlsx is still held by this process, as another run's
	// would be: it stays; the stray temporary file goes.
	left.Remove()
	if _, err := os.Stat(stray); !os.IsNotExist(err) {
		t.Errorf("the temporary file is left: %v", err)
	}
	if _, err := os.Stat(LockPath(held)); err != nil {
		t.Errorf("a lock another process holds was removed: %v", err)
	}
	if _, err := os.Stat(LockPath(filepath.Join(dir, "a.json"))); !os.IsNotExist(err) {
		t.Errorf("a released lock file exists: %v", err)
	}
	releaseB()
}

// A lock file whose holder died is removed.
func TestLeftoversRemoveDeadLock(t *testing.T) {
	dir := t.TempDir()
	name := LockPath(filepath.Join(dir, "r.xlsx"))
	os.WriteFile(name, nil, 0o600)
	var left Leftovers
	left.Read(bytes.NewReader(append([]byte{kindLock}, append([]byte(name), 0)...)), nil)
	if kept := left.Remove(); len(kept) != 0 {
		t.Errorf("kept %v", kept)
	}
	if _, err := os.Stat(name); !os.IsNotExist(err) {
		t.Errorf("the dead run's lock file is left: %v", err)
	}
}

// FuzzJournal: any bytes read as a journal neither panic nor name a file
// outside the records given.
func FuzzJournal(f *testing.F) {
	f.Add([]byte("T/tmp/x\x00-/tmp/x\x00"))
	f.Add([]byte("L/a/.b.lock\x00C/a/b\x00S\x02\x00"))
	f.Add([]byte("\x00\x00T"))
	f.Fuzz(func(t *testing.T, b []byte) {
		var left Leftovers
		left.Read(bytes.NewReader(b), func([]byte) {})
		for name := range left.names {
			if !bytes.Contains(b, []byte(name)) {
				t.Fatalf("name %q not in the journal", name)
			}
		}
		left.names = nil // remove nothing
	})
}

// A scratch folder is private, recorded, and removed with what is in it
// by RemoveScratchDir, by Cleanup, or by the watching parent.
func TestScratchDir(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	var j bytes.Buffer
	SetJournal(&j)
	defer SetJournal(nil)
	dir, err := ScratchDir()
	if err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(dir); err != nil || st.Mode().Perm() != 0o700 {
		t.Fatalf("scratch folder %v, %v; want 0700", st.Mode(), err)
	}
	os.WriteFile(filepath.Join(dir, "excelize-1"), []byte("ROSSI"), 0o600)
	var left Leftovers
	left.Read(bytes.NewReader(j.Bytes()), nil)
	left.Remove()
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("the watching parent left the scratch folder: %v", err)
	}
	dir2, _ := ScratchDir()
	Cleanup()
	if _, err := os.Stat(dir2); !os.IsNotExist(err) {
		t.Errorf("Cleanup left the scratch folder: %v", err)
	}
	if err := RemoveScratchDir(dir2); err != nil {
		t.Errorf("removing a removed folder: %v", err)
	}
}
