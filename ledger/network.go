package ledger

import (
	"sort"
)

// Network fills NetworkIncomeEUR (own income plus that of everyone below
// through Suspect.Upline links, each counted once) and Downline (sorted
// ids) of every suspect in place, and returns every upline cycle once, as
// the ids in the loop rotated to start at the smallest id, sorted. Each
// suspect has at most one upline, so the links form a functional graph:
// walking up from any suspect either ends at a root or enters exactly one
// cycle, and a walk stops at the first suspect it has already visited.
// Upline values naming no known suspect (by id, else tax code) are
// ignored here: the caller reports them.
func Network(totals []SuspectTotals) []Cycle {
	parent := uplines(totals)
	cycles := findCycles(totals, parent)

	down := make([][]int, len(totals))
	stamp := make([]int, len(totals))
	for i := range stamp {
		stamp[i] = -1
	}
	for v := range totals {
		stamp[v] = v
		for u := parent[v]; u >= 0 && stamp[u] != v; u = parent[u] {
			stamp[u] = v
			down[u] = append(down[u], v)
		}
	}
	for i := range totals {
		t := &totals[i]
		net := t.IncomeEUR
		ids := make([]string, 0, len(down[i]))
		for _, d := range down[i] {
			net = net.Add(totals[d].IncomeEUR)
			ids = append(ids, totals[d].Suspect.ID)
		}
		sort.Strings(ids)
		t.NetworkIncomeEUR = net
		if len(ids) == 0 {
			ids = nil
		}
		t.Downline = ids
	}
	return cycles
}

// uplines returns, per suspect, the position of its upline or -1.
func uplines(totals []SuspectTotals) []int {
	byID := make(map[string]int, len(totals))
	for i, t := range totals {
		if _, dup := byID[t.Suspect.ID]; t.Suspect.ID != "" && !dup {
			byID[t.Suspect.ID] = i
		}
	}
	for i, t := range totals {
		if _, dup := byID[t.Suspect.TaxCode]; t.Suspect.TaxCode != "" && !dup {
			byID[t.Suspect.TaxCode] = i
		}
	}
	parent := make([]int, len(totals))
	for i, t := range totals {
		parent[i] = -1
		if t.Suspect.Upline == "" {
			continue
		}
		if p, ok := byID[t.Suspect.Upline]; ok {
			parent[i] = p
		}
	}
	return parent
}

// findCycles colours each walk up from a suspect with the walk's number;
// meeting the current colour again closes a new cycle, meeting an older
// colour means the rest of the path was already explored.
func findCycles(totals []SuspectTotals, parent []int) []Cycle {
	colour := make([]int, len(totals))
	var cycles []Cycle
	for start := range totals {
		if colour[start] != 0 {
			continue
		}
		walk := start + 1
		v := start
		for v >= 0 && colour[v] == 0 {
			colour[v] = walk
			v = parent[v]
		}
		if v < 0 || colour[v] != walk {
			continue
		}
		var ids []string
		u := v
		for {
			ids = append(ids, totals[u].Suspect.ID)
			u = parent[u]
			if u == v {
				break
			}
		}
		cycles = append(cycles, rotateToSmallest(ids))
	}
	sort.Slice(cycles, func(i, j int) bool { return cycles[i][0] < cycles[j][0] })
	return cycles
}

// rotateToSmallest rotates a loop so that it starts at its smallest id,
// keeping the upline order.
func rotateToSmallest(ids []string) Cycle {
	m := 0
	for i, id := range ids {
		if id < ids[m] {
			m = i
		}
	}
	out := make(Cycle, 0, len(ids))
	out = append(out, ids[m:]...)
	return append(out, ids[:m]...)
}
