package casework

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/casefile"
)

// A run that fails while reading payments (the second file cannot be
// read at all, after the first was posted) leaves no goroutine behind:
// the reader, the ledger's booking and the spools' writers all end.
func TestFailedRunEndsItsGoroutines(t *testing.T) {
	sample, err := filepath.Abs(sampleDir)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.csv")
	if err := os.WriteFile(bad, []byte("no;header;here\n1;2;3\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	yaml := fmt.Sprintf("case: failing\nreport_date: 2020-11-06\nsuspects: [%q]\nidentifiers: [%q]\nrates: [%q]\npayments:\n  - path: %q\n  - path: %q\n",
		filepath.Join(sample, "suspects.xlsx"), filepath.Join(sample, "identifiers.csv"), filepath.Join(sample, "eurofxref-hist.csv"),
		filepath.Join(sample, "paypal_2.csv"), bad)
	path := filepath.Join(dir, "case.yaml")
	if err := os.WriteFile(path, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := casefile.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	before := runtime.NumGoroutine()
	res, err := Run(c, Options{TempDir: t.TempDir()})
	if err == nil {
		res.Close()
		t.Fatal("the run read a file with no header")
	}
	// Goroutines end asynchronously once told to: give them a moment.
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		buf := make([]byte, 1<<16)
		t.Fatalf("%d goroutines left after the failed run (%d before):\n%s", n, before, buf[:runtime.Stack(buf, true)])
	}
}
