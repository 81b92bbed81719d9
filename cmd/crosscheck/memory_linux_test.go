package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"golang.org/x/sys/unix"
)

// workerPid is the pid of the process a watching crosscheck runs the case
// in (package supervise): its only child.
func workerPid(t *testing.T, parent int) int {
	t.Helper()
	tasks, _ := filepath.Glob("/proc/" + strconv.Itoa(parent) + "/task/*/children")
	for _, f := range tasks {
		b, _ := os.ReadFile(f)
		if fs := strings.Fields(string(b)); len(fs) > 0 {
			pid, _ := strconv.Atoi(fs[0])
			return pid
		}
	}
	t.Fatalf("crosscheck (pid %d) runs no child", parent)
	return 0
}

// vmSizeKB is the process's address space now.
func vmSizeKB(t *testing.T, pid int) uint64 {
	t.Helper()
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmSize:"); ok {
			n, err := strconv.ParseUint(strings.Fields(v)[0], 10, 64)
			if err != nil {
				t.Fatal(err)
			}
			return n
		}
	}
	t.Fatal("no VmSize")
	return 0
}

// TestOutOfMemoryEndsWithOneLine runs out of address space in the middle
// of a run (its limit lowered to what it already uses, as ulimit -v would
// have it at a larger case): one line, exit 4, the previous report
// untouched and nothing left, lock file included, though the Go runtime
// ends the process without any clean-up.
func TestOutOfMemoryEndsWithOneLine(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary on a generated case")
	}
	fc := newFaultCase(t, 150_000)
	cmd, stderr, done := fc.start(t)
	worker := workerPid(t, cmd.Process.Pid)
	// Nothing more can be mapped: the next heap arena, thread stack or
	// runtime structure fails.
	lim := vmSizeKB(t, worker) << 10
	if err := unix.Prlimit(worker, unix.RLIMIT_AS, &unix.Rlimit{Cur: lim, Max: lim}, nil); err != nil {
		t.Fatalf("prlimit: %v", err)
	}
	err := <-done
	if code := exitCode(err); code != exitOutOfMemory {
		t.Fatalf("exit %d, want %d; stderr %.2000q", code, exitOutOfMemory, stderr.String())
	}
	if s := stderr.String(); strings.Count(s, "\n") != 1 || !strings.HasPrefix(s, "crosscheck: out of memory") || !strings.Contains(s, "nothing written") {
		t.Errorf("stderr is not one line saying so: %.2000q", s)
	}
	fc.assertPrevious(t)
	fc.assertNoLeftovers(t)
	if _, err := os.Stat(filepath.Join(fc.out, ".report.xlsx.lock")); err == nil {
		t.Error("the lock file is left")
	}
}

// TestKilledRunLeavesNothing: a run killed outright (SIGKILL, as the
// kernel's out-of-memory killer does) cannot clean up; its watching parent
// does: one line, 128+9, no lock file, the previous report untouched.
func TestKilledRunLeavesNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary on a generated case")
	}
	fc := newFaultCase(t, 150_000)
	cmd, stderr, done := fc.start(t)
	syscall.Kill(workerPid(t, cmd.Process.Pid), syscall.SIGKILL)
	err := <-done
	if code := exitCode(err); code != 128+int(syscall.SIGKILL) && code != exitOutOfMemory {
		t.Fatalf("exit %d, want %d; stderr %.2000q", code, 128+int(syscall.SIGKILL), stderr.String())
	}
	if s := stderr.String(); strings.Count(s, "\n") != 1 || !strings.Contains(s, "nothing written") {
		t.Errorf("stderr is not one line saying so: %q", s)
	}
	fc.assertPrevious(t)
	fc.assertNoLeftovers(t)
}
