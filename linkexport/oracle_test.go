package linkexport

import (
	"cmp"
	"fmt"
	"github.com/crosscheck/crosscheck/result"
	"slices"
	"strings"

	"github.com/crosscheck/crosscheck/match/ident"
)

type pairKey struct{ from, to, suspect string }

// buildOracle is Build as it was before the payment edges were sorted
// on disk: every node and edge in maps and slices. The tests check that
// Build writes the same graph.
func buildOracle(r *result.Report) (*Graph, error) {
	g := &Graph{Case: r.Params.Case, ReportDate: r.Params.ReportDate}
	nodes := map[string]*Node{}
	add := func(n Node) *Node {
		if old, ok := nodes[n.ID]; ok {
			return old
		}
		p := &n
		nodes[n.ID] = p
		return p
	}
	holds := map[[2]string]bool{} // account id, suspect id
	var edges []Edge
	flags := map[string]int{}
	for _, f := range r.Flags {
		flags[f.Suspect]++
	}
	var order []string
	for _, t := range r.Suspects {
		s := t.Suspect
		order = append(order, SuspectID(s.ID))
		add(Node{
			ID: SuspectID(s.ID), Kind: NodeSuspect, Label: SuspectLabel(s), Figures: &Figures{Suspect: s.ID,
				TaxCode: s.TaxCode, Role: s.Role, Country: s.Country,
				IncomeEUR: t.IncomeEUR, NetworkIncomeEUR: t.NetworkIncomeEUR, SeizedEUR: t.SeizedEUR,
				Payments: t.Payments, Flags: flags[s.ID]},
		})
		for _, id := range s.Identifiers {
			key := ident.Key(id.Value)
			if key == "" {
				continue
			}
			n := add(Node{ID: AccountID(key), Kind: NodeAccount, Label: key, IdentKind: string(id.Kind), Value: key})
			if holds[[2]string{n.ID, s.ID}] {
				continue
			}
			holds[[2]string{n.ID, s.ID}] = true
			n.Holders++
			edges = append(edges, Edge{Kind: EdgeHolds, From: SuspectID(s.ID), To: n.ID, Suspect: s.ID, Label: string(id.Kind)})
		}
		if s.Upline != "" && s.Upline != s.ID {
			edges = append(edges, Edge{Kind: EdgeUpline, From: SuspectID(s.ID), To: SuspectID(s.Upline), Suspect: s.ID})
		}
	}
	// An upline naming nobody known stays out: it is not a suspect.
	edges = slices.DeleteFunc(edges, func(e Edge) bool { return e.Kind == EdgeUpline && nodes[e.To] == nil })
	edges = append(edges, householdEdges(r)...)

	// Payment edges are aggregated in place: the map holds the index of
	// each payer-account pair's edge, so a pair is held once.
	pays := map[pairKey]int{}
	if r.Entries != nil {
		for e := range r.Entries {
			if !e.Income() {
				continue
			}
			pk, plabel := PayerKey(&e.Payment)
			if pk == "" {
				pk, plabel = "unknown:"+e.Attrib, "?"
			}
			from := PayerID(pk)
			if acc := nodes[AccountID(pk)]; acc != nil && acc.Holders > 0 {
				// The payer is a suspect's known account: money within
				// the network, drawn from that account.
				from = acc.ID
			} else {
				from = add(Node{ID: from, Kind: NodePayer, Label: plabel}).ID
			}
			to := SuspectID(e.Attrib)
			if k := ident.Key(e.PayeeAccount); k != "" {
				acc := add(Node{ID: AccountID(k), Kind: NodeAccount, Label: k, IdentKind: "account", Value: k})
				to = acc.ID
				if !holds[[2]string{acc.ID, e.Attrib}] {
					holds[[2]string{acc.ID, e.Attrib}] = true
					edges = append(edges, Edge{Kind: EdgeReceived, From: acc.ID, To: SuspectID(e.Attrib), Suspect: e.Attrib})
				}
			}
			k := pairKey{from, to, e.Attrib}
			i, ok := pays[k]
			if !ok {
				i = len(edges)
				pays[k] = i
				edges = append(edges, Edge{Kind: EdgePayment, From: from, To: to, Suspect: e.Attrib, First: e.Date, Last: e.Date})
			}
			a := &edges[i]
			a.Count++
			if e.HasEUR {
				a.EUR = a.EUR.Add(e.EUR)
			} else {
				a.NoRate++
			}
			if e.Date.Before(a.First) {
				a.First = e.Date
			}
			if e.Date.After(a.Last) {
				a.Last = e.Date
			}
			if cur := strings.ToUpper(e.Currency); !slices.Contains(a.Currencies, cur) {
				a.Currencies = append(a.Currencies, cur)
				slices.Sort(a.Currencies)
			}
		}
	}
	pays = nil

	kindRank := map[string]int{NodeSuspect: 0, NodeAccount: 1, NodePayer: 2}
	rank := map[string]int{}
	for i, id := range order {
		rank[id] = i
	}
	g.nodes = make([]Node, 0, len(nodes))
	for _, n := range nodes {
		g.nodes = append(g.nodes, *n)
	}
	nodes = nil
	slices.SortFunc(g.nodes, func(a, b Node) int {
		if c := cmp.Compare(kindRank[a.Kind], kindRank[b.Kind]); c != 0 {
			return c
		}
		if a.Kind == NodeSuspect {
			return cmp.Compare(rank[a.ID], rank[b.ID])
		}
		return cmp.Compare(a.ID, b.ID)
	})
	edgeRank := map[string]int{EdgeHolds: 0, EdgeUpline: 1, EdgeHousehold: 2, EdgeReceived: 3, EdgePayment: 4}
	slices.SortFunc(edges, func(a, b Edge) int {
		return cmp.Or(cmp.Compare(edgeRank[a.Kind], edgeRank[b.Kind]), cmp.Compare(a.From, b.From),
			cmp.Compare(a.To, b.To), cmp.Compare(a.Suspect, b.Suspect))
	})
	for i := range edges {
		edges[i].ID = fmt.Sprintf("e%d", i+1)
	}
	g.edges = edges
	return g, nil
}
