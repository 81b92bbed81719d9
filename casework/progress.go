package casework

import (
	"fmt"
	"io"
	"path/filepath"
	"sync"
	"time"

	"github.com/crosscheck/crosscheck/termtext"
)

// progress prints, on a terminal, one line per input being read with the
// rows read so far and the rate; it rewrites the line in place and ends it
// when the input is done. Inputs read at the same time (the run reads the
// rates and the benefit lists beside the others) each keep their own count
// and share the line: whichever printed last shows, and each input's
// final line stays. A nil *progress prints nothing, so callers need no
// checks.
type progress struct {
	mu  sync.Mutex // the writer and the line on the terminal
	w   io.Writer
	now func() time.Time
}

func newProgress(w io.Writer) *progress {
	if w == nil {
		return nil
	}
	return &progress{w: w, now: time.Now}
}

// reading is one input's part of the progress line, used by the
// goroutine reading it. A nil *reading prints nothing.
type reading struct {
	p     *progress
	name  string
	kind  string
	rows  int
	start time.Time
	last  time.Time
}

func (p *progress) begin(kind, path string) *reading {
	if p == nil {
		return nil
	}
	rd := &reading{p: p, kind: kind, name: filepath.Base(path), start: p.now()}
	rd.last = rd.start
	rd.print(false)
	return rd
}

// row counts one row; it looks at the clock only every 4,096 rows so the
// count costs nothing measurable on a million rows.
func (rd *reading) row() {
	if rd == nil {
		return
	}
	rd.rows++
	if rd.rows&4095 != 0 {
		return
	}
	if now := rd.p.now(); now.Sub(rd.last) >= 200*time.Millisecond {
		rd.last = now
		rd.print(false)
	}
}

// end prints the input's final count and ends its line.
func (rd *reading) end() {
	if rd == nil {
		return
	}
	rd.print(true)
}

func (rd *reading) print(done bool) {
	rd.p.mu.Lock()
	defer rd.p.mu.Unlock()
	elapsed := rd.p.now().Sub(rd.start).Seconds()
	rate := ""
	if elapsed > 0.05 {
		rate = fmt.Sprintf("  %s rows/s", thousands(int(float64(rd.rows)/elapsed)))
	}
	fmt.Fprintf(rd.p.w, "\r%-11s %-32.32s %12s rows%s\x1b[K", rd.kind, termtext.Escape(rd.name), thousands(rd.rows), rate)
	if done {
		fmt.Fprintln(rd.p.w)
	}
}

// thousands writes 1234567 as 1,234,567.
func thousands(n int) string {
	s := fmt.Sprint(n)
	out := make([]byte, 0, len(s)+len(s)/3)
	for i := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	return string(out)
}
