package ingest

import (
	"testing"
)

// controlScanByByte is the byte-by-byte scan the word-at-a-time one must
// agree with.
func controlScanByByte(chunks [][]byte) (c0, c1 bool) {
	var s controlScan
	for _, b := range chunks {
		s.scanBytes(b, 0, len(b))
		if len(b) > 0 && b[len(b)-1] != 0xC2 {
			s.lastC2 = false
		}
	}
	return s.c0, s.c1
}

func scanChunks(data []byte, cut int) [][]byte {
	if cut <= 0 || cut >= len(data) {
		return [][]byte{data}
	}
	return [][]byte{data[:cut], data[cut:]}
}

func TestControlScanWords(t *testing.T) {
	for _, tt := range []struct {
		in     string
		c0, c1 bool
	}{
		{"2020-04-16;ROSSI MARIO;12,50;EUR\r\n\tabc", false, false},
		{"2020-04-16;ROSSI MARIO;12,50;EUR\x1b[2J;x", true, false},
		{"abcdefgh\x7fijklmnop", true, false},
		{"abcdefghijklmno\x00", true, false},
		{"abcdefghijklmn\xc2\x85", false, true},
		{"abcdefgh\xc3\xa0 città", false, false},
		{"\x1f", true, false},
		{"1234567\xc2", false, false},
	} {
		var s controlScan
		s.scan([]byte(tt.in))
		if s.c0 != tt.c0 || s.c1 != tt.c1 {
			t.Errorf("%q: c0 %v c1 %v, want %v %v", tt.in, s.c0, s.c1, tt.c0, tt.c1)
		}
	}
}

// FuzzControlScan: reading eight bytes at a time finds exactly what the
// byte-by-byte scan finds, whatever the bytes and wherever a read cuts them.
func FuzzControlScan(f *testing.F) {
	for _, s := range []string{"", "abc;def\r\n", "abcdefgh\x1b", "abcdefg\xc2\x80", "\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f", "ABCDEFGHIJKLMNOPQRSTUVWXYZ\xc2"} {
		f.Add([]byte(s), 7)
	}
	f.Fuzz(func(t *testing.T, data []byte, cut int) {
		chunks := scanChunks(data, cut)
		var s controlScan
		for _, b := range chunks {
			s.scan(b)
		}
		c0, c1 := controlScanByByte(chunks)
		if s.c0 != c0 || s.c1 != c1 {
			t.Fatalf("%q cut at %d: c0 %v c1 %v, byte by byte %v %v", data, cut, s.c0, s.c1, c0, c1)
		}
	})
}
