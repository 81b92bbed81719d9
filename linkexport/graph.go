// Package linkexport writes a computed case for the link-analysis tools
// investigators already use: GraphML (Gephi, yEd, Maltego), the entity
// and link tables of i2 Analyst's Notebook's tabular import, and
// FollowTheMoney entities (Aleph, the ftm tools).
//
// Every figure comes from the run's report, the one the workbook is
// written from: the payments of a suspect in any export add up to the
// suspect's income on the Suspects sheet. Benefit recipients who match no
// suspect appear in no export; household links only where a flag rests
// on them.
package linkexport

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/match/ident"
	"github.com/crosscheck/crosscheck/reports"
	"github.com/shopspring/decimal"
)

// Node kinds of the graph.
const (
	NodeSuspect = "suspect"
	NodeAccount = "account" // an identifier: IBAN, wallet, card, e-mail...
	NodePayer   = "payer"
)

// Edge kinds of the graph.
const (
	EdgeHolds     = "holds"        // suspect -> identifier it is known by
	EdgeUpline    = "upline"       // suspect -> the suspect above it
	EdgePayment   = "payment"      // payer -> account (or suspect), aggregated
	EdgeReceived  = "received_for" // account -> suspect it received for, when not a known identifier of the suspect
	EdgeHousehold = "household"    // suspect -> suspect in one benefit application (a flag rests on both)
)

// Node is one vertex. Only the fields of its kind are set; a suspect's
// figures hang off a pointer, so that the many payer nodes of a large
// case stay small.
type Node struct {
	ID    string
	Kind  string
	Label string
	*Figures

	// Accounts: the identifier's kind (iban, wallet... or "account" for a
	// payee account no suspect is known by) and normalised value; Holders
	// counts the suspects known by it (more than one: shared).
	IdentKind string
	Value     string
	Holders   int
}

// Figures are a suspect node's attributes, the Suspects sheet's figures.
type Figures struct {
	Suspect          string
	TaxCode          string
	Role             string
	Country          string
	IncomeEUR        decimal.Decimal
	NetworkIncomeEUR decimal.Decimal
	SeizedEUR        decimal.Decimal
	Payments         int
	Flags            int
}

// Edge is one link. Payment edges aggregate every income payment of one
// payer to one account (or, without a payee account, to the suspect).
type Edge struct {
	ID       string
	Kind     string
	From, To string
	// Suspect is the suspect the payments were attributed to (payments),
	// or the suspect of the link.
	Suspect string
	Label   string
	// Payments: count of income rows, EUR over those with a rate, rows
	// without a rate, first and last day.
	Count       int
	EUR         decimal.Decimal
	NoRate      int
	First, Last time.Time
	Currencies  []string
}

// Graph is the case as nodes and edges, in a fixed order: suspects (as on
// the Suspects sheet), accounts, payers, then edges by kind and ids.
type Graph struct {
	Case       string
	ReportDate time.Time
	Nodes      []Node
	Edges      []Edge
}

type pairKey struct{ from, to, suspect string }

// Build makes the graph of r, reading r.Entries once. Memory grows with
// the distinct payer-account pairs, not with the payments.
func Build(r *reports.Report) (*Graph, error) {
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
	g.Nodes = make([]Node, 0, len(nodes))
	for _, n := range nodes {
		g.Nodes = append(g.Nodes, *n)
	}
	nodes = nil
	slices.SortFunc(g.Nodes, func(a, b Node) int {
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
	g.Edges = edges
	return g, nil
}

// householdEdges links two suspects found in one benefit application:
// both carry a flag, so the link rests on them.
func householdEdges(r *reports.Report) []Edge {
	byApp := map[string][]string{}
	var apps []string
	for _, f := range r.Flags {
		if _, ok := byApp[f.Application]; !ok {
			apps = append(apps, f.Application)
		}
		if !slices.Contains(byApp[f.Application], f.Suspect) {
			byApp[f.Application] = append(byApp[f.Application], f.Suspect)
		}
	}
	var out []Edge
	for _, app := range apps {
		ss := byApp[app]
		slices.Sort(ss)
		for i := range ss {
			for j := i + 1; j < len(ss); j++ {
				out = append(out, Edge{Kind: EdgeHousehold, From: SuspectID(ss[i]), To: SuspectID(ss[j]), Suspect: ss[i], Label: app})
			}
		}
	}
	return out
}

// SuspectID, AccountID and PayerID are the node ids: stable across runs
// of the same case, so that a re-import updates the same nodes.
func SuspectID(id string) string { return "suspect:" + id }

// AccountID is the node id of a normalised identifier (ident.Key).
func AccountID(key string) string { return "account:" + key }

// PayerID is the node id of a payer key (see PayerKey).
func PayerID(key string) string { return "payer:" + key }

// SuspectLabel is "Surname Name", or the id when the suspect has no name.
func SuspectLabel(s ledger.Suspect) string {
	l := strings.TrimSpace(strings.TrimSpace(s.Surname) + " " + strings.TrimSpace(s.Name))
	if l == "" {
		return s.ID
	}
	return l
}

// PayerKey aggregates payers by their account (normalised like every
// identifier), else by their name (upper case, spaces folded). It is
// empty when the row names no payer.
func PayerKey(p *ledger.Payment) (key, label string) {
	if k := ident.Key(p.PayerAccount); k != "" {
		return k, k
	}
	name := strings.Join(strings.Fields(p.Payer), " ")
	if name == "" {
		return "", ""
	}
	return "name:" + strings.ToUpper(name), name
}
