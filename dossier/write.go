package dossier

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/crosscheck/crosscheck/outfile"
)

// WriteAll writes the dossiers of ids into dir (made if missing), one
// file per suspect named by FileName, on all cores. It returns the paths
// written, in the order of ids, and the first error.
func WriteAll(dir string, set *Set, ids []string, opt Options) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("dossiers: %w", err)
	}
	paths := make([]string, len(ids))
	used := map[string]bool{}
	for i, id := range ids {
		if _, ok := set.Get(id); !ok {
			return nil, fmt.Errorf("dossiers: no suspect %q in the case", id)
		}
		name := FileName(id)
		// Two ids differing only in characters a file name cannot hold
		// must not overwrite each other.
		for n := 2; used[name]; n++ {
			name = fmt.Sprintf("%s-%d.pdf", FileName(id)[:len(FileName(id))-4], n)
		}
		used[name] = true
		paths[i] = filepath.Join(dir, name)
	}
	jobs := make(chan int)
	errs := make([]error, len(ids))
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				d, _ := set.Get(ids[i])
				errs[i] = outfile.WriteFile(paths[i], outfile.Private, func(w io.Writer) error { return Write(w, d, opt) })
			}
		}()
	}
	for i := range ids {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return paths, err
		}
	}
	return paths, nil
}
