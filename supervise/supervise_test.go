package supervise

import (
	"bytes"
	"strings"
	"testing"
)

// What the child's runtime writes on descriptor 2 is passed on, except a
// runtime failure, which is held; only a failure for want of memory is
// taken for one.
func TestRuntimeOutputSortsFailures(t *testing.T) {
	for _, tt := range []struct {
		name, in, passed string
		oom, failed      bool
		faulted          bool
	}{
		{"nothing", "", "", false, false, false},
		{"gc trace passes", "gc 1 @0.004s 2%: ...\n", "gc 1 @0.004s 2%: ...\n", false, false, false},
		{"heap block",
			"runtime: out of memory: cannot allocate 4194304-byte block (58195968 in use)\nfatal error: out of memory\n\ngoroutine 1 [running]:\nmain.main()\n",
			"", true, true, false},
		{"runtime structure", "fatal error: runtime: cannot allocate memory\n\nruntime stack:\n", "", true, true, false},
		{"page summaries", "fatal error: failed to reserve page summary memory\n", "", true, true, false},
		{"cgo thread", "runtime/cgo: pthread_create failed: Resource temporarily unavailable\nSIGABRT: abort\n", "", true, true, false},
		{"fault inside the runtime", "SIGSEGV: segmentation violation\nPC=0x43a3dd m=8 sigcode=1 addr=0x0\n\ngoroutine 0 [idle]:\n", "", false, true, true},
		{"a bug's fatal error is not memory",
			"fatal error: concurrent map writes\n\ngoroutine 7 [running]:\nmain.f()\n\t/x.go:3 +0x1\n// out of memory in a goroutine's frame\n",
			"", false, true, false},
		{"a panic passes",
			"panic: runtime error: invalid memory address or nil pointer dereference\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x1]\n",
			"panic: runtime error: invalid memory address or nil pointer dereference\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x1]\n", false, false, false},
		{"no newline at the end", "runtime: out of memory", "", true, true, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			r := &runtimeOutput{out: &out}
			r.copy(strings.NewReader(tt.in))
			if out.String() != tt.passed {
				t.Errorf("passed on %q, want %q", out.String(), tt.passed)
			}
			if got := r.outOfMemory(); got != tt.oom {
				t.Errorf("outOfMemory %v, want %v", got, tt.oom)
			}
			failed, faulted := r.crashed()
			if failed != tt.failed || faulted != tt.faulted {
				t.Errorf("crashed %v, %v; want %v, %v", failed, faulted, tt.failed, tt.faulted)
			}
			r.flush()
			if tt.failed && out.String() != tt.in {
				t.Errorf("flushed %q, want all of %q", out.String(), tt.in)
			}
		})
	}
}

// What is held of a runtime failure is bounded.
func TestRuntimeOutputBoundsWhatItHolds(t *testing.T) {
	var out bytes.Buffer
	r := &runtimeOutput{out: &out}
	r.copy(strings.NewReader("fatal error: x\n" + strings.Repeat("goroutine 5 [running]:\n", 1<<20)))
	if r.held.Len() > maxHeld+100 {
		t.Errorf("held %d bytes", r.held.Len())
	}
}
