package casework

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func TestProgressLineShowsRowsAndRate(t *testing.T) {
	var buf bytes.Buffer
	p := newProgress(&buf)
	clock := time.Date(2020, 11, 6, 10, 0, 0, 0, time.UTC)
	p.now = func() time.Time { return clock }
	p.begin("payments", "/cases/storm/paypal_1.csv")
	for range 8192 {
		p.row()
	}
	clock = clock.Add(2 * time.Second)
	p.end()
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
	p.begin("payments", "x.csv")
	p.row()
	p.end() // must not panic
}

func TestThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 1234567: "1,234,567"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %q, want %q", n, got, want)
		}
	}
}
