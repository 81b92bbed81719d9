package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/crosscheck/crosscheck/ledger"
)

func writePaymentsFile(t *testing.T, rows int) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("date;amount;currency;payee_account;reference\n")
	for i := range rows {
		fmt.Fprintf(&b, "%02d/03/2020;%d,50;EUR;IT60X0542811101000000123456;TRN%07d\n", 1+i%28, i%900, i)
	}
	p := filepath.Join(t.TempDir(), "payments.csv")
	if err := os.WriteFile(p, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// setReadHook installs readHook for one test, running act once, when the
// parse has read its first bytes.
func setReadHook(t *testing.T, act func(path string)) {
	t.Helper()
	var once sync.Once
	readHook = func(path string, n int64) { once.Do(func() { act(path) }) }
	t.Cleanup(func() { readHook = nil })
}

func fileSHA(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// A file that changes while it is parsed is an error naming it, however
// it changes, with or without the check made ahead.
func TestInputChangedDuringTheRead(t *testing.T) {
	cases := []struct {
		name string
		act  func(t *testing.T, path string)
		want string
	}{
		{"truncated", func(t *testing.T, p string) {
			if err := os.Truncate(p, 4000); err != nil {
				t.Fatal(err)
			}
		}, "bytes were checked"},
		{"rewritten in place, same size and time", func(t *testing.T, p string) {
			st, _ := os.Stat(p)
			fh, err := os.OpenFile(p, os.O_WRONLY, 0)
			if err != nil {
				t.Fatal(err)
			}
			fh.WriteAt([]byte("9"), st.Size()-20)
			fh.Close()
			os.Chtimes(p, st.ModTime(), st.ModTime())
		}, "content changed"},
		{"touched", func(t *testing.T, p string) {
			later := time.Now().Add(time.Hour)
			os.Chtimes(p, later, later)
		}, "modification time changed"},
		{"replaced", func(t *testing.T, p string) {
			b, _ := os.ReadFile(p)
			tmp := p + ".new"
			os.WriteFile(tmp, b, 0o600)
			if err := os.Rename(tmp, p); err != nil {
				t.Fatal(err)
			}
		}, "another file was put in its place"},
		{"removed", func(t *testing.T, p string) { os.Remove(p) }, "removed or renamed"},
	}
	for _, tc := range cases {
		for _, ahead := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/ahead=%v", tc.name, ahead), func(t *testing.T) {
				p := writePaymentsFile(t, 20000)
				var a *Ahead
				if ahead {
					a = CheckAhead([]string{p})
					defer a.Close()
				}
				setReadHook(t, func(path string) { tc.act(t, path) })
				n := 0
				_, err := ReadPayments(Input{Path: p}, Options{Ahead: a}, func(*ledger.Payment) error { n++; return nil })
				if !errors.Is(err, ErrInputChanged) || !strings.Contains(err.Error(), p) || !strings.Contains(err.Error(), tc.want) {
					t.Fatalf("after %d rows: error %v, want ErrInputChanged naming %s (%s)", n, err, p, tc.want)
				}
			})
		}
	}
}

// The SHA-256 recorded is that of the bytes parsed, whatever the encoding.
func TestRecordedHashIsOfTheBytesParsed(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{
		"plain.csv": []byte("date;amount;currency;reference\n01/02/2020;10,00;EUR;A1\n"),
		"bom.csv":   []byte("\xEF\xBB\xBFdate;amount;currency;reference\n01/02/2020;10,00;EUR;A1\n"),
		"utf16.txt": encodeUTF16LE("date\tamount\tcurrency\treference\r\n01/02/2020\t10,00\tEUR\tA1\r\n"),
	}
	for name, data := range files {
		p := filepath.Join(dir, name)
		os.WriteFile(p, data, 0o600)
		a := CheckAhead([]string{p})
		c := collected[ledger.Payment]{}
		c.sources, c.err = ReadPayments(Input{Path: p}, Options{Ahead: a}, func(p *ledger.Payment) error { c.rows = append(c.rows, *p); return nil })
		if c.err != nil || len(c.rows) != 1 || len(c.sources) != 1 {
			t.Fatalf("%s: %d rows, %v", name, len(c.rows), c.err)
		}
		if got, want := c.sources[0].SHA256, fileSHA(t, p); got != want {
			t.Errorf("%s: recorded %s, file %s", name, got, want)
		}
		if err := a.Verify(); err != nil {
			t.Errorf("%s: Verify of an unchanged file: %v", name, err)
		}
		// Changed after it was read, before the run ends.
		os.WriteFile(p, append(data, data...), 0o600)
		if err := a.Verify(); !errors.Is(err, ErrInputChanged) {
			t.Errorf("%s: Verify after a change: %v", name, err)
		}
		a.Close()
	}
}

// A check made ahead whose file is never parsed leaves nothing open.
func TestAheadCloseBeforeTheChecksEnd(t *testing.T) {
	var paths []string
	for range 5 {
		paths = append(paths, writePaymentsFile(t, 2000))
	}
	a := CheckAhead(paths)
	a.Close()
	for _, p := range paths {
		s := a.slots[p]
		<-s.done
		if s.fh != nil {
			t.Errorf("%s left open", p)
		}
	}
}

// utf16LE encodes s as Excel's "Unicode text" does: UTF-16LE with a BOM.
func encodeUTF16LE(s string) []byte {
	out := []byte{0xFF, 0xFE}
	for _, r := range utf16.Encode([]rune(s)) {
		out = append(out, byte(r), byte(r>>8))
	}
	return out
}

// A workbook is hashed when opened and again after its rows are read.
func TestWorkbookChangedWhileRead(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "paypal.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		act  func(p string)
	}{
		{"none", func(string) {}},
		{"same size and time", func(p string) {
			st, _ := os.Stat(p)
			fh, _ := os.OpenFile(p, os.O_WRONLY, 0)
			fh.WriteAt([]byte{src[len(src)-30] ^ 1}, int64(len(src)-30))
			fh.Close()
			os.Chtimes(p, st.ModTime(), st.ModTime())
		}},
		{"appended", func(p string) {
			fh, _ := os.OpenFile(p, os.O_WRONLY|os.O_APPEND, 0)
			fh.Write([]byte("x"))
			fh.Close()
		}},
	} {
		p := filepath.Join(t.TempDir(), "paypal.xlsx")
		os.WriteFile(p, src, 0o600)
		wb, err := openWorkbook(p)
		if err != nil {
			t.Fatal(err)
		}
		tc.act(p)
		err = wb.verify()
		wb.Close()
		if (tc.name == "none") != (err == nil) || (err != nil && !errors.Is(err, ErrInputChanged)) {
			t.Errorf("%s: verify: %v", tc.name, err)
		}
	}
}
