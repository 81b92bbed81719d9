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
	"bytes"
	"cmp"
	"fmt"
	"github.com/crosscheck/crosscheck/result"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/match/ident"
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
// the Suspects sheet), accounts, payers, then edges by kind and ids. The
// suspects, accounts and every edge but the payments are held in memory;
// the payers and the payment edges, as many as a case's payers, are kept
// in scratch files and read back by Nodes and Edges. Close discards them.
type Graph struct {
	Case       string
	ReportDate time.Time

	nodes []Node // suspects and accounts
	edges []Edge // every edge but the payments
	// payers holds the payer nodes (id, label) and payments the payment
	// edges, each in the graph's order.
	payers, payments *seqFile
}

// Options tune Build.
type Options struct {
	// TempDir holds the scratch files; empty means the system default.
	TempDir string
	// chunkBytes bounds the payment records sorted in memory at once
	// and fanIn the chunks merged at once (tests make them tiny to
	// exercise the merge).
	chunkBytes, fanIn int
}

// Build makes the graph of r, reading r.Entries once. Memory grows with
// the suspects and their accounts, not with the payments or the payers:
// the payment edges are aggregated by an external sort (see spill.go).
func Build(r *result.Report, opt Options) (g *Graph, err error) {
	g = &Graph{Case: r.Params.Case, ReportDate: r.Params.ReportDate}
	defer func() {
		if err != nil {
			g.Close()
			g = nil
		}
	}()
	nodes := map[string]*Node{} // suspects and accounts by id
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

	// A payer whose account a suspect is known by is that account: money
	// within the network, drawn from it. Accounts by their key, and the
	// received_for links by key and suspect, so that a row looks them up
	// without building ids.
	held := map[string]bool{}
	accounts := map[string]*Node{}
	for _, n := range nodes {
		if n.Kind == NodeAccount {
			accounts[n.Value] = n
			held[n.Value] = n.Holders > 0
		}
	}
	received := map[[2]string]bool{} // account key, suspect id
	for k := range holds {
		received[[2]string{strings.TrimPrefix(k[0], "account:"), k[1]}] = true
	}

	// One record per income payment, keyed by its edge; sorted, a
	// payment edge's records are adjacent and a payer's edges too.
	srt := newSorter(opt.TempDir, opt.chunkBytes, opt.fanIn, compareKeys)
	defer srt.close()
	var rec enc
	var seq uint64
	if r.Entries != nil {
		for e := range r.Entries {
			if !e.Income() {
				continue
			}
			seq++
			pk, plabel := PayerKey(&e.Payment)
			if pk == "" {
				pk, plabel = "unknown:"+e.Attrib, "?"
			}
			rec.b = rec.b[:0]
			if held[pk] {
				rec.str2("account:", pk)
				plabel = ""
			} else {
				rec.str2("payer:", pk)
			}
			if k := ident.Key(e.PayeeAccount); k != "" {
				acc := accounts[k]
				if acc == nil {
					acc = add(Node{ID: AccountID(k), Kind: NodeAccount, Label: k, IdentKind: "account", Value: k})
					accounts[k] = acc
				}
				if !received[[2]string{k, e.Attrib}] {
					received[[2]string{k, e.Attrib}] = true
					edges = append(edges, Edge{Kind: EdgeReceived, From: acc.ID, To: SuspectID(e.Attrib), Suspect: e.Attrib})
				}
				rec.str2("account:", k)
			} else {
				rec.str2("suspect:", e.Attrib)
			}
			rec.str(e.Attrib)
			rec.uvarint(seq)
			rec.str(plabel)
			rec.str(strings.ToUpper(e.Currency))
			if e.HasEUR {
				rec.b = append(rec.b, 1)
				rec.dec(e.EUR)
			} else {
				rec.b = append(rec.b, 0)
			}
			rec.date(e.Date)
			srt.add(rec.b)
		}
	}
	if g.payers, err = newSeqFile(opt.TempDir); err != nil {
		return nil, err
	}
	if g.payments, err = newSeqFile(opt.TempDir); err != nil {
		return nil, err
	}
	if err := aggregate(srt, g.payers, g.payments); err != nil {
		return nil, err
	}
	srt.close()

	kindRank := map[string]int{NodeSuspect: 0, NodeAccount: 1}
	rank := map[string]int{}
	for i, id := range order {
		rank[id] = i
	}
	g.nodes = make([]Node, 0, len(nodes))
	for _, n := range nodes {
		g.nodes = append(g.nodes, *n)
	}
	slices.SortFunc(g.nodes, func(a, b Node) int {
		if c := cmp.Compare(kindRank[a.Kind], kindRank[b.Kind]); c != 0 {
			return c
		}
		if a.Kind == NodeSuspect {
			return cmp.Compare(rank[a.ID], rank[b.ID])
		}
		return cmp.Compare(a.ID, b.ID)
	})
	// Stable: two links of the same kind between the same suspects (one
	// household in two applications) keep the order they were found in.
	edgeRank := map[string]int{EdgeHolds: 0, EdgeUpline: 1, EdgeHousehold: 2, EdgeReceived: 3}
	slices.SortStableFunc(edges, func(a, b Edge) int {
		return cmp.Or(cmp.Compare(edgeRank[a.Kind], edgeRank[b.Kind]), cmp.Compare(a.From, b.From),
			cmp.Compare(a.To, b.To), cmp.Compare(a.Suspect, b.Suspect))
	})
	for i := range edges {
		edges[i].ID = fmt.Sprintf("e%d", i+1)
	}
	g.edges = edges
	return g, nil
}

// aggregate merges the sorted payment records into one payment edge per
// key and one payer node per payer (labelled as its first payment names
// it), written to payers and payments in the graph's order.
func aggregate(srt *sorter, payers, payments *seqFile) error {
	var (
		key      []byte // the current edge's key (a copy)
		e        Edge
		on       bool
		payer    []byte // the current from, a payer's id, and its label
		label    []byte
		minSeq   uint64
		out      enc
		curBytes [][]byte
	)
	flushEdge := func() error {
		if !on {
			return nil
		}
		out.b = out.b[:0]
		out.b = append(out.b, key...) // from, to, suspect
		out.uvarint(uint64(e.Count))
		out.uvarint(uint64(e.NoRate))
		out.dec(e.EUR)
		out.date(e.First)
		out.date(e.Last)
		out.uvarint(uint64(len(curBytes)))
		for _, c := range curBytes {
			out.str(string(c))
		}
		return payments.add(out.b)
	}
	flushPayer := func() error {
		if payer == nil || !bytes.HasPrefix(payer, []byte("payer:")) {
			return nil
		}
		out.b = out.b[:0]
		out.str(string(payer))
		out.str(string(label))
		return payers.add(out.b)
	}
	err := srt.merge(func(r []byte) error {
		d := dec{b: r}
		from := d.raw()
		d.raw() // to
		d.raw() // suspect
		keyLen := len(r) - len(d.b)
		seq := d.uvarint()
		lab := d.raw()
		cur := d.raw()
		hasEUR := d.byte() == 1
		var eur decimal.Decimal
		if hasEUR {
			eur = d.dec()
		}
		date := d.date()
		if d.err != nil {
			return d.err
		}
		if !bytes.Equal(from, payer) {
			if err := flushPayer(); err != nil {
				return err
			}
			payer = append(payer[:0], from...)
			if payer == nil {
				payer = []byte{}
			}
			label, minSeq = append(label[:0], lab...), seq
		} else if seq < minSeq {
			label, minSeq = append(label[:0], lab...), seq
		}
		if !on || !bytes.Equal(r[:keyLen], key) {
			if err := flushEdge(); err != nil {
				return err
			}
			key = append(key[:0], r[:keyLen]...)
			e = Edge{First: date, Last: date}
			curBytes = curBytes[:0]
			on = true
		}
		e.Count++
		if hasEUR {
			e.EUR = e.EUR.Add(eur)
		} else {
			e.NoRate++
		}
		if date.Before(e.First) {
			e.First = date
		}
		if date.After(e.Last) {
			e.Last = date
		}
		if i, found := slices.BinarySearchFunc(curBytes, cur, bytes.Compare); !found {
			curBytes = slices.Insert(curBytes, i, slices.Clone(cur))
		}
		return nil
	})
	if err != nil {
		return err
	}
	if err := flushEdge(); err != nil {
		return err
	}
	if err := flushPayer(); err != nil {
		return err
	}
	if err := payers.finish(); err != nil {
		return err
	}
	return payments.finish()
}

// Close discards the graph's scratch files.
func (g *Graph) Close() {
	if g == nil {
		return
	}
	g.payers.close()
	g.payments.close()
}

// NodeCount and EdgeCount are the numbers of nodes and edges.
func (g *Graph) NodeCount() int { return len(g.nodes) + g.payers.len() }

// EdgeCount is the number of edges.
func (g *Graph) EdgeCount() int { return len(g.edges) + g.payments.len() }

// Nodes calls each with every node in the graph's order. The node is
// valid only during the call.
func (g *Graph) Nodes(each func(n *Node) error) error {
	for i := range g.nodes {
		if err := each(&g.nodes[i]); err != nil {
			return err
		}
	}
	if g.payers == nil {
		return nil
	}
	pr := g.payers.reader()
	var n Node
	for {
		ok, err := pr.next()
		if err != nil || !ok {
			return err
		}
		if err := decodePayer(pr.rec, &n); err != nil {
			return err
		}
		if err := each(&n); err != nil {
			return err
		}
	}
}

func decodePayer(r []byte, n *Node) error {
	d := dec{b: r}
	*n = Node{ID: d.str(), Kind: NodePayer, Label: d.str()}
	return d.err
}

// Edges calls each with every edge in the graph's order, with the nodes
// at its ends (nil for an end not in the graph). Edge and nodes are valid
// only during the call.
func (g *Graph) Edges(each func(e *Edge, from, to *Node) error) error {
	byID := make(map[string]*Node, len(g.nodes))
	for i := range g.nodes {
		byID[g.nodes[i].ID] = &g.nodes[i]
	}
	for i := range g.edges {
		e := &g.edges[i]
		if err := each(e, byID[e.From], byID[e.To]); err != nil {
			return err
		}
	}
	if g.payments == nil {
		return nil
	}
	// Payment edges come in the payers' order: the payer nodes are read
	// alongside.
	pr, er := g.payers.reader(), g.payments.reader()
	var payer Node
	havePayer := false
	var e Edge
	for i := len(g.edges) + 1; ; i++ {
		ok, err := er.next()
		if err != nil || !ok {
			return err
		}
		d := dec{b: er.rec}
		e = Edge{ID: "e" + strconv.Itoa(i), Kind: EdgePayment, From: d.str(), To: d.str(), Suspect: d.str(),
			Currencies: e.Currencies[:0]}
		e.Count = int(d.uvarint())
		e.NoRate = int(d.uvarint())
		e.EUR = d.dec()
		e.First = d.date()
		e.Last = d.date()
		for n := d.uvarint(); n > 0 && d.err == nil; n-- {
			e.Currencies = append(e.Currencies, d.str())
		}
		if d.err != nil {
			return d.err
		}
		from := byID[e.From]
		if from == nil {
			for !havePayer || payer.ID < e.From {
				ok, err := pr.next()
				if err != nil {
					return err
				}
				if !ok {
					break
				}
				if err := decodePayer(pr.rec, &payer); err != nil {
					return err
				}
				havePayer = true
			}
			if havePayer && payer.ID == e.From {
				from = &payer
			}
		}
		if err := each(&e, from, byID[e.To]); err != nil {
			return err
		}
	}
}

// householdEdges links two suspects found in one benefit application:
// both carry a flag, so the link rests on them.
func householdEdges(r *result.Report) []Edge {
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
