package ledger

// hashTab maps 64-bit fingerprints to small values. It replaces a Go map
// on the hot path of a million payments: one probe finds or inserts (a
// map needs a lookup and an assignment), a slot is the key and the value
// with no control bytes, and the table is cut into shards that grow one
// at a time, so a growth copies 1/256 of the table, never all of it at
// once (no doubling of the peak memory at the end of a long run).
//
// Keys are fingerprints, already well spread; they are multiplied by a
// constant once more because FNV's low bits vary less than its high ones.
type hashTab[V any] struct {
	shards [hashShards]hashShard[V]
	n      int
	// Key 0 marks an empty slot, so the key 0 itself lives here.
	hasZero bool
	zero    V
}

const (
	hashShardBits = 8
	hashShards    = 1 << hashShardBits
	// hashMinSlots is a shard's first size.
	hashMinSlots = 8
)

type hashShard[V any] struct {
	slots []hashSlot[V]
	n     int
	// shift turns a mixed key into a slot index: its top bits after the
	// shard's.
	shift uint8
}

// hashSlot puts the value first: a zero-size value (a set) last would be
// padded to a word.
type hashSlot[V any] struct {
	val V
	key uint64
}

func mixKey(k uint64) uint64 { return k * 0x9E3779B97F4A7C15 }

// len returns the number of keys.
func (t *hashTab[V]) len() int { return t.n }

// find returns key's value, or nil.
func (t *hashTab[V]) find(key uint64) *V {
	if key == 0 {
		if t.hasZero {
			return &t.zero
		}
		return nil
	}
	m := mixKey(key)
	s := &t.shards[m>>(64-hashShardBits)]
	if s.n == 0 {
		return nil
	}
	mask := uint64(len(s.slots) - 1)
	for i := (m << hashShardBits) >> s.shift; ; i = (i + 1) & mask {
		sl := &s.slots[i]
		if sl.key == key {
			return &sl.val
		}
		if sl.key == 0 {
			return nil
		}
	}
}

// touch loads the slot where key's probe starts, to bring it into the
// cache ahead of insert; it returns the slot's key so the load is used.
func (t *hashTab[V]) touch(key uint64) uint64 {
	m := mixKey(key)
	s := &t.shards[m>>(64-hashShardBits)]
	if len(s.slots) == 0 {
		return 0
	}
	return s.slots[(m<<hashShardBits)>>s.shift].key
}

// insert returns key's value, adding a zero value when key is new
// (added reports that).
func (t *hashTab[V]) insert(key uint64) (v *V, added bool) {
	if key == 0 {
		added = !t.hasZero
		if added {
			t.hasZero = true
			t.n++
		}
		return &t.zero, added
	}
	m := mixKey(key)
	s := &t.shards[m>>(64-hashShardBits)]
	// Grow at 3/4 full: linear probing stays short below that.
	if 4*(s.n+1) > 3*len(s.slots) {
		s.grow()
	}
	mask := uint64(len(s.slots) - 1)
	for i := (m << hashShardBits) >> s.shift; ; i = (i + 1) & mask {
		sl := &s.slots[i]
		if sl.key == key {
			return &sl.val, false
		}
		if sl.key == 0 {
			sl.key = key
			s.n++
			t.n++
			return &sl.val, true
		}
	}
}

// release drops every slot; the table must not be used after it (its
// length is kept).
func (t *hashTab[V]) release() {
	for i := range t.shards {
		t.shards[i] = hashShard[V]{}
	}
}

// reserve sizes the shards for n keys in all, so that a table whose
// size is known ahead does not grow (and leave its old slots as garbage)
// on the way there.
func (t *hashTab[V]) reserve(n int) {
	per := (n + hashShards - 1) / hashShards
	size := hashMinSlots
	for 4*per > 3*size {
		size *= 2
	}
	for i := range t.shards {
		if s := &t.shards[i]; len(s.slots) < size {
			s.resize(size)
		}
	}
}

// grow doubles a shard's slots and puts every key back.
func (s *hashShard[V]) grow() {
	size := 2 * len(s.slots)
	if size == 0 {
		size = hashMinSlots
	}
	s.resize(size)
}

// resize moves a shard's keys into size slots (a power of two).
func (s *hashShard[V]) resize(size int) {
	old := s.slots
	s.slots = make([]hashSlot[V], size)
	bits := uint8(0)
	for 1<<bits < size {
		bits++
	}
	s.shift = 64 - bits
	mask := uint64(size - 1)
	for _, sl := range old {
		if sl.key == 0 {
			continue
		}
		i := (mixKey(sl.key) << hashShardBits) >> s.shift
		for s.slots[i].key != 0 {
			i = (i + 1) & mask
		}
		s.slots[i] = sl
	}
}
