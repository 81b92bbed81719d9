package ingest

import (
	"encoding/csv"
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"
)

// csvRecord is one record with the lines where it and its last cell start.
type csvRecord struct {
	cells          []string
	line, lastLine int
}

// readStdCSV reads text as openCSV configured encoding/csv before
// csvSplitter replaced it.
func readStdCSV(text string, delim rune) ([]csvRecord, error) {
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = delim
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	var out []csvRecord
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		line, _ := r.FieldPos(0)
		last, _ := r.FieldPos(len(rec) - 1)
		out = append(out, csvRecord{cells: rec, line: line, lastLine: last})
	}
}

func readSplitter(text string, delim byte, share bool) ([]csvRecord, error) {
	s := newCSVSplitter(strings.NewReader(text), delim)
	s.share = share
	var out []csvRecord
	for {
		rec, err := s.next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, csvRecord{cells: append([]string(nil), rec...), line: s.recLine, lastLine: s.lastLine})
	}
}

// checkSameAsStd compares csvSplitter with encoding/csv over text, with
// blocks small enough that records cross them and with the default.
func checkSameAsStd(t *testing.T, text string, delim byte) {
	t.Helper()
	want, wantErr := readStdCSV(text, rune(delim))
	for _, block := range []int{1, 3, 16, 256 << 10} {
		old := csvBlockBytes
		csvBlockBytes = block
		got, err := readSplitter(text, delim, block%2 == 0)
		csvBlockBytes = old
		if (err != nil) != (wantErr != nil) {
			t.Fatalf("block %d, %q: error %v, encoding/csv %v", block, text, err, wantErr)
		}
		if len(got) == 0 && len(want) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("block %d, delimiter %q, text %q:\n got %v\nwant %v", block, delim, text, got, want)
		}
	}
}

func TestCSVSplitterMatchesEncodingCSV(t *testing.T) {
	cases := []struct {
		name, text string
		delim      byte
	}{
		{"plain", "a,b,c\n1,2,3\n", ','},
		{"no final newline", "a,b\n1,2", ','},
		{"crlf", "a;b\r\n1;2\r\n", ';'},
		{"bare cr inside", "a\rb,c\n", ','},
		{"cr before eof", "a,b\r", ','},
		{"empty lines", "\n\na,b\n\r\n\n1,2\n\n", ','},
		{"empty cells", ",,\n,\n", ','},
		{"quoted", "\"a,b\",c\n\"x\"\"y\",z\n", ','},
		{"quoted italian amounts", "02/01/2019,EUR,\"60,00\",\"-2,39\"\n", ','},
		{"multi-line quoted", "a,\"line1\nline2\r\nline3\",b\nnext,row\n", ','},
		{"bare quote lazy", "a\"b,c\n\"x\"y,z\n", ','},
		{"quote then text", "\"abc\"def,g\n", ','},
		{"unterminated quote", "a,\"bc\nd,e\n", ','},
		{"quote at eof", "a,\"", ','},
		{"quoted empty", "\"\",\"\"\n", ';'},
		{"tab", "a\tb\t\"c\td\"\n", '\t'},
		{"pipe", "a|b|c", '|'},
		{"only newlines", "\n\r\n\n", ','},
		{"utf8", "città,più\n\"perché\",ok\n", ','},
		{"quote ends line", "a,\"b\"\nc,d\n", ','},
		{"quoted delimiter at end", "\"a\",\n", ','},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkSameAsStd(t, c.text, c.delim) })
	}
}

func TestCSVSplitterRecordTooLong(t *testing.T) {
	old := maxRecordBytes
	maxRecordBytes = 64
	defer func() { maxRecordBytes = old }()
	long := strings.Repeat("x", 200)
	cases := []struct {
		name, text string
		rejected   []int // lines where a rejected record starts
	}{
		{"one long line", "a,b\n" + long + "\nc,d\n", []int{2}},
		{"long quoted cell over lines", "a,b\n\"" + long + "\n" + long + "\",z\nc,d\n", []int{2}},
		{"long after a quoted start", "a,b\n\"q\n" + long + "\n\",z\nc,d\n", []int{2}},
		{"quote inside a long cell", "a,b\n" + long + "\"x," + long + "\nc,d\n", []int{2}},
		{"doubled quotes", "a,b\n\"" + long + "\"\"\n\"\"" + long + "\",z\r\nc,d\n", []int{2}},
		{"two in a row", long + "\n" + long + "\nc,d", []int{1, 2}},
		{"at the end without newline", "a,b\n" + long, []int{2}},
		{"unterminated quote", "a,b\n\"" + long + "\nc,d\n", []int{2}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkLongRecords(t, c.text, ',', c.rejected) })
	}
}

// checkLongRecords reads text with csvSplitter: every record it returns
// must be encoding/csv's record at the same line, and every record it
// rejects as too long must start where one of encoding/csv's does and
// be longer than the limit; nothing else may be missing.
func checkLongRecords(t *testing.T, text string, delim byte, wantRejected []int) {
	t.Helper()
	want, err := readStdCSV(text, rune(delim))
	if err != nil {
		return
	}
	for _, block := range []int{1, 7, 256 << 10} {
		old := csvBlockBytes
		csvBlockBytes = block
		s := newCSVSplitter(strings.NewReader(text), delim)
		var got []csvRecord
		var rejected []int
		for {
			rec, err := s.next()
			if err == io.EOF {
				break
			}
			if err == errRecordTooLong {
				rejected = append(rejected, s.recLine)
				continue
			}
			if err != nil {
				t.Fatalf("block %d: %v", block, err)
			}
			got = append(got, csvRecord{cells: append([]string(nil), rec...), line: s.recLine, lastLine: s.lastLine})
		}
		csvBlockBytes = old
		byLine := map[int]csvRecord{}
		for _, r := range want {
			byLine[r.line] = r
		}
		for _, r := range got {
			if w, ok := byLine[r.line]; !ok || !reflect.DeepEqual(w, r) {
				t.Fatalf("block %d, %q: record %v, encoding/csv %v", block, text, r, w)
			}
			delete(byLine, r.line)
		}
		for _, l := range rejected {
			w, ok := byLine[l]
			if !ok {
				t.Fatalf("block %d, %q: rejected line %d starts no record of %v", block, text, l, want)
			}
			// The most raw bytes the cells could have taken: every
			// character a doubled quote, every cell quoted, a CRLF.
			size := 2
			for _, c := range w.cells {
				size += 2*len(c) + 3
			}
			if int64(size) <= maxRecordBytes {
				t.Fatalf("block %d, %q: rejected a record of %d bytes", block, text, size)
			}
			delete(byLine, l)
		}
		if len(byLine) > 0 {
			t.Fatalf("block %d, %q: records lost %v (got %v, rejected %v)", block, text, byLine, got, rejected)
		}
		if wantRejected != nil && !reflect.DeepEqual(rejected, wantRejected) {
			t.Fatalf("block %d: rejected lines %v, want %v", block, rejected, wantRejected)
		}
	}
}

func FuzzCSVSplitterLongRecords(f *testing.F) {
	f.Add("a,b\nxxxxxxxxxxxxxxxxxxxx\nc,d\n", byte(0), uint8(8))
	f.Add("a;\"xx\nxxxxxxx\"\"xxxxx\";b\r\nc;d", byte(1), uint8(6))
	f.Add("\"a\"b\"\n\"\"\"\n\n\"zz\tzzzzzzzz\"\tq\n", byte(2), uint8(4))
	f.Fuzz(func(t *testing.T, text string, d byte, limit uint8) {
		old := maxRecordBytes
		maxRecordBytes = int64(limit%64) + 2
		defer func() { maxRecordBytes = old }()
		checkLongRecords(t, text, []byte{',', ';', '\t', '|'}[d%4], nil)
	})
}

func BenchmarkCSVSplitter(b *testing.B) {
	var sb strings.Builder
	for i := 0; i < 10000; i++ {
		fmt.Fprintf(&sb, "02/01/2019,Cliente %d,Pagamento ricevuto,Completato,EUR,20.00,-1.03,18.97,c%d@example.org,shop@example.com,REF%09d\n", i, i, i)
	}
	text := sb.String()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		s := newCSVSplitter(strings.NewReader(text), ',')
		s.share = true
		for {
			if _, err := s.next(); err != nil {
				break
			}
		}
	}
	b.ReportMetric(10000*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

func FuzzCSVSplitter(f *testing.F) {
	f.Add("a,b,c\n1,2,3\n", byte(0))
	f.Add("\"a\nb\",\"c\"\"d\"\r\n\n\"e\"f,g", byte(0))
	f.Add("x;\"y;z\";\"\"\r\n;;\r", byte(1))
	f.Add("\"\t\"\t\"a\"b\"\n", byte(2))
	f.Fuzz(func(t *testing.T, text string, d byte) {
		delim := []byte{',', ';', '\t', '|'}[d%4]
		checkSameAsStd(t, text, delim)
	})
}
