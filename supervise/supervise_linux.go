package supervise

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/crosscheck/crosscheck/outfile"
	"golang.org/x/sys/unix"
)

// Main either watches a child copy of this process and returns its exit
// status with done true, or, in that child (or when watching is off or
// cannot start), prepares this process and returns done false: the caller
// then runs the program itself.
func Main() (code int, done bool) {
	if os.Getenv(envChild) != "" {
		becomeChild()
		return 0, false
	}
	if os.Getenv(envOff) == "1" {
		return 0, false
	}
	code, err := watch()
	if err != nil {
		// No child (no /proc, no memory for one): run unwatched.
		return 0, false
	}
	return code, true
}

// becomeChild sends the program's own messages to the user's standard
// error and its named files to the journal; descriptor 2 is left to the
// runtime, read by the parent.
func becomeChild() {
	os.Unsetenv(envChild)
	for _, fd := range []int{fdStderr, fdJournal} {
		if _, err := syscall.Seek(fd, 0, 1); err != nil && err != syscall.ESPIPE {
			// Not the descriptors a parent passed: stay as started.
			return
		}
		syscall.CloseOnExec(fd)
	}
	os.Stderr = os.NewFile(fdStderr, "/dev/stderr")
	j := os.NewFile(fdJournal, "journal")
	child.Lock()
	child.journal = j
	child.Unlock()
	outfile.SetJournal(j)
}

// forwarded are the signals the parent passes on. SIGINT and SIGTERM are
// passed only when the child did not get them itself (a terminal's Ctrl-C
// reaches both processes); a second SIGHUP or SIGQUIT changes nothing, so
// those are passed at once.
var forwarded = []os.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGQUIT}

// ackWait is how long the parent waits for the child to say it got a
// signal before passing it on.
const ackWait = 300 * time.Millisecond

type signalCount struct{ received, acked, forwarded int }

// watch runs the child and returns its exit status, or the parent's
// own after a death the child could not report.
func watch() (int, error) {
	runtimeR, runtimeW, err := os.Pipe()
	if err != nil {
		return 0, err
	}
	journalR, journalW, err := os.Pipe()
	if err != nil {
		runtimeR.Close()
		runtimeW.Close()
		return 0, err
	}
	sigs := make(chan os.Signal, 8)
	signal.Notify(sigs, forwarded...)
	defer signal.Stop(sigs)
	killsBefore, _ := cgroupOOMKills()

	cmd := &exec.Cmd{
		// The running binary, even if its file was replaced meanwhile.
		Path:       "/proc/self/exe",
		Args:       os.Args,
		Env:        append(os.Environ(), envChild+"=1"),
		Stdin:      os.Stdin,
		Stdout:     os.Stdout,
		Stderr:     runtimeW,
		ExtraFiles: []*os.File{os.Stderr, journalW},
		// A parent killed outright takes the child with it, through
		// the child's ordinary interrupt handling.
		SysProcAttr: &syscall.SysProcAttr{Pdeathsig: syscall.SIGTERM},
	}
	started := make(chan error, 1)
	exited := make(chan struct{})
	go func() {
		// Pdeathsig follows the thread that started the child: it must
		// not end before the child does.
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		if err := cmd.Start(); err != nil {
			started <- err
			return
		}
		started <- nil
		// Wait without reaping it: its limit can still be read.
		var info unix.Siginfo
		for unix.Waitid(unix.P_PID, cmd.Process.Pid, &info, unix.WEXITED|unix.WNOWAIT, nil) == unix.EINTR {
		}
		close(exited)
	}()
	err = <-started
	runtimeW.Close()
	journalW.Close()
	if err != nil {
		runtimeR.Close()
		journalR.Close()
		return 0, err
	}

	var (
		mu     sync.Mutex
		counts = map[int]*signalCount{}
	)
	count := func(n int) *signalCount {
		if counts[n] == nil {
			counts[n] = &signalCount{}
		}
		return counts[n]
	}
	rt := &runtimeOutput{out: os.Stderr}
	var left outfile.Leftovers
	var readers sync.WaitGroup
	readers.Add(2)
	go func() {
		defer readers.Done()
		rt.copy(runtimeR)
	}()
	go func() {
		defer readers.Done()
		left.Read(journalR, func(rec []byte) {
			if len(rec) == 2 && rec[0] == recSignal {
				mu.Lock()
				count(int(rec[1])).acked++
				mu.Unlock()
			}
		})
	}()

	// The child's address space against its limit: a runtime that dies
	// of a failed mapping does not always say so (it may fault on the
	// structure it could not map), but it died at its limit.
	var space addressSpace
	tick := time.NewTicker(spaceEvery)
	defer tick.Stop()
	space.sample(cmd.Process.Pid)
	for running := true; running; {
		select {
		case <-tick.C:
			space.sample(cmd.Process.Pid)
		case <-exited:
			space.sample(cmd.Process.Pid)
			cmd.Wait()
			running = false
		case sig := <-sigs:
			n, _ := signalNumber(sig)
			if sig != syscall.SIGINT && sig != syscall.SIGTERM {
				cmd.Process.Signal(sig)
				continue
			}
			mu.Lock()
			count(n).received++
			mu.Unlock()
			go func() {
				deadline := time.Now().Add(ackWait)
				for {
					mu.Lock()
					c := count(n)
					got := c.acked-c.forwarded >= c.received
					if !got && !time.Now().Before(deadline) {
						c.forwarded++
					}
					mu.Unlock()
					if got {
						return
					}
					if !time.Now().Before(deadline) {
						cmd.Process.Signal(sig)
						return
					}
					time.Sleep(5 * time.Millisecond)
				}
			}()
		}
	}
	// The pipes end with the child (unless it passed them on).
	readersDone := make(chan struct{})
	go func() {
		readers.Wait()
		close(readersDone)
	}()
	select {
	case <-readersDone:
	case <-time.After(2 * time.Second):
	}
	left.Remove()

	ws, _ := cmd.ProcessState.Sys().(syscall.WaitStatus)
	killsAfter, _ := cgroupOOMKills()
	killed := ws.Signaled() && ws.Signal() == syscall.SIGKILL
	written := left.Committed()
	switch {
	case rt.outOfMemory() || killed && killsAfter > killsBefore || space.diedOfLimit(rt.crashed()):
		limit := describeLimit()
		if limit != "" {
			limit = " (" + limit + ")"
		}
		fmt.Fprintf(os.Stderr, "crosscheck: out of memory%s: the run was stopped; %s\n", limit, whatWasWritten(written))
		return ExitOutOfMemory, nil
	case ws.Signaled():
		rt.flush()
		fmt.Fprintf(os.Stderr, "crosscheck: ended by %s; %s\n", signalName(ws.Signal()), whatWasWritten(written))
		return 128 + int(ws.Signal()), nil
	}
	rt.flush()
	return ws.ExitStatus(), nil
}

func whatWasWritten(written []string) string {
	if len(written) == 0 {
		return "nothing written, earlier outputs are as they were"
	}
	return "written before it stopped: " + strings.Join(written, ", ")
}

func signalName(s syscall.Signal) string {
	switch s {
	case syscall.SIGKILL:
		return "SIGKILL"
	case syscall.SIGHUP:
		return "SIGHUP"
	case syscall.SIGSEGV:
		return "SIGSEGV"
	case syscall.SIGABRT:
		return "SIGABRT"
	}
	return "signal " + strconv.Itoa(int(s)) + " (" + s.String() + ")"
}

// spaceEvery is how often the parent reads the child's address space.
const spaceEvery = 25 * time.Millisecond

// nearLimit is how close to its address-space limit a process is taken
// to have died of it: the runtime maps memory in blocks of up to 64 MiB.
const nearLimit = 64 << 20

// addressSpace is what the parent last read of the child's address
// space: its high-water mark and its limit.
type addressSpace struct {
	peak, limit uint64 // bytes; limit 0 when none
}

func (a *addressSpace) sample(pid int) {
	dir := "/proc/" + strconv.Itoa(pid)
	if b, err := os.ReadFile(dir + "/status"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if v, ok := strings.CutPrefix(line, "VmPeak:"); ok {
				if f := strings.Fields(v); len(f) > 0 {
					if n, err := strconv.ParseUint(f[0], 10, 64); err == nil {
						a.peak = n << 10
					}
				}
				break
			}
		}
	}
	// The limit can be changed while the process runs (prlimit).
	var lim unix.Rlimit
	if err := unix.Prlimit(pid, unix.RLIMIT_AS, nil, &lim); err == nil {
		a.limit = 0
		if lim.Cur != unix.RLIM_INFINITY {
			a.limit = lim.Cur
		}
	}
}

// diedOfLimit reports whether a runtime that failed without saying why
// most likely ran into the address-space limit: it failed close to it,
// or it faulted inside itself under a limit (the runtime may fault on a
// structure it could not map; its own faults are otherwise bugs, far
// rarer than a limit reached between two samples).
func (a *addressSpace) diedOfLimit(failed, faulted bool) bool {
	if a.limit == 0 || !failed {
		return false
	}
	return faulted || a.peak+nearLimit >= a.limit
}

// describeLimit names the memory limit the process runs under, for the
// one line: "" when none is known.
func describeLimit() string {
	var lim syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_AS, &lim); err == nil && lim.Cur != ^uint64(0) {
		return "address-space limit ulimit -v " + strconv.FormatUint(lim.Cur>>10, 10)
	}
	if b, err := os.ReadFile(filepath.Join(cgroupDir(), "memory.max")); err == nil {
		if n, err := strconv.ParseUint(strings.TrimSpace(string(b)), 10, 64); err == nil {
			return "memory limit of its control group, " + strconv.FormatUint(n>>20, 10) + " MiB"
		}
	}
	return ""
}

// cgroupDir is this process's cgroup (v2) folder, "" when unknown.
func cgroupDir() string {
	b, err := os.ReadFile("/proc/self/cgroup")
	if err != nil {
		return ""
	}
	for _, line := range strings.Split(string(b), "\n") {
		if p, ok := strings.CutPrefix(line, "0::"); ok {
			return filepath.Join("/sys/fs/cgroup", p)
		}
	}
	return ""
}

// cgroupOOMKills is how many processes the kernel's out-of-memory killer
// has ended in this process's cgroup.
func cgroupOOMKills() (int, bool) {
	dir := cgroupDir()
	if dir == "" {
		return 0, false
	}
	f, err := os.Open(filepath.Join(dir, "memory.events"))
	if err != nil {
		return 0, false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "oom_kill "); ok {
			n, err := strconv.Atoi(v)
			return n, err == nil
		}
	}
	return 0, false
}
