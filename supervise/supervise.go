// Package supervise runs crosscheck as a child process watched by a small
// parent, so that a run ended by the Go runtime itself or by the kernel
// still ends with one line, a documented exit status and nothing left
// behind.
//
// Running out of memory is not an error a Go program can handle: the
// runtime prints "fatal error: out of memory" and a dump of every
// goroutine on file descriptor 2 and exits with status 2, and the kernel's
// out-of-memory killer sends SIGKILL. Neither runs any code of the
// process. So the parent holds the child's descriptor 2, where only the
// runtime writes (the child prints its own messages on the user's
// standard error, passed to it as another descriptor), and the child
// tells the parent, through a journal, every named file it creates and
// releases (see outfile.SetJournal). When the child dies, the parent
// removes what it left and says what happened in one line.
//
//	if code, done := supervise.Main(); done {
//		os.Exit(code)
//	}
//	// this process is the child, or runs unwatched
package supervise

import (
	"bufio"
	"bytes"
	"io"
	"os"
	"strings"
	"sync"
	"syscall"
)

// ExitOutOfMemory is the exit status of a run that ran out of memory.
const ExitOutOfMemory = 4

// Environment variables: envChild marks the watched child (the parent
// sets it); envOff, set to 1, runs crosscheck without the watching
// parent (for a debugger or a profiler that follows one process).
const (
	envChild = "CROSSCHECK_SUPERVISED"
	envOff   = "CROSSCHECK_NO_SUPERVISOR"
)

// The child's extra descriptors: the user's standard error and the
// journal.
const (
	fdStderr  = 3
	fdJournal = 4
)

// recSignal is the journal record of a signal the child received: the
// parent forwards a signal only when the child did not get it too.
const recSignal = 'S'

var child struct {
	sync.Mutex
	journal *os.File
}

// Received tells the watching parent that the child got sig (it does
// nothing in a process that is not watched). The child calls it for each
// signal it handles, so that a signal the terminal sent to both
// processes is not forwarded a second time.
func Received(sig os.Signal) {
	child.Lock()
	defer child.Unlock()
	if child.journal == nil {
		return
	}
	if s, ok := signalNumber(sig); ok {
		child.journal.Write([]byte{recSignal, byte(s), 0})
	}
}

// runtimeOutput sorts what the child's runtime writes on descriptor 2.
// Lines are passed on to the user's standard error as they come (a
// panic's trace is for a bug report) until one opens a runtime failure
// ("fatal error: ..." or "runtime: ..."): from there on the text is held
// until the child has ended, to be replaced by one line when it says the
// memory ran out.
type runtimeOutput struct {
	out  io.Writer
	mu   sync.Mutex
	held bytes.Buffer
	hold bool
}

// maxHeld bounds what is kept of a runtime failure's dump.
const maxHeld = 4 << 20

func (r *runtimeOutput) copy(from io.Reader) {
	br := bufio.NewReader(from)
	for {
		line, err := br.ReadBytes('\n')
		if len(line) > 0 {
			r.line(line)
		}
		if err != nil {
			return
		}
	}
}

func (r *runtimeOutput) line(line []byte) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if !r.hold && runtimeFailure(line) {
		r.hold = true
	}
	if !r.hold {
		r.out.Write(line)
		return
	}
	if r.held.Len() < maxHeld {
		r.held.Write(line)
	}
}

// runtimeFailure reports whether line opens the runtime's own failure: a
// fatal error, a message of the runtime or of its C side, or a signal
// inside the runtime ("SIGSEGV: segmentation violation" then "PC=...";
// a nil dereference in the program is a panic, "panic: runtime error").
func runtimeFailure(line []byte) bool {
	for _, p := range []string{"fatal error: ", "runtime: ", "runtime/cgo: ", "SIGSEGV: ", "SIGBUS: "} {
		if bytes.HasPrefix(line, []byte(p)) {
			return true
		}
	}
	return false
}

// crashed reports whether the runtime failed (held text), and whether it
// faulted inside itself (a signal, not a fatal error it raised).
func (r *runtimeOutput) crashed() (failed, faulted bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	h := r.held.Bytes()
	return r.hold, bytes.HasPrefix(h, []byte("SIGSEGV: ")) || bytes.HasPrefix(h, []byte("SIGBUS: "))
}

// outOfMemory reports whether the held text is the runtime failing for
// want of memory or address space (a heap block, its own structures, a
// thread's stack).
func (r *runtimeOutput) outOfMemory() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	head := r.held.Bytes()
	if i := bytes.Index(head, []byte("\ngoroutine ")); i >= 0 {
		head = head[:i]
	}
	s := string(head)
	for _, sign := range []string{
		"out of memory",
		"cannot allocate memory",
		"failed to reserve",
		"pthread_create failed",
		"failed to create new OS thread",
		"Resource temporarily unavailable",
	} {
		if strings.Contains(s, sign) {
			return true
		}
	}
	return false
}

// flush writes out what was held (a failure that is not for want of
// memory: its dump is what a bug report needs).
func (r *runtimeOutput) flush() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.out.Write(r.held.Bytes())
	r.held.Reset()
}

func signalNumber(sig os.Signal) (int, bool) {
	s, ok := sig.(syscall.Signal)
	return int(s), ok
}
