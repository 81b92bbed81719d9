package outfile

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// CommitAll puts a set of outputs in place as one: a failure to put any
// of them in place puts back those already put, whether the system swaps
// names in one step or keeps the old file under a second name.
func TestCommitAllPutsBackOnFailure(t *testing.T) {
	for _, exch := range []bool{true, false} {
		for _, tt := range []struct {
			name    string
			old     []string // previous content of each target; "" = none
			failAt  int      // index whose placing fails; -1 = none
			wantErr bool
		}{
			{"both new over old ones", []string{"old x", "old j"}, -1, false},
			{"second fails: first put back", []string{"old x", "old j"}, 1, true},
			{"third fails: both put back", []string{"old x", "old j", "old d"}, 2, true},
			{"second fails: first had no file", []string{"", "old j"}, 1, true},
			{"first fails: nothing moves", []string{"old x", "old j"}, 0, true},
			{"all new", []string{"", ""}, -1, false},
		} {
			t.Run(fmt.Sprintf("exchange=%v/%s", exch, tt.name), func(t *testing.T) {
				noExchange = !exch
				defer func() { noExchange = false }()
				dir := t.TempDir()
				var paths []string
				var files []*File
				for i, old := range tt.old {
					p := filepath.Join(dir, fmt.Sprintf("out%d", i))
					paths = append(paths, p)
					if old != "" {
						os.WriteFile(p, []byte(old), 0o600)
					}
					f, err := Create(p, Private)
					if err != nil {
						t.Fatal(err)
					}
					fmt.Fprintf(f, "new %d", i)
					files = append(files, f)
				}
				if tt.failAt >= 0 {
					placeFault = func(p string) error {
						if p == paths[tt.failAt] {
							return errors.New("disk gone")
						}
						return nil
					}
					defer func() { placeFault = nil }()
				}
				err := CommitAll(append(files, nil)...)
				if (err != nil) != tt.wantErr {
					t.Fatalf("CommitAll: %v", err)
				}
				if err != nil && !errors.Is(err, ErrNotWritten) {
					t.Errorf("%v is not ErrNotWritten", err)
				}
				for i, p := range paths {
					got, rerr := os.ReadFile(p)
					want := fmt.Sprintf("new %d", i)
					if tt.wantErr {
						want = tt.old[i]
					}
					if want == "" {
						if !os.IsNotExist(rerr) {
							t.Errorf("%s: %q, want no file", filepath.Base(p), got)
						}
						continue
					}
					if string(got) != want {
						t.Errorf("%s: %q, want %q", filepath.Base(p), got, want)
					}
				}
				var names []string
				ents, _ := os.ReadDir(dir)
				for _, e := range ents {
					names = append(names, e.Name())
				}
				var want []string
				for i, p := range paths {
					if !tt.wantErr || tt.old[i] != "" {
						want = append(want, filepath.Base(p))
					}
				}
				if !slices.Equal(names, want) {
					t.Errorf("folder holds %v, want %v", names, want)
				}
				for _, f := range files {
					f.Abort() // a no-op now
				}
			})
		}
	}
}
