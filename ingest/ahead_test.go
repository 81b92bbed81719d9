package ingest

import (
	"os"
	"path/filepath"
	"testing"
)

// A check made ahead must give what the check at reading time gives, file
// by file, errors included, whatever order the files are asked for in.
func TestCheckAheadGivesTheInlineCheck(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	paths := []string{
		filepath.Join("testdata", "bank_statement_it.csv"),
		filepath.Join("testdata", "suspects_win1252.csv"),
		write("bom.csv", []byte("\xEF\xBB\xBFa;b\n1;2\n")),
		write("nul.csv", []byte("a;b\n\x00\x00\x00\x00;\x002\n")),
		write("utf16.txt", []byte("\xFF\xFEa\x00\t\x00b\x00\n\x00")),
		write("empty.csv", nil),
		filepath.Join(dir, "missing.csv"),
		dir, // a directory
	}
	wantWin := map[int]bool{1: true}
	wantErr := map[int]bool{3: true, 5: true, 6: true, 7: true}
	// Repeated paths and workbooks are not checked ahead.
	list := append(append([]string{}, paths...), paths[0], filepath.Join("testdata", "paypal.xlsx")+"#Sheet1")
	a := CheckAhead(list)
	if len(a.slots) != len(paths) {
		t.Fatalf("CheckAhead took %d files, want %d", len(a.slots), len(paths))
	}
	for i := len(paths) - 1; i >= 0; i-- {
		p := paths[i]
		got, gfh, gotErr := a.inspect(p)
		want, wfh, wantE := inspectText(p)
		if (gfh == nil) != (gotErr != nil) || (wfh == nil) != (wantE != nil) {
			t.Errorf("%s: open file %v (inline %v) with error %v", p, gfh, wfh, gotErr)
		}
		if gfh != nil {
			gfh.Close()
		}
		if wfh != nil {
			wfh.Close()
		}
		if (gotErr != nil) != wantErr[i] || (wantE != nil) != wantErr[i] {
			t.Errorf("%s: error %v (inline %v), want error %v", p, gotErr, wantE, wantErr[i])
			continue
		}
		if gotErr != nil {
			if gotErr.Error() != wantE.Error() {
				t.Errorf("%s: error %q, inline %q", p, gotErr, wantE)
			}
			continue
		}
		got.stamp, want.stamp = fileStamp{}, fileStamp{}
		if got != want || got.size == 0 || got.win1252 != wantWin[i] || got.bom != (i == 2) || (got.utf16 == utf16LE) != (i == 4) {
			t.Errorf("%s: %+v, inline %+v", p, got, want)
		}
	}
	// A path it was not given is checked when asked for.
	extra := write("late.csv", []byte("a,b\n"))
	if info, fh, err := a.inspect(extra); err != nil || info.size != 4 {
		t.Errorf("late file: %+v, %v", info, err)
	} else {
		fh.Close()
	}
	var none *Ahead
	if info, fh, err := none.inspect(paths[0]); err != nil || info.size == 0 {
		t.Errorf("nil Ahead: %+v, %v", info, err)
	} else {
		fh.Close()
	}
	a.Close()
}
