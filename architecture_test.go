package crosscheck

import (
	"bufio"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

const module = "github.com/crosscheck/crosscheck"

// importRules is the direction data flows in (docs/rules.md is the
// contract; README's Layout names the packages): read -> ledger -> match ->
// reports, with casework orchestrating and cmd wiring flags. A rule lists
// the packages (by path prefix, relative to the module) that a package must
// not import.
var importRules = []struct {
	pkg       string // relative path; a trailing "/..." covers sub-packages
	forbidden []string
	why       string
}{
	{"ledger", []string{"ingest", "match", "reports", "review", "casework", "casefile", "cmd"},
		"the ledger is the domain: it knows nothing above it"},
	{"match/...", []string{"ingest", "reports", "review", "casework", "casefile", "cmd"},
		"matching reads the ledger's types, never files or outputs"},
	{"ingest", []string{"match", "reports", "review", "casework", "casefile", "cmd"},
		"reading turns files into ledger rows and stops there"},
	{"reports", []string{"casework", "casefile", "ingest", "cmd"},
		"outputs are written from results, not from the orchestration or the readers"},
	{"review", []string{"casework", "casefile", "ingest", "reports", "cmd"},
		"review reads earlier workbooks into decisions only"},
	{"casefile", []string{"casework", "reports", "review", "match", "cmd"},
		"the case file is parameters, below the run"},
	{"casefile/initcase", []string{"casework", "reports", "review", "cmd"},
		"init reads a folder and drafts a case file; it runs nothing and writes no report"},
	{"result", []string{"ingest", "reports", "casework", "casefile", "cmd"},
		"the run's result model is filled by the run and read by the outputs: it depends on neither"},
	{"pipeline", []string{"ledger", "match", "ingest", "reports", "review", "casework", "casefile", "result", "spool", "columnar", "cmd"},
		"the pipeline helper moves batches and knows nothing of what is in them"},
	{"sheets", []string{"ledger", "match", "ingest", "reports", "review", "casework", "casefile", "cmd"},
		"the workbook's columns are a contract that reports writes and review reads: it depends on neither"},
	{"templates", []string{"match", "reports", "review", "casework", "casefile", "cmd"},
		"input templates are ingest's fields as an empty form: they know nothing of a run"},
	{"casework", []string{"cmd", "reports", "casefile/initcase"}, "the command layer sits on top; the run fills package result and leaves writing it to reports; init drafts case files and is no part of a run"},
}

// ioPackages are the packages that do I/O; the domain packages (ledger,
// match, result) take and return values only, so they are tested without files.
var ioPackages = []string{
	"os", "os/exec", "io/ioutil", "io/fs", "net", "net/http", "archive/zip", "encoding/csv",
	"bufio", "github.com/xuri/excelize/v2", "github.com/spf13/cobra", "go.yaml.in/yaml/v3",
}

func goList(t *testing.T) map[string][]string {
	t.Helper()
	out, err := exec.Command("go", "list", "-f", "{{.ImportPath}} {{join .Imports \" \"}}", "./...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	pkgs := map[string][]string{}
	sc := bufio.NewScanner(strings.NewReader(string(out)))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) == 0 {
			continue
		}
		rel := strings.TrimPrefix(strings.TrimPrefix(f[0], module), "/")
		pkgs[rel] = f[1:]
	}
	return pkgs
}

func covers(pattern, rel string) bool {
	if base, ok := strings.CutSuffix(pattern, "/..."); ok {
		return rel == base || strings.HasPrefix(rel, base+"/")
	}
	return rel == pattern
}

func under(prefix, rel string) bool { return rel == prefix || strings.HasPrefix(rel, prefix+"/") }

// TestImportDirection fails when a package imports one above it, so the
// layering in README's Layout holds as the code grows.
func TestImportDirection(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	pkgs := goList(t)
	checked := 0
	for rel, imports := range pkgs {
		for _, r := range importRules {
			if !covers(r.pkg, rel) {
				continue
			}
			checked++
			for _, imp := range imports {
				irel, ok := strings.CutPrefix(imp, module+"/")
				if !ok {
					continue
				}
				for _, f := range r.forbidden {
					if under(f, irel) {
						t.Errorf("%s imports %s: %s", rel, irel, r.why)
					}
				}
			}
		}
	}
	if checked < len(importRules) {
		t.Fatalf("only %d packages matched %d rules: a rule names a package that no longer exists", checked, len(importRules))
	}
}

// TestDomainDoesNoIO keeps ledger and match free of file, network and
// spreadsheet packages.
func TestDomainDoesNoIO(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	pkgs := goList(t)
	for rel, imports := range pkgs {
		if !under("ledger", rel) && !under("match", rel) && !under("result", rel) && !under("sheets", rel) {
			continue
		}
		for _, imp := range imports {
			for _, io := range ioPackages {
				if imp == io {
					t.Errorf("%s imports %s: the domain packages do no I/O", rel, imp)
				}
			}
		}
	}
}

var ruleCitation = regexp.MustCompile(`docs/rules\.md#([a-z0-9-]+)`)

// TestRuleCitationsResolve checks that every comment citing a section of
// docs/rules.md names a section that exists, and that no code cites the
// contract by any other name.
func TestRuleCitationsResolve(t *testing.T) {
	doc, err := os.ReadFile("docs/rules.md")
	if err != nil {
		t.Fatal(err)
	}
	anchors := map[string]bool{}
	for _, line := range strings.Split(string(doc), "\n") {
		if h, ok := strings.CutPrefix(line, "## "); ok {
			anchors[anchor(h)] = true
		}
	}
	if len(anchors) < 10 {
		t.Fatalf("docs/rules.md has %d sections; expected the whole contract", len(anchors))
	}
	cited := 0
	err = filepath.WalkDir(".", func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") && path != ".") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || path == "architecture_test.go" {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for i, line := range strings.Split(string(src), "\n") {
			if strings.Contains(line, "SPEC section") || strings.Contains(line, "(SPEC") {
				t.Errorf("%s:%d cites SPEC; cite docs/rules.md#section instead", path, i+1)
			}
			for _, m := range ruleCitation.FindAllStringSubmatch(line, -1) {
				cited++
				if !anchors[m[1]] {
					t.Errorf("%s:%d cites docs/rules.md#%s: no such section", path, i+1, m[1])
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if cited == 0 {
		t.Fatal("no code cites docs/rules.md")
	}
}

// anchor turns a heading into its Markdown anchor the way GitHub does:
// lower case, spaces to hyphens, punctuation dropped.
func anchor(h string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(h)) {
		switch {
		case r == ' ' || r == '-':
			b.WriteByte('-')
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		}
	}
	return b.String()
}

// TestGeneratorReproducesSample builds and vets the generator (go vet
// ./... skips testdata) and checks that regenerating the sample gives the
// committed files byte for byte, so the golden expectations cannot drift
// from the code that computes them.
func TestGeneratorReproducesSample(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the generator")
	}
	if out, err := exec.Command("go", "vet", "./testdata/gen").CombinedOutput(); err != nil {
		t.Fatalf("go vet ./testdata/gen: %v\n%s", err, out)
	}
	dir := t.TempDir()
	if out, err := exec.Command("go", "run", "./testdata/gen", "-out", dir).CombinedOutput(); err != nil {
		t.Fatalf("go run ./testdata/gen: %v\n%s", err, out)
	}
	made, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(made) < 10 {
		t.Fatalf("the generator wrote %d files", len(made))
	}
	for _, e := range made {
		got, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join("testdata/sample", e.Name()))
		if err != nil {
			t.Errorf("the generator writes %s, which is not committed in testdata/sample", e.Name())
			continue
		}
		if string(got) != string(want) {
			t.Errorf("testdata/sample/%s differs from what the generator writes: run `go run ./testdata/gen` and commit", e.Name())
		}
	}
}

// ledgerAPI is everything a caller of the ledger gets: build it, post
// payments with their attribution, seal it, ask it. Tuning (prefetching,
// booking on another goroutine, sizing the duplicate table) stays inside;
// a new entry point is a decision to write down here.
var ledgerAPI = []string{
	"New", "Post",
	"Ledger.Seal", "Ledger.Conflicted", "Ledger.Describe",
	"Ledger.Totals", "Ledger.Unattributed", "Ledger.Counts", "Ledger.DirectionCounts",
	"Ledger.NotPayments", "Ledger.Duplicates", "Ledger.Span", "Ledger.IncomeInMonth",
}

// TestLedgerAPIIsNarrow fails when the ledger grows an exported function
// that takes or returns a *Ledger, or an exported method on it, that is
// not in ledgerAPI.
func TestLedgerAPIIsNarrow(t *testing.T) {
	fset := token.NewFileSet()
	files, err := filepath.Glob("ledger/*.go")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, path := range files {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || !fn.Name.IsExported() {
				continue
			}
			if fn.Recv != nil {
				if recvName(fn.Recv.List[0].Type) == "Ledger" {
					got = append(got, "Ledger."+fn.Name.Name)
				}
				continue
			}
			if mentionsLedger(fn.Type) {
				got = append(got, fn.Name.Name)
			}
		}
	}
	slices.Sort(got)
	want := slices.Sorted(slices.Values(ledgerAPI))
	if !slices.Equal(got, want) {
		t.Errorf("the ledger's API is\n  %v\nwant\n  %v\n(keep tuning inside the package; update ledgerAPI for a deliberate change)", got, want)
	}
}

func recvName(e ast.Expr) string {
	if s, ok := e.(*ast.StarExpr); ok {
		e = s.X
	}
	if id, ok := e.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}

func mentionsLedger(ft *ast.FuncType) bool {
	found := false
	ast.Inspect(ft, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && id.Name == "Ledger" {
			found = true
		}
		return !found
	})
	return found
}
