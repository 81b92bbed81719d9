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
	text := "a,b\n" + strings.Repeat("x", 200) + "\nc,d\n"
	s := newCSVSplitter(strings.NewReader(text), ',')
	if _, err := s.next(); err != nil {
		t.Fatalf("first record: %v", err)
	}
	if _, err := s.next(); err != errRecordTooLong {
		t.Fatalf("long record: got %v, want errRecordTooLong", err)
	}
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
