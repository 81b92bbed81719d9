package termtext

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestEscape(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Rossi Mario", "Rossi Mario"},
		{"Città perché € 李", "Città perché € 李"},
		{`C:\casi\fascicolo`, `C:\casi\fascicolo`},
		{"VERDI\x1b[2J ANNA\x1b]0;pwned\a", `VERDI\x1b[2J ANNA\x1b]0;pwned\x07`},
		{"a\x00b\x7fc", `a\x00b\x7fc`},
		{"two\nlines\r\tand a tab", `two\x0alines\x0d\x09and a tab`},
		{"C1 \u009b2J", `C1 \u009b2J`},
		{"invoice \u202efdp.exe", `invoice \u202efdp.exe`},
		{"\u2066isolate\u2069 \u200e\u200f\u061c", `\u2066isolate\u2069 \u200e\u200f\u061c`},
		{"line\u2028sep", `line\u2028sep`},
		{"bad \xff\xfe utf8", `bad \xff\xfe utf8`},
	}
	for _, c := range cases {
		if got := Escape(c.in); got != c.want {
			t.Errorf("Escape(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if got := Escapef("%s: %d", "a\x1bb", 3); got != `a\x1bb: 3` {
		t.Errorf("Escapef: %q", got)
	}
}

// Nothing escaped can act on a terminal, and clean text is unchanged.
func FuzzEscape(f *testing.F) {
	for _, s := range []string{"VERDI\x1b[2J", "\u202e", "ok", "\xc2\x9b", "\t\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		e := Escape(s)
		if !utf8.ValidString(e) {
			t.Fatalf("%q -> %q is not UTF-8", s, e)
		}
		for _, r := range e {
			if r < 0x20 || r == 0x7f || unsafeRune(r) {
				t.Fatalf("%q -> %q keeps %U", s, e, r)
			}
		}
		if firstUnsafe(s) < 0 && e != s {
			t.Fatalf("clean %q changed to %q", s, e)
		}
		if firstUnsafe(s) >= 0 && !strings.Contains(e, `\`) {
			t.Fatalf("%q -> %q shows no escape", s, e)
		}
	})
}
