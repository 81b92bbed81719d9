package linkexport

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"flag"
	"github.com/crosscheck/crosscheck/result"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/casefile"
	"github.com/crosscheck/crosscheck/casework"
	"github.com/crosscheck/crosscheck/ingest"
	"github.com/crosscheck/crosscheck/ledger"
	"github.com/shopspring/decimal"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// sample runs the sample case once per test binary.
func sample(t *testing.T) *result.Report {
	t.Helper()
	c, err := casefile.Load(filepath.Join("..", "testdata", "sample", "case.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := casework.Run(c, casework.Options{Version: "test", TempDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(res.Close)
	return res.Report
}

// incomes are the Suspects sheet's figures.
func incomes(r *result.Report) map[string]decimal.Decimal {
	m := map[string]decimal.Decimal{}
	for _, t := range r.Suspects {
		m[t.Suspect.ID] = t.IncomeEUR
	}
	return m
}

func assertFoots(t *testing.T, format string, want, got map[string]decimal.Decimal) {
	t.Helper()
	for id, w := range want {
		if !got[id].Equal(w) {
			t.Errorf("%s: payments of %s add up to %s, Suspects sheet says %s", format, id, got[id], w)
		}
	}
	for id := range got {
		if _, ok := want[id]; !ok {
			t.Errorf("%s: payments to %s, who is not a suspect", format, id)
		}
	}
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./linkexport -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test ./linkexport -update, then review the diff)", name)
	}
}

type gml struct {
	Keys []struct {
		ID   string `xml:"id,attr"`
		For  string `xml:"for,attr"`
		Name string `xml:"attr.name,attr"`
		Type string `xml:"attr.type,attr"`
	} `xml:"key"`
	Graph struct {
		Nodes []struct {
			ID   string  `xml:"id,attr"`
			Data []gdata `xml:"data"`
		} `xml:"node"`
		Edges []struct {
			Source string  `xml:"source,attr"`
			Target string  `xml:"target,attr"`
			Data   []gdata `xml:"data"`
		} `xml:"edge"`
	} `xml:"graph"`
}

type gdata struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

func dataMap(d []gdata) map[string]string {
	m := map[string]string{}
	for _, x := range d {
		m[x.Key] = x.Value
	}
	return m
}

func TestGraphMLFootsAndGolden(t *testing.T) {
	r := sample(t)
	g, err := Build(r, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	var buf bytes.Buffer
	if err := WriteGraphML(&buf, g); err != nil {
		t.Fatal(err)
	}
	var doc gml
	if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("not XML: %v", err)
	}
	types := map[string]string{}
	for _, k := range doc.Keys {
		types[k.ID] = k.Type
	}
	for _, want := range [][2]string{{"income_eur", "double"}, {"e_eur", "double"}, {"e_count", "int"}, {"shared", "boolean"}, {"label", "string"}} {
		if types[want[0]] != want[1] {
			t.Errorf("key %s has type %q, want %q", want[0], types[want[0]], want[1])
		}
	}
	nodes := map[string]map[string]string{}
	for _, n := range doc.Graph.Nodes {
		nodes[n.ID] = dataMap(n.Data)
	}
	got := map[string]decimal.Decimal{}
	counts := map[string]int{}
	for _, e := range doc.Graph.Edges {
		d := dataMap(e.Data)
		if nodes[e.Source] == nil || nodes[e.Target] == nil {
			t.Errorf("edge %s -> %s names a node not in the graph", e.Source, e.Target)
		}
		if d["e_kind"] != EdgePayment {
			continue
		}
		eur := decimal.RequireFromString(d["e_eur"])
		got[d["e_suspect"]] = got[d["e_suspect"]].Add(eur)
		var n int
		json.Unmarshal([]byte(d["e_count"]), &n)
		counts[d["e_suspect"]] += n
	}
	assertFoots(t, "graphml", incomes(r), got)
	for _, s := range r.Suspects {
		if counts[s.Suspect.ID] != s.Payments {
			t.Errorf("graphml: %s has %d payments on its edges, %d on the Suspects sheet", s.Suspect.ID, counts[s.Suspect.ID], s.Payments)
		}
		n := nodes[SuspectID(s.Suspect.ID)]
		if n == nil || n["income_eur"] != s.IncomeEUR.StringFixed(2) {
			t.Errorf("graphml: node of %s: %v", s.Suspect.ID, n)
		}
	}
	// The sample plants a PayPal account shared by two suspects.
	shared := 0
	for _, n := range nodes {
		if n["shared"] == "true" {
			shared++
		}
	}
	if shared == 0 {
		t.Error("graphml: no shared identifier node")
	}
	golden(t, "sample.graphml", buf.Bytes())
}

func TestI2FootsAndGolden(t *testing.T) {
	r := sample(t)
	g, err := Build(r, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	dir := t.TempDir()
	if err := WriteI2(dir, g); err != nil {
		t.Fatal(err)
	}
	links := readCSV(t, filepath.Join(dir, I2Links))
	head := links[0]
	col := func(name string) int {
		for i, h := range head {
			if h == name {
				return i
			}
		}
		t.Fatalf("links.csv has no column %q", name)
		return -1
	}
	kind, sus, amt := col("Link Type"), col("Suspect"), col("Amount EUR")
	got := map[string]decimal.Decimal{}
	for _, row := range links[1:] {
		if row[kind] == EdgePayment {
			got[row[sus]] = got[row[sus]].Add(decimal.RequireFromString(row[amt]))
		}
	}
	assertFoots(t, "i2", incomes(r), got)
	ents := readCSV(t, filepath.Join(dir, I2Entities))
	if len(ents)-1 != g.NodeCount() {
		t.Errorf("entities.csv has %d rows, graph %d nodes", len(ents)-1, g.NodeCount())
	}
	for _, name := range []string{I2Links, I2Entities, I2Readme} {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		golden(t, "i2/"+name, b)
	}
}

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\ufeff")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// ftmSchema lists, per schema crosscheck writes, the properties of the
// public FollowTheMoney model (followthemoney/schema/*.yaml, inherited
// ones included) that it may use.
var ftmSchema = map[string][]string{
	"Person":       {"name", "firstName", "lastName", "taxNumber", "birthDate", "birthPlace", "gender", "country", "notes", "email", "phone"},
	"BankAccount":  {"name", "iban", "accountNumber", "accountType", "description", "country", "amount", "currency", "amountEur"},
	"CryptoWallet": {"publicKey", "holder", "currencySymbol"},
	"LegalEntity":  {"name"},
	"UserAccount":  {"owner", "service", "username", "email", "notes"},
	"Payment":      {"payer", "payerAccount", "beneficiary", "beneficiaryAccount", "amount", "currency", "amountEur", "date", "purpose", "transactionNumber", "recordId", "summary"},
	"Ownership":    {"owner", "asset", "role", "percentage", "recordId", "summary"},
	"Associate":    {"person", "associate", "relationship"},
	"Family":       {"person", "relative", "relationship"},
	"Asset":        {"name", "description", "country", "amount", "currency", "amountEur"},
	"Vehicle":      {"name", "description", "country", "amount", "currency", "amountEur"},
	"RealEstate":   {"name", "description", "country", "amount", "currency", "amountEur"},
	"Company":      {"name", "description", "country", "amount", "currency", "amountEur"},
	"Security":     {"name", "description", "country", "amount", "currency", "amountEur"},
}

func TestFtMFootsSchemaAndGolden(t *testing.T) {
	r := sample(t)
	var buf bytes.Buffer
	if err := WriteFtM(&buf, r); err != nil {
		t.Fatal(err)
	}
	persons := map[string]string{}
	for _, s := range r.Suspects {
		persons[FtmID(r.Params.Case, "person", s.Suspect.ID)] = s.Suspect.ID
	}
	ids := map[string]string{}
	got := map[string]decimal.Decimal{}
	sc := bufio.NewScanner(bytes.NewReader(buf.Bytes()))
	sc.Buffer(nil, 1<<20)
	var refs []string
	for sc.Scan() {
		var e FtmEntity
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			t.Fatalf("line is not JSON: %v", err)
		}
		allowed, ok := ftmSchema[e.Schema]
		if !ok {
			t.Errorf("schema %q is not one crosscheck may write", e.Schema)
		}
		for p, v := range e.Properties {
			if !contains(allowed, p) {
				t.Errorf("%s has property %q, not in the FtM schema list", e.Schema, p)
			}
			if len(v) == 0 {
				t.Errorf("%s.%s is empty", e.Schema, p)
			}
		}
		if prev, dup := ids[e.ID]; dup {
			t.Errorf("id %s written twice (%s, %s)", e.ID, prev, e.Schema)
		}
		ids[e.ID] = e.Schema
		for _, p := range []string{"payer", "beneficiary", "payerAccount", "beneficiaryAccount", "owner", "asset", "person", "relative", "associate", "holder"} {
			refs = append(refs, e.Properties[p]...)
		}
		if e.Schema == "Payment" {
			s, ok := persons[e.Properties["beneficiary"][0]]
			if !ok {
				t.Errorf("payment to %v, not a suspect's Person", e.Properties["beneficiary"])
			}
			if v := e.Properties["amountEur"]; len(v) == 1 {
				got[s] = got[s].Add(decimal.RequireFromString(v[0]))
			}
		}
	}
	for _, id := range refs {
		if _, ok := ids[id]; !ok {
			t.Errorf("reference to %s, an entity not in the export", id)
		}
	}
	assertFoots(t, "ftm", incomes(r), got)
	golden(t, "sample.ftm.json", buf.Bytes())

	// Stable ids: the same case exported again gives the same entities.
	var again bytes.Buffer
	if err := WriteFtM(&again, sample(t)); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Error("a second export of the same case differs")
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// No benefit recipient who matches no suspect may appear: the tax codes
// of every other recipient in the sample's benefit lists
// are absent from every export.
func TestExportsNameNoUnmatchedRecipient(t *testing.T) {
	r := sample(t)
	c, err := casefile.Load(filepath.Join("..", "testdata", "sample", "case.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	matched := map[string]bool{}
	for _, f := range r.Flags {
		for _, ev := range f.Evidence {
			matched[strings.ToUpper(ev.Recipient)] = true
		}
	}
	for _, s := range r.Suspects {
		matched[strings.ToUpper(s.Suspect.Surname)] = true
		matched[strings.ToUpper(s.Suspect.TaxCode)] = true
	}
	var others []string
	for _, in := range c.Inputs[ledger.KindBenefits] {
		_, err := ingest.ReadBenefits(ingest.Input{Path: in.Path, Name: in.Name}, ingest.Options{Report: func(ledger.Issue) {}}, func(b ledger.BenefitRow) error {
			// Tax codes, not names: a recipient's common surname may be a
			// payer's too.
			if v := strings.ToUpper(strings.TrimSpace(b.TaxCode)); len(v) == 16 && !matched[v] && !slices.Contains(others, v) {
				others = append(others, v)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(others) == 0 {
		t.Fatal("the sample has no unmatched recipients to look for")
	}
	g, err := Build(r, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	var all bytes.Buffer
	if err := WriteGraphML(&all, g); err != nil {
		t.Fatal(err)
	}
	if err := WriteFtM(&all, r); err != nil {
		t.Fatal(err)
	}
	text := strings.ToUpper(all.String())
	for _, v := range others {
		if strings.Contains(text, v) {
			t.Errorf("unmatched recipient's %q appears in an export", v)
		}
	}
}
