package linkexport

import (
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/crosscheck/crosscheck/outfile"
)

// i2 Analyst's Notebook imports tables through an import specification:
// one row per link, with both ends' identity, type and label on the row,
// and attribute columns. links.csv is that table (one import gives the
// whole chart); entities.csv carries every entity's attributes for a
// second import that merges on Identity. The column mapping is written
// next to them (I2Readme) and documented in docs/exports.md.

// I2 file names inside the output directory.
const (
	I2Links    = "links.csv"
	I2Entities = "entities.csv"
	I2Readme   = "README-i2.txt"
)

var i2EntityHeader = []string{"Identity", "Entity Type", "Label", "Suspect", "Tax Code", "Role", "Country",
	"Income EUR", "Network Income EUR", "Seized EUR", "Payments", "Benefit Flags", "Identifier Kind", "Holders", "Shared"}

var i2LinkHeader = []string{"Link ID", "End 1 Identity", "End 1 Type", "End 1 Label", "End 2 Identity", "End 2 Type", "End 2 Label",
	"Link Type", "Direction", "Suspect", "Label", "Count", "Amount EUR", "No Rate", "First Date", "Last Date", "Currencies"}

// i2Types names the entity types as i2's standard palette does.
var i2Types = map[string]string{NodeSuspect: "Person", NodeAccount: "Account", NodePayer: "Person"}

// I2Files are the files WriteI2 writes into its directory.
var I2Files = []string{I2Links, I2Entities, I2Readme}

// WriteI2 writes links.csv, entities.csv and the import notes into dir
// (made if missing), and puts the three in place together, only when all
// are complete.
func WriteI2(dir string, g *Graph) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("i2 export: %w", outfile.NotWritten(dir, err))
	}
	var files []*outfile.File
	defer func() {
		for _, f := range files {
			f.Abort()
		}
	}()
	for _, name := range I2Files {
		f, err := outfile.Create(filepath.Join(dir, name), outfile.Private)
		if err != nil {
			return fmt.Errorf("i2 export: %w", err)
		}
		files = append(files, f)
	}
	if err := WriteI2To(files[0], files[1], files[2], g); err != nil {
		return err
	}
	for _, f := range files {
		if err := f.Commit(); err != nil {
			return fmt.Errorf("i2 export: %w", err)
		}
	}
	return nil
}

// WriteI2To writes links.csv, entities.csv and the import notes to the
// three writers. The CSVs are UTF-8 with a byte-order mark, which the
// import wizard needs to read accented names.
func WriteI2To(links, entities, readme io.Writer, g *Graph) error {
	if err := writeCSV(I2Entities, entities, func(w *csv.Writer) error {
		w.Write(i2EntityHeader)
		return g.Nodes(func(n *Node) error {
			row := []string{n.ID, i2Types[n.Kind], n.Label, "", "", "", "", "", "", "", "", "", n.IdentKind, "", ""}
			switch {
			case n.Figures != nil:
				row[3], row[4], row[5], row[6] = n.Suspect, n.TaxCode, n.Role, n.Country
				row[7], row[8], row[9] = money(n.IncomeEUR), money(n.NetworkIncomeEUR), money(n.SeizedEUR)
				row[10], row[11] = strconv.Itoa(n.Payments), strconv.Itoa(n.Flags)
			case n.Kind == NodeAccount:
				row[13], row[14] = strconv.Itoa(n.Holders), yesNo(n.Holders > 1)
			}
			return w.Write(cells(row))
		})
	}); err != nil {
		return err
	}
	if err := writeCSV(I2Links, links, func(w *csv.Writer) error {
		w.Write(i2LinkHeader)
		return g.Edges(func(e *Edge, a, b *Node) error {
			if a == nil || b == nil {
				return fmt.Errorf("link %s: %s -> %s names a node not in the graph", e.ID, e.From, e.To)
			}
			dir := "Directed"
			if e.Kind == EdgeHousehold {
				dir = "None"
			}
			row := []string{e.ID, a.ID, i2Types[a.Kind], a.Label, b.ID, i2Types[b.Kind], b.Label, e.Kind, dir, e.Suspect, e.Label, "", "", "", "", "", ""}
			if e.Kind == EdgePayment {
				row[11], row[12], row[13] = strconv.Itoa(e.Count), money(e.EUR), strconv.Itoa(e.NoRate)
				row[14], row[15], row[16] = day(e.First), day(e.Last), strings.Join(e.Currencies, " ")
			}
			return w.Write(cells(row))
		})
	}); err != nil {
		return err
	}
	if _, err := io.WriteString(readme, i2Readme(g)); err != nil {
		return fmt.Errorf("i2 export %s: %w", I2Readme, err)
	}
	return nil
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// cells keeps text from the inputs from being read as a formula by a
// spreadsheet the CSV may be opened in on its way to i2.
func cells(row []string) []string {
	for i, c := range row {
		if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) && !isNumber(c) {
			row[i] = "'" + c
		}
	}
	return row
}

func isNumber(s string) bool {
	_, err := strconv.ParseFloat(s, 64)
	return err == nil
}

func writeCSV(name string, f io.Writer, fill func(*csv.Writer) error) error {
	io.WriteString(f, "\ufeff")
	w := csv.NewWriter(f)
	w.UseCRLF = true
	err := fill(w)
	w.Flush()
	if err == nil {
		err = w.Error()
	}
	if err != nil {
		return fmt.Errorf("i2 export %s: %w", name, err)
	}
	return nil
}

func i2Readme(g *Graph) string {
	return fmt.Sprintf(`crosscheck - i2 Analyst's Notebook import
Case: %s   Report date: %s

1. links.csv (one row per link): File > Import Data, choose links.csv,
   "Comma" separated, first row is the header, then the import design:
     End 1: Identity = "End 1 Identity", Type from column "End 1 Type",
            Label = "End 1 Label"
     End 2: Identity = "End 2 Identity", Type from column "End 2 Type",
            Label = "End 2 Label"
     Link:  Type from column "Link Type", Label = "Label" (or "Amount EUR"),
            Direction from column "Direction" (Directed: End 1 -> End 2),
            attributes Suspect (text), Count (number), Amount EUR
            (number, 2 decimals), No Rate (number), First Date and Last
            Date (date, yyyy-MM-dd), Currencies (text).
   Link types: holds (suspect -> identifier), upline (suspect -> the
   suspect above), household (two suspects flagged in one benefit
   application), received_for (payee account -> suspect, when the account
   is not a known identifier of the suspect), payment (payer -> account,
   every income payment of one payer to one account, aggregated).
2. entities.csv (optional, attributes): import with Entity only,
   Identity = "Identity", Type from column "Entity Type", merge with
   existing entities on Identity; attributes Income EUR, Network Income
   EUR, Seized EUR (number, 2 decimals), Payments, Benefit Flags, Holders
   (number), the rest text.

The Amount EUR of the payment links whose Suspect is S add up to S's
income on the workbook's Suspects sheet.
`, g.Case, day(g.ReportDate))
}
