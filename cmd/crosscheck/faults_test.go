//go:build unix

package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/outfile"
	"github.com/xuri/excelize/v2"
)

// Fault tests: the crosscheck binary, run as a user would, interrupted,
// short of disk, in a read-only folder, twice at once. Whatever happens,
// the previous report is either untouched or replaced by a complete one,
// and no temporary file is left anywhere.

// faultCase is the sample case with a large payments file added, so that
// a run lasts long enough to be interrupted, and a previous report
// already written in out.
type faultCase struct {
	dir, out, tmp string
	xlsx, json    string
	oldX, oldJ    []byte
}

func newFaultCase(t *testing.T, extraRows int) *faultCase {
	t.Helper()
	root := t.TempDir()
	fc := &faultCase{dir: filepath.Join(root, "case"), out: filepath.Join(root, "out"), tmp: filepath.Join(root, "tmp")}
	for _, d := range []string{fc.out, fc.tmp} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := writeSample(fc.dir); err != nil {
		t.Fatal(err)
	}
	if extraRows > 0 {
		var b bytes.Buffer
		b.WriteString("Data,Beneficiario,Pagatore,Crediti,Importo,Metodo,Indagato\n")
		for i := range extraRows {
			fmt.Fprintf(&b, "2020-%02d-%02d,@ant_greco,cli_%d,1,%d.%02d,PayPal,\n", 1+i%9, 1+i%28, i, 5+i%40, i%100)
		}
		if err := os.WriteFile(filepath.Join(fc.dir, "panel_large.csv"), b.Bytes(), 0o600); err != nil {
			t.Fatal(err)
		}
		caseFile := filepath.Join(fc.dir, "case.yaml")
		y, err := os.ReadFile(caseFile)
		if err != nil {
			t.Fatal(err)
		}
		y = bytes.Replace(y, []byte("  - path: reseller_panel.csv\n"), []byte("  - path: reseller_panel.csv\n  - path: panel_large.csv\n"), 1)
		if err := os.WriteFile(caseFile, y, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	fc.xlsx, fc.json = filepath.Join(fc.out, "report.xlsx"), filepath.Join(fc.out, "report.json")
	// The previous report: what must survive every failed run.
	fc.oldX, fc.oldJ = []byte("previous workbook"), []byte(`{"previous": true}`)
	os.WriteFile(fc.xlsx, fc.oldX, 0o600)
	os.WriteFile(fc.json, fc.oldJ, 0o600)
	return fc
}

func (fc *faultCase) command(t *testing.T, extra ...string) *exec.Cmd {
	args := append([]string{"run", "--case", filepath.Join(fc.dir, "case.yaml"), "-o", fc.xlsx, "--json", fc.json, "-q"}, extra...)
	cmd := exec.Command(crosscheckBinary(t), args...)
	cmd.Env = append(os.Environ(), "TMPDIR="+fc.tmp)
	return cmd
}

// assertPrevious checks that the previous report is as it was.
func (fc *faultCase) assertPrevious(t *testing.T) {
	t.Helper()
	if got, _ := os.ReadFile(fc.xlsx); !bytes.Equal(got, fc.oldX) {
		t.Errorf("the previous workbook was changed (%d bytes)", len(got))
	}
	if got, _ := os.ReadFile(fc.json); !bytes.Equal(got, fc.oldJ) {
		t.Errorf("the previous JSON was changed: %.80q", got)
	}
}

// assertComplete checks that both outputs are complete, readable reports.
func (fc *faultCase) assertComplete(t *testing.T) {
	t.Helper()
	js, err := os.ReadFile(fc.json)
	if err != nil || !json.Valid(js) || bytes.Equal(js, fc.oldJ) {
		t.Errorf("report.json is not a new, valid document (%v)", err)
	}
	f, err := excelize.OpenFile(fc.xlsx)
	if err != nil {
		t.Fatalf("report.xlsx does not open: %v", err)
	}
	defer f.Close()
	// The payment rows are in the detail workbook beside the report.
	d, err := excelize.OpenFile(filepath.Join(fc.out, "report-payments.xlsx"))
	if err != nil {
		t.Fatalf("report-payments.xlsx does not open: %v", err)
	}
	defer d.Close()
	// The first rows only: reading 150,000 through excelize takes long.
	rows, err := d.Rows("Payments")
	if err != nil {
		t.Fatalf("report-payments.xlsx has no Payments sheet: %v", err)
	}
	defer rows.Close()
	n := 0
	for n < 2 && rows.Next() {
		n++
	}
	if n < 2 {
		t.Errorf("report.xlsx has no payments (%d rows, %v)", n, rows.Error())
	}
	for _, p := range []string{fc.xlsx, fc.json} {
		if st, err := os.Stat(p); err == nil && st.Mode().Perm() != 0o600 {
			t.Errorf("%s is %v, want 0600", p, st.Mode().Perm())
		}
	}
}

// assertNoLeftovers checks that the output folder holds only the two
// reports and the temporary folder nothing.
func (fc *faultCase) assertNoLeftovers(t *testing.T) {
	t.Helper()
	// The payment detail, once a run has written it, is an output too.
	names := slices.DeleteFunc(dirNames(t, fc.out), func(n string) bool { return n == "report-payments.xlsx" })
	if !slices.Equal(names, []string{"report.json", "report.xlsx"}) {
		t.Errorf("output folder holds %v", dirNames(t, fc.out))
	}
	if names := dirNames(t, fc.tmp); len(names) != 0 {
		t.Errorf("TMPDIR holds %v", names)
	}
}

func dirNames(t *testing.T, dir string) []string {
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

func exitCode(err error) int {
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		if st, ok := ee.Sys().(syscall.WaitStatus); ok && st.Signaled() {
			return 128 + int(st.Signal())
		}
		return ee.ExitCode()
	}
	if err != nil {
		return -1
	}
	return 0
}

// start begins the run and returns once it holds its output lock, with
// its stderr and a channel that receives its end.
func (fc *faultCase) start(t *testing.T) (*exec.Cmd, *bytes.Buffer, <-chan error) {
	t.Helper()
	cmd := fc.command(t)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	waitForLock(t, fc.xlsx, done)
	return cmd, &stderr, done
}

// waitForLock waits until the run holds its output lock: it has started
// and is reading the case.
func waitForLock(t *testing.T, path string, done <-chan error) bool {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if _, err := os.Stat(outfile.LockPath(path)); err == nil {
			return true
		}
		select {
		case err := <-done:
			t.Fatalf("the run ended before taking its lock: %v", err)
		case <-time.After(2 * time.Millisecond):
		}
	}
	t.Fatal("the run never took its lock")
	return false
}

// TestSignalStopsTheRunAndLeavesNothing interrupts runs at several points
// (reading, computing, writing the workbook): each either ends with the
// interrupt's exit code and the previous report untouched, or, if it
// finished first, with a complete new report; never anything in between,
// and no temporary file anywhere.
func TestSignalStopsTheRunAndLeavesNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary on a generated case")
	}
	interrupted := 0
	for _, tt := range []struct {
		sig   syscall.Signal
		after time.Duration
	}{
		{syscall.SIGINT, 0},
		{syscall.SIGTERM, 150 * time.Millisecond},
		{syscall.SIGINT, 600 * time.Millisecond},
		{syscall.SIGTERM, 1500 * time.Millisecond},
	} {
		t.Run(fmt.Sprintf("%v after %v", tt.sig, tt.after), func(t *testing.T) {
			fc := newFaultCase(t, 150_000)
			cmd, stderr, done := fc.start(t)
			time.Sleep(tt.after)
			cmd.Process.Signal(tt.sig)
			err := <-done
			switch code := exitCode(err); code {
			case 128 + int(tt.sig):
				interrupted++
				fc.assertPrevious(t)
				if lines := strings.Count(stderr.String(), "\n"); lines != 1 || !strings.Contains(stderr.String(), "interrupted") {
					t.Errorf("stderr is not one line saying so: %q", stderr.String())
				}
			case 0:
				t.Logf("the run finished before the signal")
				fc.assertComplete(t)
			default:
				t.Fatalf("exit %d, stderr %q", code, stderr.String())
			}
			fc.assertNoLeftovers(t)
		})
	}
	if interrupted == 0 {
		t.Error("no run was interrupted: the case is too small to test anything")
	}
}

// TestFullDiskLeavesThePreviousReport runs under a file-size limit, as a
// disk that fills up: exit 3, one line, the previous report untouched.
func TestFullDiskLeavesThePreviousReport(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	for _, limitKB := range []int{8, 40} {
		t.Run(fmt.Sprintf("%d KiB", limitKB), func(t *testing.T) {
			fc := newFaultCase(t, 0)
			run := fc.command(t)
			// ulimit -f counts 512-byte blocks in sh.
			sh := exec.Command("/bin/sh", append([]string{"-c", fmt.Sprintf(`ulimit -f %d && exec "$0" "$@"`, limitKB*2), run.Path}, run.Args[1:]...)...)
			sh.Env = run.Env
			var stderr bytes.Buffer
			sh.Stderr = &stderr
			err := sh.Run()
			if code := exitCode(err); code != exitNotWritten {
				t.Fatalf("exit %d, want %d; stderr %q", code, exitNotWritten, stderr.String())
			}
			if strings.Count(stderr.String(), "\n") != 1 || !strings.Contains(stderr.String(), "not written") {
				t.Errorf("stderr is not one line saying what was not written: %q", stderr.String())
			}
			fc.assertPrevious(t)
			fc.assertNoLeftovers(t)
		})
	}
}

// TestReadOnlyFolderFailsBeforeReading: a folder where the report cannot
// be written is an error at once (exit 3), not after the whole run.
func TestReadOnlyFolderFailsBeforeReading(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	fc := newFaultCase(t, 0)
	cmd := fc.command(t)
	if os.Geteuid() == 0 {
		// root writes anywhere: run as nobody, with the case readable.
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
		for d := filepath.Dir(fc.dir); d != "/" && strings.HasPrefix(d, os.TempDir()); d = filepath.Dir(d) {
			os.Chmod(d, 0o755)
		}
		filepath.WalkDir(fc.dir, func(p string, d os.DirEntry, err error) error {
			if err == nil {
				os.Chmod(p, map[bool]os.FileMode{true: 0o755, false: 0o644}[d.IsDir()])
			}
			return nil
		})
		os.Chmod(fc.tmp, 0o777)
		os.Chmod(filepath.Dir(cmd.Path), 0o755)
	}
	os.Chmod(fc.out, 0o555)
	defer os.Chmod(fc.out, 0o755)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	if code := exitCode(err); code != exitNotWritten {
		t.Fatalf("exit %d, want %d; stderr %q", code, exitNotWritten, stderr.String())
	}
	if strings.Count(stderr.String(), "\n") != 1 {
		t.Errorf("stderr is not one line: %q", stderr.String())
	}
	fc.assertPrevious(t)
	fc.assertNoLeftovers(t)
}

// TestConcurrentRunsOnTheSameOutput: while one run writes the report, a
// second one writing the same file is refused with one line (exit 3),
// and the first one's outputs are complete and its own.
func TestConcurrentRunsOnTheSameOutput(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary on a generated case")
	}
	fc := newFaultCase(t, 150_000)
	first, firstErr, done := fc.start(t)
	// The second run shares only the JSON: one shared output is enough to
	// refuse.
	second := exec.Command(crosscheckBinary(t), "run", "--case", filepath.Join(fc.dir, "case.yaml"), "-o", filepath.Join(fc.out, "other.xlsx"), "--json", fc.json, "-q")
	second.Env = first.Env
	var secondErr bytes.Buffer
	second.Stderr = &secondErr
	err := second.Run()
	if code := exitCode(err); code != exitNotWritten {
		t.Errorf("second run: exit %d, want %d; stderr %q", code, exitNotWritten, secondErr.String())
	}
	if s := secondErr.String(); strings.Count(s, "\n") != 1 || !strings.Contains(s, "another crosscheck run") {
		t.Errorf("second run's stderr is not one line saying why: %q", s)
	}
	if err := <-done; err != nil {
		t.Fatalf("first run: %v, stderr %q", err, firstErr.String())
	}
	fc.assertComplete(t)
	fc.assertNoLeftovers(t)
}

// TestOutputsCommittedAsOne: when the JSON cannot be put in place at the
// end of a run (a folder was made at its path meanwhile), the workbook,
// already put in place, is put back: never a new workbook beside an old
// JSON. Exit 3, one line, the previous report as it was.
func TestOutputsCommittedAsOne(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary on a generated case")
	}
	fc := newFaultCase(t, 150_000)
	_, stderr, done := fc.start(t)
	os.Remove(fc.json)
	if err := os.Mkdir(fc.json, 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(fc.json, "keep"), []byte("x"), 0o600)
	err := <-done
	if code := exitCode(err); code != exitNotWritten {
		t.Fatalf("exit %d, want %d; stderr %q", code, exitNotWritten, stderr.String())
	}
	if s := stderr.String(); strings.Count(s, "\n") != 1 || !strings.Contains(s, "report.json not written") {
		t.Errorf("stderr is not one line saying so: %q", s)
	}
	if got, _ := os.ReadFile(fc.xlsx); !bytes.Equal(got, fc.oldX) {
		t.Errorf("the workbook was replaced though the JSON was not (%d bytes)", len(got))
	}
	if _, err := os.Stat(filepath.Join(fc.out, "report-payments.xlsx")); !os.IsNotExist(err) {
		t.Errorf("the payment detail was written: %v", err)
	}
	fc.assertNoLeftovers(t)
}
