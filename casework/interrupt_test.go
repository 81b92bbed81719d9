package casework

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/crosscheck/crosscheck/casefile"
)

var errStop = errors.New("stopped by the test")

// A run whose context is done stops at its first row with the cause and
// leaves no spool file.
func TestRunStopsWhenItsContextIsDone(t *testing.T) {
	c, err := casefile.Load(filepath.Join(sampleDir, "case.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	ctx, cancel := context.WithCancelCause(context.Background())
	cancel(errStop)
	res, err := Run(c, Options{Context: ctx, TempDir: tmp})
	if !errors.Is(err, errStop) {
		if res != nil {
			res.Close()
		}
		t.Fatalf("Run = %v, want the context's cause", err)
	}
	if des, _ := os.ReadDir(tmp); len(des) != 0 {
		t.Errorf("spool files left: %v", des)
	}
}

// Interrupted while the reports read the payments, the sequences stop and
// Result.Err gives the cause: the writer must not commit what it wrote.
func TestInterruptStopsTheReportsSequences(t *testing.T) {
	c, err := casefile.Load(filepath.Join(sampleDir, "case.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancelCause(context.Background())
	defer cancel(nil)
	res, err := Run(c, Options{Context: ctx, TempDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer res.Close()
	n := 0
	for range res.Report.Entries {
		n++
		if n == 10 {
			cancel(errStop)
		}
	}
	if n != 10 {
		t.Errorf("read %d payments, want the 10 before the interrupt", n)
	}
	if err := res.Err(); !errors.Is(err, errStop) {
		t.Errorf("Err = %v, want the cause", err)
	}
}
