//go:build unix

package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/casework"
	"github.com/crosscheck/crosscheck/outfile"
)

// exportCase is the sample case in dir/case, an output folder dir/out
// holding a file of an earlier run, and TMPDIR set to an empty dir/tmp.
func exportCase(t *testing.T) (caseFile, out, tmp string) {
	t.Helper()
	root := t.TempDir()
	out, tmp = filepath.Join(root, "out"), filepath.Join(root, "tmp")
	for _, d := range []string{out, tmp} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := writeSample(filepath.Join(root, "case")); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(out, "earlier.txt"), []byte("earlier"), 0o600)
	t.Setenv("TMPDIR", tmp)
	return filepath.Join(root, "case", "case.yaml"), out, tmp
}

// exportFiles are the files each format writes (below --out for the
// directory formats).
var exportFiles = map[string][]string{
	"graphml": {"x.graphml"},
	"ftm":     {"x.ftm.json"},
	"i2":      {"i2/README-i2.txt", "i2/entities.csv", "i2/links.csv"},
	"parquet": {"pq/assets.parquet", "pq/case.parquet", "pq/payments-1-of-1.parquet", "pq/suspects.parquet"},
}

func exportOut(format, out string) string {
	first := exportFiles[format][0]
	if i := strings.IndexByte(first, '/'); i > 0 {
		return filepath.Join(out, first[:i])
	}
	return filepath.Join(out, first)
}

// listFiles lists every file below dir, relative, hidden ones included.
func listFiles(t *testing.T, dir string) []string {
	t.Helper()
	var names []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			names = append(names, filepath.ToSlash(rel))
		}
		return nil
	})
	slices.Sort(names)
	return names
}

// Every export's files are outputs like the workbook: owner-only, put in
// place whole, nothing else left in the folder or in TMPDIR (no
// temporary, scratch or lock file).
func TestExportWritesOnlyItsFiles(t *testing.T) {
	for _, format := range exportFormatNames() {
		t.Run(format, func(t *testing.T) {
			caseFile, out, tmp := exportCase(t)
			code, _, errs := runCLI(t, "export", "--case", caseFile, "--format", format, "--out", exportOut(format, out))
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errs)
			}
			want := append([]string{"earlier.txt"}, exportFiles[format]...)
			slices.Sort(want)
			if got := listFiles(t, out); !slices.Equal(got, want) {
				t.Errorf("output folder holds %v, want %v", got, want)
			}
			for _, name := range exportFiles[format] {
				st, err := os.Stat(filepath.Join(out, name))
				if err != nil || st.Size() == 0 || st.Mode().Perm() != 0o600 {
					t.Errorf("%s: %v, %v; want a non-empty 0600 file", name, st, err)
				}
			}
			if got := listFiles(t, tmp); len(got) != 0 {
				t.Errorf("TMPDIR holds %v", got)
			}
		})
	}
}

// An export writing over one of the case's inputs is refused before
// anything is read (exit 2), for a file format and for a file inside a
// directory format's folder.
func TestExportRefusesAnInput(t *testing.T) {
	caseFile, out, _ := exportCase(t)
	dir := filepath.Dir(caseFile)
	// The identifiers table, renamed to the name of an i2 file.
	if err := os.Rename(filepath.Join(dir, "identifiers.csv"), filepath.Join(dir, "links.csv")); err != nil {
		t.Fatal(err)
	}
	y, _ := os.ReadFile(caseFile)
	os.WriteFile(caseFile, bytes.Replace(y, []byte("[identifiers.csv]"), []byte("[links.csv]"), 1), 0o600)
	before, _ := os.ReadFile(filepath.Join(dir, "links.csv"))
	for _, tc := range []struct{ format, out, names string }{
		{"graphml", filepath.Join(dir, "suspects.xlsx"), "suspects.xlsx"},
		{"ftm", caseFile, "case.yaml"},
		{"i2", dir, "links.csv"},
	} {
		code, _, errs := runCLI(t, "export", "--case", caseFile, "--format", tc.format, "--out", tc.out)
		if code != exitUsage || !strings.Contains(errs, tc.names) || strings.Count(errs, "\n") != 1 {
			t.Errorf("%s --out %s: exit %d, %q; want exit 2 naming %s", tc.format, tc.out, code, errs, tc.names)
		}
	}
	if after, _ := os.ReadFile(filepath.Join(dir, "links.csv")); !bytes.Equal(before, after) {
		t.Error("the input links.csv was changed")
	}
	if got := listFiles(t, out); !slices.Equal(got, []string{"earlier.txt"}) {
		t.Errorf("output folder holds %v", got)
	}
}

// While another run holds an export's file, the export is refused
// (exit 3) and writes nothing; parts of a split Parquet export lock only
// their own payments file, so parts running at once into one shared
// folder do not refuse each other.
func TestExportLocks(t *testing.T) {
	caseFile, out, _ := exportCase(t)
	hold := func(path string) func() {
		t.Helper()
		release, err := outfile.Lock(path)
		if err != nil {
			t.Fatal(err)
		}
		return release
	}
	pq := filepath.Join(out, "pq")
	os.Mkdir(pq, 0o755)
	for _, tc := range []struct {
		held   string
		args   []string
		refuse bool
	}{
		{filepath.Join(out, "x.graphml"), []string{"--format", "graphml", "--out", filepath.Join(out, "x.graphml")}, true},
		{filepath.Join(out, "i2", "links.csv"), []string{"--format", "i2", "--out", filepath.Join(out, "i2")}, true},
		{filepath.Join(pq, "payments-1-of-2.parquet"), []string{"--format", "parquet", "--out", pq, "--part", "1/2"}, true},
		{filepath.Join(pq, "payments-1-of-2.parquet"), []string{"--format", "parquet", "--out", pq, "--part", "2/2"}, false},
	} {
		os.MkdirAll(filepath.Dir(tc.held), 0o755)
		release := hold(tc.held)
		code, _, errs := runCLI(t, append([]string{"export", "--case", caseFile}, tc.args...)...)
		release()
		switch {
		case tc.refuse && (code != exitNotWritten || !strings.Contains(errs, "another crosscheck run")):
			t.Errorf("%v with %s held: exit %d, %q; want exit 3", tc.args, tc.held, code, errs)
		case !tc.refuse && code != 0:
			t.Errorf("%v with %s held: exit %d, %q; want 0", tc.args, tc.held, code, errs)
		}
	}
	if got := listFiles(t, out); !slices.Equal(got, []string{"earlier.txt", "pq/assets.parquet", "pq/case.parquet", "pq/payments-2-of-2.parquet", "pq/suspects.parquet"}) {
		t.Errorf("output folder holds %v", got)
	}
}

// An export interrupted at any point, while the case is read or while
// its files are written, exits with the interrupt's code and leaves the
// folder and TMPDIR as they were; one that finished first wrote every
// file.
func TestExportInterrupted(t *testing.T) {
	if testing.Short() {
		t.Skip("runs exports of a generated case")
	}
	fc := newFaultCase(t, 60_000)
	t.Setenv("TMPDIR", fc.tmp)
	stopped := 0
	for _, format := range exportFormatNames() {
		for _, after := range []time.Duration{0, 100 * time.Millisecond, 400 * time.Millisecond, 1200 * time.Millisecond} {
			t.Run(fmt.Sprintf("%s after %v", format, after), func(t *testing.T) {
				ctx, cancel := context.WithCancelCause(context.Background())
				defer cancel(nil)
				stop := time.AfterFunc(after, func() { cancel(&interrupted{sig: os.Interrupt}) })
				defer stop.Stop()
				root := newRootCommand()
				var stdout, stderr bytes.Buffer
				root.SetOut(&stdout)
				root.SetErr(&stderr)
				code := executeContext(ctx, root, []string{"export", "--case", filepath.Join(fc.dir, "case.yaml"), "--format", format, "--out", exportOut(format, fc.out)})
				got := listFiles(t, fc.out)
				switch code {
				case 130:
					stopped++
					if !slices.Equal(got, []string{"report.json", "report.xlsx"}) {
						t.Errorf("interrupted export left %v", got)
					}
					if !strings.Contains(stderr.String(), "interrupted") || strings.Count(stderr.String(), "\n") != 1 {
						t.Errorf("stderr is not one line saying so: %q", stderr.String())
					}
				case 0:
					want := append([]string{"report.json", "report.xlsx"}, exportFiles[format]...)
					slices.Sort(want)
					if !slices.Equal(got, want) {
						t.Errorf("finished export left %v, want %v", got, want)
					}
				default:
					t.Fatalf("exit %d: %s", code, stderr.String())
				}
				fc.assertPrevious(t)
				if left := listFiles(t, fc.tmp); len(left) != 0 {
					t.Errorf("TMPDIR holds %v", left)
				}
				for _, name := range exportFiles[format] {
					os.Remove(filepath.Join(fc.out, name))
				}
				os.Remove(exportOut(format, fc.out))
			})
		}
	}
	if stopped < len(exportFormats) {
		t.Errorf("only %d exports were interrupted: the case is too small to test anything", stopped)
	}
}

// An interrupt while the files are being written stops the writing at
// the next buffer, and one after the last byte still commits nothing.
func TestExportInterruptedWhileWriting(t *testing.T) {
	for _, keepWriting := range []bool{true, false} {
		dir := t.TempDir()
		paths := []string{filepath.Join(dir, "a"), filepath.Join(dir, "b")}
		ctx, cancel := context.WithCancelCause(context.Background())
		stop := &interrupted{sig: os.Interrupt}
		wrote := 0
		f := exportFormat{name: "test", write: func(_ *casework.Result, ws []io.Writer) error {
			ws[0].Write([]byte("complete first file"))
			cancel(stop)
			if !keepWriting {
				return nil
			}
			for range 1000 {
				if _, err := ws[1].Write(make([]byte, 4096)); err != nil {
					return err
				}
				wrote++
			}
			return nil
		}}
		err := writeExport(ctx, f, nil, func() error { return nil }, paths)
		if !errors.Is(err, stop) {
			t.Errorf("keep writing %v: %v, want the interrupt", keepWriting, err)
		}
		if wrote > 0 {
			t.Errorf("%d buffers written after the interrupt", wrote)
		}
		if got := listFiles(t, dir); len(got) != 0 {
			t.Errorf("keep writing %v: left %v", keepWriting, got)
		}
	}
}
