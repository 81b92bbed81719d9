package linkexport

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// graphKey is one declared GraphML attribute.
type graphKey struct {
	id, on, name, typ string
}

// Attributes are declared with their types so that Gephi, yEd and Maltego
// read money as numbers and counts as integers. Money is written as the
// exact decimal (a valid double literal): the figures stay the workbook's.
var nodeKeys = []graphKey{
	{"label", "node", "label", "string"},
	{"kind", "node", "kind", "string"},
	{"suspect", "node", "suspect", "string"},
	{"tax_code", "node", "tax_code", "string"},
	{"role", "node", "role", "string"},
	{"country", "node", "country", "string"},
	{"income_eur", "node", "income_eur", "double"},
	{"network_income_eur", "node", "network_income_eur", "double"},
	{"seized_eur", "node", "seized_eur", "double"},
	{"payments", "node", "payments", "int"},
	{"benefit_flags", "node", "benefit_flags", "int"},
	{"ident_kind", "node", "ident_kind", "string"},
	{"value", "node", "value", "string"},
	{"holders", "node", "holders", "int"},
	{"shared", "node", "shared", "boolean"},
}

var edgeKeys = []graphKey{
	{"e_kind", "edge", "kind", "string"},
	{"e_label", "edge", "label", "string"},
	{"e_suspect", "edge", "suspect", "string"},
	{"e_count", "edge", "count", "int"},
	{"e_eur", "edge", "eur", "double"},
	{"e_no_rate", "edge", "no_rate", "int"},
	{"e_first", "edge", "first", "string"},
	{"e_last", "edge", "last", "string"},
	{"e_currencies", "edge", "currencies", "string"},
	{"e_weight", "edge", "weight", "double"},
}

// WriteGraphML writes g as one directed GraphML graph.
func WriteGraphML(w io.Writer, g *Graph) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(xml.Header)
	bw.WriteString(`<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">` + "\n")
	for _, k := range append(append([]graphKey{}, nodeKeys...), edgeKeys...) {
		fmt.Fprintf(bw, "  <key id=\"%s\" for=\"%s\" attr.name=\"%s\" attr.type=\"%s\"/>\n", k.id, k.on, k.name, k.typ)
	}
	fmt.Fprintf(bw, "  <graph id=\"%s\" edgedefault=\"directed\">\n", esc(g.Case))
	fmt.Fprintf(bw, "    <desc>%s</desc>\n", esc(fmt.Sprintf("crosscheck: %s, report date %s", g.Case, day(g.ReportDate))))
	err := g.Nodes(func(n *Node) error {
		bw.WriteString(`    <node id="`)
		escTo(bw, n.ID)
		bw.WriteString("\">\n")
		data(bw, "label", n.Label)
		data(bw, "kind", n.Kind)
		switch n.Kind {
		case NodeSuspect:
			data(bw, "suspect", n.Suspect)
			data(bw, "tax_code", n.TaxCode)
			data(bw, "role", n.Role)
			data(bw, "country", n.Country)
			data(bw, "income_eur", money(n.IncomeEUR))
			data(bw, "network_income_eur", money(n.NetworkIncomeEUR))
			data(bw, "seized_eur", money(n.SeizedEUR))
			data(bw, "payments", strconv.Itoa(n.Payments))
			data(bw, "benefit_flags", strconv.Itoa(n.Flags))
		case NodeAccount:
			data(bw, "ident_kind", n.IdentKind)
			data(bw, "value", n.Value)
			data(bw, "holders", strconv.Itoa(n.Holders))
			data(bw, "shared", strconv.FormatBool(n.Holders > 1))
		}
		_, err := bw.WriteString("    </node>\n")
		return err
	})
	if err != nil {
		return err
	}
	err = g.Edges(func(e *Edge, _, _ *Node) error {
		bw.WriteString(`    <edge id="`)
		bw.WriteString(e.ID)
		bw.WriteString(`" source="`)
		escTo(bw, e.From)
		bw.WriteString(`" target="`)
		escTo(bw, e.To)
		bw.WriteString("\">\n")
		data(bw, "e_kind", e.Kind)
		data(bw, "e_label", e.Label)
		data(bw, "e_suspect", e.Suspect)
		if e.Kind == EdgePayment {
			data(bw, "e_count", strconv.Itoa(e.Count))
			data(bw, "e_eur", money(e.EUR))
			data(bw, "e_no_rate", strconv.Itoa(e.NoRate))
			data(bw, "e_first", day(e.First))
			data(bw, "e_last", day(e.Last))
			data(bw, "e_currencies", strings.Join(e.Currencies, " "))
			// Layouts weigh edges by this: the money, not the row count.
			data(bw, "e_weight", money(e.EUR.Abs()))
		}
		_, err := bw.WriteString("    </edge>\n")
		return err
	})
	if err != nil {
		return err
	}
	bw.WriteString("  </graph>\n</graphml>\n")
	return bw.Flush()
}

func data(w *bufio.Writer, key, v string) {
	if v == "" {
		return
	}
	w.WriteString(`      <data key="`)
	w.WriteString(key)
	w.WriteString(`">`)
	escTo(w, v)
	w.WriteString("</data>\n")
}

// escTo writes esc(s): text that needs no escaping, nearly all of it,
// is written as it is.
func escTo(w *bufio.Writer, s string) {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c > 0x7e || c == '&' || c == '<' || c == '>' || c == '"' || c == '\'' {
			w.WriteString(esc(s))
			return
		}
	}
	w.WriteString(s)
}

func esc(s string) string {
	var b strings.Builder
	// Control characters are not allowed in XML 1.0: an input cell
	// carrying one must not make the file unreadable.
	s = strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' {
			return -1
		}
		return r
	}, s)
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

func money(d decimal.Decimal) string { return d.StringFixed(2) }

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}
