package outfile

import (
	"os"
	"sync"
)

// named holds the names this process created and has not yet removed or
// committed: hidden temporary files (where a file cannot be unnamed) and
// lock files.
var named sync.Map

func track(name string)   { named.Store(name, struct{}{}) }
func untrack(name string) { named.Delete(name) }

// Cleanup removes every temporary and lock file this process still has,
// for a process that must exit at once (a second interrupt). Outputs not
// committed stay as they were.
func Cleanup() {
	named.Range(func(k, _ any) bool {
		os.Remove(k.(string))
		named.Delete(k)
		return true
	})
}
