package ledger

import (
	"errors"
	"strings"
	"testing"
)

// collideAll makes every reference's fingerprint the same for one test:
// the texts alone can then tell references apart.
func collideAll(t *testing.T) {
	t.Helper()
	old := refHash
	refHash = func(_, ref string) (uint64, bool) { return 42, strings.TrimSpace(ref) != "" }
	t.Cleanup(func() { refHash = old })
}

// A fingerprint finds candidates; the texts decide.
func TestFingerprintCollisionsAreDecidedByText(t *testing.T) {
	collideAll(t)
	for _, store := range []string{"memory", "injected"} {
		t.Run(store, func(t *testing.T) {
			dd := newDeduper()
			if store == "injected" {
				dd.useTexts(&countingTexts{})
			}
			rows := []struct {
				ref, amount, cur string
				want             EntryStatus
				first            int // row of the first of its reference, for duplicates and conflicts
			}{
				{"A1", "10", "EUR", EntryOK, 0},
				{"B2", "10", "EUR", EntryOK, 0},             // same fingerprint, another text
				{" a1 ", "10.00", "EUR", EntryDuplicate, 2}, // the same reference, folded
				{"B2", "10", "EUR", EntryDuplicate, 3},
				{"b2", "11", "EUR", EntryConflict, 3},
				{"A1", "10", "USD", EntryOK, 0}, // another currency
				{"C3", "10", "EUR", EntryOK, 0},
				{"c3", "10", "EUR", EntryDuplicate, 8},
			}
			for i, r := range rows {
				p := pay("a.csv", i+2, "2020-01-01", r.amount, r.cur)
				p.Reference = r.ref
				got, first := dd.Check(&p)
				if got != r.want || (got != EntryOK && first.Row != r.first) {
					t.Errorf("row %d %q %s %s: %s (first row %d), want %s (first row %d)", i+2, r.ref, r.amount, r.cur, got, first.Row, r.want, r.first)
				}
			}
			if dd.Len() != 4 {
				t.Errorf("Len %d, want 4 references", dd.Len())
			}
			check := func(ref string, want bool) {
				p := pay("a.csv", 99, "2020-01-01", "1", "EUR")
				p.Reference = ref
				if got := dd.isConflicted(&p); got != want {
					t.Errorf("Conflicted(%q) = %v, want %v (sealed %v)", ref, got, want, dd.sealed)
				}
			}
			for range 2 {
				check("B2", true)
				check("A1", false)
				check("C3", false)
				check("Z9", false)
				dd.seal()
			}
			if dd.Err() != nil {
				t.Error(dd.Err())
			}
		})
	}
}

// Without its text, a fingerprint hit decides nothing: the row is kept
// and the error reported.
func TestUnreadableTextKeepsTheRow(t *testing.T) {
	collideAll(t)
	dd := newDeduper()
	ct := &countingTexts{failGet: true}
	dd.useTexts(ct)
	a := pay("a.csv", 2, "2020-01-01", "10", "EUR")
	b := pay("a.csv", 3, "2020-01-01", "10", "EUR")
	a.Reference, b.Reference = "A1", "A1"
	dd.Check(&a)
	if got, _ := dd.Check(&b); got != EntryOK || !errors.Is(dd.Err(), errGetFailed) {
		t.Errorf("status %s, error %v", got, dd.Err())
	}
}

var errGetFailed = errors.New("get failed")

// countingTexts is RefTexts over MemRefTexts that can fail.
type countingTexts struct {
	MemRefTexts
	adds, gets int
	failGet    bool
}

func (c *countingTexts) Add(rec []byte) (uint32, error) { c.adds++; return c.MemRefTexts.Add(rec) }
func (c *countingTexts) Get(pos uint32, buf []byte) ([]byte, error) {
	c.gets++
	if c.failGet {
		return nil, errGetFailed
	}
	return c.MemRefTexts.Get(pos, buf)
}

func TestSameReference(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"abc", "ABC", true}, {"K1", "\u212a1", true}, {"ß", "ẞ", true}, {"\xff", "\xfe", false}, {"\xff", "\xff", true},
		{"ab", "abc", false}, {"", "", true}, {"a\xffb", "A\xffB", true},
	} {
		if got := sameReference(c.a, c.b); got != c.want {
			t.Errorf("sameReference(%q, %q) = %v", c.a, c.b, got)
		}
		if ka, _ := referenceKey("EUR", c.a); c.want && c.a != "" {
			if kb, _ := referenceKey("EUR", c.b); ka != kb {
				t.Errorf("%q and %q are the same reference but fingerprint apart", c.a, c.b)
			}
		}
	}
}

func TestMemRefTexts(t *testing.T) {
	var m MemRefTexts
	var pos []uint32
	recs := [][]byte{[]byte("x"), []byte(strings.Repeat("y", memChunkSize+10)), {}, []byte("z")}
	for i := 0; i < 3000; i++ {
		recs = append(recs, []byte(strings.Repeat("r", i%700)))
	}
	for _, r := range recs {
		p, err := m.Add(r)
		if err != nil {
			t.Fatal(err)
		}
		pos = append(pos, p)
	}
	for i, p := range pos {
		got, err := m.Get(p, nil)
		if err != nil || string(got) != string(recs[i]) {
			t.Fatalf("record %d: %d bytes, %v", i, len(got), err)
		}
	}
}
