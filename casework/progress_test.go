package casework

import (
	"bytes"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/casefile"
	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/reports"
)

func TestProgressLineShowsRowsAndRate(t *testing.T) {
	var buf bytes.Buffer
	p := newProgress(&buf)
	clock := time.Date(2020, 11, 6, 10, 0, 0, 0, time.UTC)
	p.now = func() time.Time { return clock }
	rd := p.begin("payments", "/cases/storm/paypal_1.csv")
	for range 8192 {
		rd.row()
	}
	clock = clock.Add(2 * time.Second)
	rd.end()
	out := buf.String()
	for _, want := range []string{"payments", "paypal_1.csv", "8,192 rows", "4,096 rows/s"} {
		if !strings.Contains(out, want) {
			t.Errorf("progress output %q lacks %q", out, want)
		}
	}
	if !strings.HasSuffix(out, "\n") {
		t.Errorf("progress does not end its line: %q", out)
	}
}

func TestNoProgressWhenNotATerminal(t *testing.T) {
	var p *progress = newProgress(nil)
	rd := p.begin("payments", "x.csv")
	rd.row()
	rd.end()
	if rd != nil {
		t.Errorf("a nil progress gave a reading")
	}
}

func TestThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 1234567: "1,234,567"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %q, want %q", n, got, want)
		}
	}
}

// terminal stands in for stderr on a terminal: it takes the progress
// line, and the run must read through it the same way as without.
type terminal struct{ bytes.Buffer }

// With a progress line the run takes the same path as without one (the
// rates and the benefit lists read beside the rest): the JSON and the
// workbook are the same bytes, and every input read has its final line.
func TestProgressPathGivesTheSameReport(t *testing.T) {
	c, err := casefile.Load(filepath.Join(sampleDir, "case.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var outs [2][2][]byte
	term := new(terminal)
	for i, w := range []io.Writer{nil, term} {
		res := runSample(t, c, Options{Version: "test", Progress: w})
		var js, wb bytes.Buffer
		if err := reports.WriteJSON(&js, res.Report); err != nil {
			t.Fatal(err)
		}
		if err := reports.WriteWorkbookTo(&wb, res.Report); err != nil {
			t.Fatal(err)
		}
		if err := res.Err(); err != nil {
			t.Fatal(err)
		}
		outs[i] = [2][]byte{js.Bytes(), wb.Bytes()}
	}
	if !bytes.Equal(outs[0][0], outs[1][0]) {
		t.Errorf("the JSON differs with a progress line")
	}
	if !bytes.Equal(outs[0][1], outs[1][1]) {
		t.Errorf("the workbook differs with a progress line")
	}

	// One final line per input, in any order (inputs are read side by
	// side): kind, file name and the rows it read.
	lines := strings.Split(strings.TrimSuffix(term.String(), "\n"), "\n")
	var finals []string
	for _, l := range lines {
		if !strings.HasSuffix(l, "\x1b[K") {
			t.Errorf("progress line %q does not clear the rest of the line", l)
		}
		parts := strings.Split(l, "\r")
		finals = append(finals, strings.Join(strings.Fields(parts[len(parts)-1])[:2], " "))
	}
	var want []string
	for _, kind := range ledger.Kinds {
		for _, in := range c.Inputs[kind] {
			want = append(want, string(kind)+" "+filepath.Base(in.Path))
		}
	}
	slices.Sort(finals)
	slices.Sort(want)
	if !slices.Equal(finals, want) {
		t.Errorf("final progress lines for\n%q\nwant one per input:\n%q", finals, want)
	}
	if !strings.Contains(term.String(), " rows") {
		t.Errorf("no row counts on the progress line: %q", term.String())
	}
}
