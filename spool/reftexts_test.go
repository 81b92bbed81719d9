package spool

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// Records read back whole wherever they sit: in the buffer, in the file,
// across a flush, through the block cache, in any order.
func TestRefTextsReadBack(t *testing.T) {
	rt, err := NewRefTexts(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Close()
	rng := rand.New(rand.NewPCG(1, 2))
	var recs [][]byte
	var pos []uint32
	for i := 0; i < 60000; i++ {
		n := rng.IntN(80)
		if i%5000 == 0 {
			n = refTextsBlock + 100 // larger than a block
		}
		r := []byte(fmt.Sprintf("%d|%0*d", i, n, i))
		p, err := rt.Add(r)
		if err != nil {
			t.Fatal(err)
		}
		recs, pos = append(recs, r), append(pos, p)
		if i%997 == 0 { // read back while writing
			j := rng.IntN(len(recs))
			if got, err := rt.Get(pos[j], nil); err != nil || string(got) != string(recs[j]) {
				t.Fatalf("record %d while writing: %q, %v", j, got, err)
			}
		}
	}
	if rt.written == 0 {
		t.Fatal("nothing went to the file")
	}
	for _, j := range append(rng.Perm(len(recs)), 0, 1, len(recs)-1) {
		if got, err := rt.Get(pos[j], nil); err != nil || string(got) != string(recs[j]) {
			t.Fatalf("record %d: %q, %v", j, got, err)
		}
	}
	if err := rt.Close(); err != nil {
		t.Fatal(err)
	}
	if err := rt.Close(); err != nil {
		t.Fatal(err)
	}
}
