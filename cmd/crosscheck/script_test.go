package main

import (
	"bytes"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/xuri/excelize/v2"
)

// Command-level golden tests. Each testdata/script/*.txtar file is one run
// of the crosscheck binary, as a user types it:
//
//	# what the script checks (comment lines start with #)
//	crosscheck run --case $SAMPLE/case.yaml -o $WORK/report.xlsx
//	compare $WORK/report.xlsx
//	-- exit --
//	0
//	-- stdout --
//	...
//
// $SAMPLE is a fresh copy of the built-in sample case, $WORK an empty
// folder. The sections hold what the run must produce: its exit code, its
// stdout and stderr, and every file named on a `compare` line (a workbook
// as one CSV section per sheet, "path#Sheet.csv"). Temporary folders are
// written back as $SAMPLE and $WORK. Regenerate with
// `go test ./cmd/crosscheck -run TestScripts -update` and review the diff.
//
// A new command or case is a new .txtar file with its command line and the
// compare lines; -update fills in the rest.

var (
	buildOnce sync.Once
	binary    string
	buildErr  error
)

// TestMain removes the binary crosscheckBinary built: 34 MB per test run
// would otherwise pile up in the temporary folder.
func TestMain(m *testing.M) {
	code := m.Run()
	if binary != "" {
		os.RemoveAll(filepath.Dir(binary))
	}
	os.Exit(code)
}

// crosscheckBinary builds the command once per test run.
func crosscheckBinary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "crosscheck-bin-")
		if err != nil {
			buildErr = err
			return
		}
		binary = filepath.Join(dir, "crosscheck")
		out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binary
}

// archive is a parsed txtar file: a comment and named sections.
type archive struct {
	comment string
	files   []section
}

type section struct {
	name string
	data string
}

func parseArchive(src string) archive {
	var a archive
	var cur *section
	var b strings.Builder
	flush := func() {
		if cur == nil {
			a.comment = b.String()
		} else {
			cur.data = b.String()
			a.files = append(a.files, *cur)
		}
		b.Reset()
	}
	for _, line := range strings.SplitAfter(src, "\n") {
		if name, ok := sectionName(line); ok {
			flush()
			cur = &section{name: name}
			continue
		}
		b.WriteString(line)
	}
	flush()
	return a
}

func sectionName(line string) (string, bool) {
	l := strings.TrimRight(line, "\r\n")
	if !strings.HasPrefix(l, "-- ") || !strings.HasSuffix(l, " --") || len(l) < 7 {
		return "", false
	}
	return strings.TrimSpace(l[3 : len(l)-3]), true
}

func (a archive) format() []byte {
	var b bytes.Buffer
	b.WriteString(a.comment)
	for _, f := range a.files {
		fmt.Fprintf(&b, "-- %s --\n", f.name)
		b.WriteString(f.data)
		if f.data != "" && !strings.HasSuffix(f.data, "\n") {
			b.WriteString("\n")
		}
	}
	return b.Bytes()
}

func (a archive) section(name string) (string, bool) {
	for _, f := range a.files {
		if f.name == name {
			return f.data, true
		}
	}
	return "", false
}

func TestScripts(t *testing.T) {
	scripts, err := filepath.Glob(filepath.Join("testdata", "script", "*.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	if len(scripts) == 0 {
		t.Fatal("no scripts in testdata/script")
	}
	bin := crosscheckBinary(t)
	for _, path := range scripts {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".txtar"), func(t *testing.T) {
			runScript(t, bin, path)
		})
	}
}

func runScript(t *testing.T, bin, path string) {
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want := parseArchive(string(src))
	sample, work := filepath.Join(t.TempDir(), "sample"), filepath.Join(t.TempDir(), "work")
	if err := writeSample(sample); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(work, 0o755); err != nil {
		t.Fatal(err)
	}
	expand := strings.NewReplacer("$SAMPLE", sample, "$WORK", work)
	unexpand := strings.NewReplacer(sample, "$SAMPLE", work, "$WORK")

	var args, compares []string
	for _, line := range strings.Split(want.comment, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "crosscheck "):
			if args != nil {
				t.Fatalf("%s: one command per script", path)
			}
			args = strings.Fields(expand.Replace(strings.TrimPrefix(line, "crosscheck ")))
		case strings.HasPrefix(line, "compare "):
			compares = append(compares, strings.Fields(strings.TrimPrefix(line, "compare "))...)
		default:
			t.Fatalf("%s: unknown line %q", path, line)
		}
	}
	if args == nil {
		t.Fatalf("%s: no `crosscheck ...` line", path)
	}

	cmd := exec.Command(bin, args...)
	cmd.Dir = work
	cmd.Env = append(os.Environ(), "TZ=UTC", "NO_COLOR=1")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	code := 0
	if err := cmd.Run(); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			t.Fatalf("run %v: %v", args, err)
		}
		code = ee.ExitCode()
	}

	got := archive{comment: want.comment}
	got.files = append(got.files,
		section{"exit", fmt.Sprintf("%d\n", code)},
		section{"stdout", unexpand.Replace(stdout.String())},
		section{"stderr", unexpand.Replace(stderr.String())})
	for _, c := range compares {
		file := expand.Replace(c)
		if strings.HasSuffix(file, ".xlsx") {
			sheets, err := renderWorkbook(file)
			if err != nil {
				t.Fatalf("%s: %v", c, err)
			}
			for _, s := range sheets {
				got.files = append(got.files, section{c + "#" + s.name + ".csv", unexpand.Replace(s.data)})
			}
			continue
		}
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatalf("%s: %v", c, err)
		}
		got.files = append(got.files, section{c, unexpand.Replace(string(data))})
	}

	if *update {
		if err := os.WriteFile(path, got.format(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	for _, g := range got.files {
		w, ok := want.section(g.name)
		if !ok {
			t.Errorf("%s: the run produced %q, which the script lacks (run with -update)", path, g.name)
			continue
		}
		if normalizeEOL(w) != normalizeEOL(g.data) {
			t.Errorf("%s: %s differs (if the change is meant, regenerate with go test ./cmd/crosscheck -run TestScripts -update and review the diff):\n%s", path, g.name, lineDiff(w, g.data))
		}
	}
	for _, w := range want.files {
		if !slices.ContainsFunc(got.files, func(g section) bool { return g.name == w.name }) {
			t.Errorf("%s: the script expects %q, which the run did not produce", path, w.name)
		}
	}
}

func normalizeEOL(s string) string {
	return strings.TrimRight(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
}

// lineDiff shows the first lines where two texts part, enough to see why.
func lineDiff(want, got string) string {
	w, g := strings.Split(normalizeEOL(want), "\n"), strings.Split(normalizeEOL(got), "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 8; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "line %d\n  want %q\n  got  %q\n", i+1, wl, gl)
			shown++
		}
	}
	if len(w) != len(g) {
		fmt.Fprintf(&b, "want %d lines, got %d\n", len(w), len(g))
	}
	return b.String()
}

// renderWorkbook turns each sheet into CSV, cells as the spreadsheet shows
// them (number formats applied), so a golden diff reads like the workbook.
func renderWorkbook(path string) ([]section, error) {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []section
	for _, name := range f.GetSheetList() {
		rows, err := f.GetRows(name)
		if err != nil {
			return nil, fmt.Errorf("sheet %s: %w", name, err)
		}
		var b bytes.Buffer
		w := csv.NewWriter(&b)
		w.UseCRLF = false
		if err := w.WriteAll(rows); err != nil {
			return nil, err
		}
		out = append(out, section{name, b.String()})
	}
	return out, nil
}

var update = flag.Bool("update", false, "rewrite the scripts' expected sections from this run")
