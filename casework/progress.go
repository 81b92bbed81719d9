package casework

import (
	"fmt"
	"io"
	"path/filepath"
	"time"

	"github.com/crosscheck/crosscheck/termtext"
)

// progress prints, on a terminal, one line per input being read with the
// rows read so far and the rate; it rewrites the line in place and ends it
// when the input is done. A nil *progress prints nothing, so callers need
// no checks.
type progress struct {
	w       io.Writer
	name    string
	kind    string
	rows    int
	start   time.Time
	last    time.Time
	started bool
	now     func() time.Time
}

func newProgress(w io.Writer) *progress {
	if w == nil {
		return nil
	}
	return &progress{w: w, now: time.Now}
}

func (p *progress) begin(kind, path string) {
	if p == nil {
		return
	}
	p.kind, p.name, p.rows = kind, filepath.Base(path), 0
	p.start = p.now()
	p.last = p.start
	p.started = true
	p.print()
}

// row counts one row; it looks at the clock only every 4,096 rows so the
// count costs nothing measurable on a million rows.
func (p *progress) row() {
	if p == nil {
		return
	}
	p.rows++
	if p.rows&4095 != 0 {
		return
	}
	if now := p.now(); now.Sub(p.last) >= 200*time.Millisecond {
		p.last = now
		p.print()
	}
}

func (p *progress) end() {
	if p == nil || !p.started {
		return
	}
	p.print()
	fmt.Fprintln(p.w)
	p.started = false
}

func (p *progress) print() {
	elapsed := p.now().Sub(p.start).Seconds()
	rate := ""
	if elapsed > 0.05 {
		rate = fmt.Sprintf("  %s rows/s", thousands(int(float64(p.rows)/elapsed)))
	}
	fmt.Fprintf(p.w, "\r%-11s %-32.32s %12s rows%s\x1b[K", p.kind, termtext.Escape(p.name), thousands(p.rows), rate)
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
