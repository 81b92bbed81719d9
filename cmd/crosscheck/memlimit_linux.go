package main

import (
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
)

// fitAddressSpace sets the Go memory limit from an address-space limit
// (ulimit -v), unless GOMEMLIMIT is set: what the limit leaves after the
// runtime's own reservations, which are made at start-up (VmSize now), less
// a margin for thread stacks and the C side. The collector then works
// harder as the heap nears it instead of the run dying when the address
// space runs out.
func fitAddressSpace() {
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	var lim syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_AS, &lim); err != nil || lim.Cur == ^uint64(0) {
		return
	}
	used := vmSize()
	const margin = 64 << 20
	if used == 0 || lim.Cur <= used+margin {
		return
	}
	debug.SetMemoryLimit(int64(lim.Cur - used - margin))
}

// vmSize is the process's address space in bytes, 0 when unknown.
func vmSize() uint64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmSize:"); ok {
			kb, err := strconv.ParseUint(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			if err != nil {
				return 0
			}
			return kb << 10
		}
	}
	return 0
}
