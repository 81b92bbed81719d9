package ledger

import (
	"math/rand/v2"
	"testing"
)

// TestHashTab checks the table against a Go map over random keys, key 0
// and keys that share a shard and a slot, across several growths.
func TestHashTab(t *testing.T) {
	tests := []struct {
		name string
		keys func(i int) uint64
		n    int
	}{
		{"random", func(int) uint64 { return rand.Uint64() }, 50_000},
		{"small ints", func(i int) uint64 { return uint64(i) }, 20_000},
		{"few repeated", func(i int) uint64 { return uint64(i % 37) }, 1_000},
		{"high bits only", func(i int) uint64 { return uint64(i) << 40 }, 5_000},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var tab hashTab[int]
			want := map[uint64]int{}
			for i := range tc.n {
				k := tc.keys(i)
				v, added := tab.insert(k)
				_, had := want[k]
				if added == had {
					t.Fatalf("insert %d: added = %v, map had it = %v", k, added, had)
				}
				*v += i
				want[k] += i
			}
			if tab.len() != len(want) {
				t.Fatalf("len = %d, want %d", tab.len(), len(want))
			}
			for k, w := range want {
				if v := tab.find(k); v == nil || *v != w {
					t.Fatalf("find %d = %v, want %d", k, v, w)
				}
			}
			for k := uint64(1); k < 1000; k++ {
				k := k * 0x1234567
				if _, ok := want[k]; !ok && tab.find(k) != nil {
					t.Fatalf("find %d: found a key never inserted", k)
				}
			}
		})
	}
}

func TestHashTabReserveKeepsKeys(t *testing.T) {
	var tab hashTab[int]
	for k := uint64(1); k <= 1000; k++ {
		v, _ := tab.insert(k * 7919)
		*v = int(k)
	}
	before := len(tab.shards[0].slots)
	tab.reserve(100_000)
	if len(tab.shards[0].slots) <= before {
		t.Fatalf("reserve did not grow the shards: %d slots", len(tab.shards[0].slots))
	}
	for k := uint64(1); k <= 1000; k++ {
		if v := tab.find(k * 7919); v == nil || *v != int(k) {
			t.Fatalf("key %d lost after reserve", k)
		}
	}
	if tab.len() != 1000 {
		t.Fatalf("len %d", tab.len())
	}
	slots := len(tab.shards[0].slots)
	for k := uint64(1001); k <= 100_000; k++ {
		tab.insert(k * 7919)
	}
	if len(tab.shards[0].slots) != slots {
		t.Errorf("the table grew from %d to %d slots within its reservation", slots, len(tab.shards[0].slots))
	}
}
