package linkexport

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestRenderSampleGraph draws README's network picture from the sample's
// GraphML, read back as a GraphML reader would, through Graphviz:
//
//	CROSSCHECK_RENDER_DOCS=1 go test -run RenderSampleGraph ./linkexport
func TestRenderSampleGraph(t *testing.T) {
	if os.Getenv("CROSSCHECK_RENDER_DOCS") == "" {
		t.Skip("set CROSSCHECK_RENDER_DOCS=1 to redraw docs/network-graph.png (needs graphviz)")
	}
	data, err := os.ReadFile(filepath.Join("testdata", "sample.graphml"))
	if err != nil {
		t.Fatal(err)
	}
	var doc gml
	if err := xml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	var dot bytes.Buffer
	dot.WriteString("digraph G {\n  graph [overlap=false, splines=true, bgcolor=white, fontname=Helvetica, outputorder=edgesfirst];\n")
	dot.WriteString("  node [fontname=Helvetica, fontsize=9, style=filled, penwidth=0.5];\n  edge [arrowsize=0.4, penwidth=0.6];\n")
	q := func(s string) string { return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"` }
	for _, n := range doc.Graph.Nodes {
		d := dataMap(n.Data)
		switch d["kind"] {
		case NodeSuspect:
			fmt.Fprintf(&dot, "  %s [label=%s, shape=box, fillcolor=\"#284f96\", fontcolor=white];\n", q(n.ID), q(d["suspect"]+"\n"+d["label"]+"\nEUR "+d["income_eur"]))
		case NodeAccount:
			color := "#c9d6ea"
			if d["shared"] == "true" {
				color = "#e8743b"
			}
			fmt.Fprintf(&dot, "  %s [label=\"\", shape=diamond, width=0.18, height=0.18, fillcolor=%q];\n", q(n.ID), color)
		default:
			fmt.Fprintf(&dot, "  %s [label=\"\", shape=circle, width=0.07, fillcolor=\"#999999\", color=\"#999999\"];\n", q(n.ID))
		}
	}
	for _, e := range doc.Graph.Edges {
		d := dataMap(e.Data)
		style := map[string]string{
			EdgeHolds: "color=\"#7f9ccc\"", EdgeUpline: "color=\"#c0392b\", penwidth=1.6",
			EdgeHousehold: "color=\"#8e44ad\", style=dashed, dir=none", EdgeReceived: "color=\"#7f9ccc\", style=dotted",
			EdgePayment: "color=\"#bbbbbb\"",
		}[d["e_kind"]]
		fmt.Fprintf(&dot, "  %s -> %s [%s];\n", q(e.Source), q(e.Target), style)
	}
	dot.WriteString("}\n")
	out := filepath.Join("..", "docs", "network-graph.png")
	cmd := exec.Command("neato", "-Tpng", "-Gdpi=80", "-Gsize=9,9", "-o", out)
	cmd.Stdin = &dot
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("neato: %v %s", err, b)
	}
}
