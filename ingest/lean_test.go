package ingest

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// craftedSheet is worksheet XML no single writer produces: a namespace
// prefix, rich and inline strings with phonetic runs, CDATA, entities,
// character references, literal CR LF, cells and rows without r, skipped
// and self-closing rows, formulas with and without cached values, error
// and ISO date cells, _xHHHH_ escapes, an invalid style index and a
// comment. Row 1 is a header so the sheet also reads as payments.
const craftedSheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:dimension ref="A1:E12"/>
<x:sheetData>
<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Data</x:t></x:is></x:c><x:c r="B1" t="inlineStr"><x:is><x:r><x:rPr><x:b/></x:rPr><x:t xml:space="preserve">Imp</x:t></x:r><x:r><x:t>orto</x:t></x:r><x:rPh sb="0" eb="1"><x:t>PHON</x:t></x:rPh></x:is></x:c><x:c r="C1" t="inlineStr"><x:is><x:t>Valuta</x:t></x:is></x:c></x:row>
<x:row r="3" spans="1:4"><x:c r="A3"><x:v>43831</x:v></x:c><x:c r="B3" t="str"><x:f>1+1</x:f><x:v>2</x:v></x:c><x:c t="b"><x:v>1</x:v></x:c><x:c t="e"><x:v>#DIV/0!</x:v></x:c></x:row>
<x:row><x:c><x:v>1.5E-3</x:v></x:c><x:c/><x:c t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v> 1 </x:v></x:c></x:row>
<x:row r="7"/>
<x:row r="8"><x:c r="C8" t="inlineStr"><x:is><x:t><![CDATA[a <b> & c]]></x:t></x:is></x:c><x:c r="E8" t="str"><x:v>&amp;&lt;&gt;&quot;&apos;&#65;&#x42;</x:v></x:c></x:row>
<x:row r="9"><x:c r="A9" t="d"><x:v>2020-10-01T00:00:00Z</x:v></x:c><x:c r="B9"><x:f>A9+1</x:f></x:c><x:c r="D9" t="str"><x:v>line1&#13;&#10;line2` + "\r\n" + `line3` + "\r" + `end</x:v></x:c></x:row>
<!-- a comment --><x:row r="10"><x:c r="A10" s="1" t="n"><x:v>-12.50</x:v></x:c><x:c r="B10" t="inlineStr"><x:is><x:t>_x0041__x005F_x0042_ _xD800_ end</x:t></x:is></x:c><x:c r="C10" s="x"><x:v>lost</x:v></x:c></x:row>
<x:row r="11"><x:c r="b11"><x:v>lower</x:v></x:c><x:c r="$D$11"><x:v>abs</x:v></x:c><x:c r="A11"><x:v>back</x:v></x:c></x:row>
<x:row r="12"><x:c r="A12" t="s"><x:v>999</x:v></x:c><x:c r="B12" t="s"><x:v>2</x:v></x:c><x:c r="C12" t="inlineStr"><x:v>no is</x:v></x:c></x:row>
</x:sheetData><x:pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>
</x:worksheet>`

// writeAwkwardWorkbook writes a workbook through excelize's API (shared
// and rich strings, entities, unicode, long strings, booleans, formulas,
// dates, skipped rows) with a second sheet replaced by craftedSheet.
func writeAwkwardWorkbook(path string) error {
	f := excelize.NewFile()
	defer f.Close()
	sh := "Pagamenti"
	f.SetSheetName("Sheet1", sh)
	long := strings.Repeat("abcdefghij€", 2900)
	rows := map[int][]any{
		1:  {"Data", "Importo", "Valuta", "Ordinante", "Causale"},
		2:  {time.Date(2020, 10, 1, 0, 0, 0, 0, time.UTC), 12.5, "EUR", "Luca <Bianchi> & Figli", `"quoted" 'single'`},
		3:  {43832, "1.234,56", "EUR", "Zoë Ñandú 王小明 😀", "  spazi  "},
		5:  {43833, -0.69, "USD", "_x0041_ literal", "line1\nline2\r\nline3\ttab"},
		9:  {43834, 1e-7, "EUR", long, true},
		10: {43835, 123456789012345678, "EUR", false, ""},
	}
	// In row order: the shared-string indices the crafted sheet refers
	// to must not depend on map iteration.
	for _, r := range slices.Sorted(maps.Keys(rows)) {
		vals := rows[r]
		cell, _ := excelize.CoordinatesToCellName(1, r)
		if err := f.SetSheetRow(sh, cell, &vals); err != nil {
			return err
		}
	}
	if err := f.SetCellFormula(sh, "F2", "B2*2"); err != nil {
		return err
	}
	if err := f.SetCellRichText(sh, "F3", []excelize.RichTextRun{{Text: "rich "}, {Text: "text", Font: &excelize.Font{Bold: true}}, {Text: " & more"}}); err != nil {
		return err
	}
	if err := f.SetCellBool(sh, "G5", true); err != nil {
		return err
	}
	if _, err := f.NewSheet("Crafted"); err != nil {
		return err
	}
	f.SetCellValue("Crafted", "A1", "placeholder")
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return err
	}
	b, err := replacePart(buf.Bytes(), "xl/worksheets/sheet2.xml", []byte(craftedSheet))
	if err != nil {
		return err
	}
	return os.WriteFile(path, b, 0o644)
}

// replacePart rewrites a zip package with one part's content replaced.
func replacePart(pkg []byte, name string, content []byte) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(pkg), int64(len(pkg)))
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, zf := range zr.File {
		w, err := zw.Create(zf.Name)
		if err != nil {
			return nil, err
		}
		if zf.Name == name {
			w.Write(content)
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			return nil, err
		}
		_, err = io.Copy(w, rc)
		rc.Close()
		if err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// TestGenerateAwkwardFixtures writes testdata/awkward.xlsx and its
// LibreOffice re-save. Run with -gen.
func TestGenerateAwkwardFixtures(t *testing.T) {
	if !*genFixtures {
		t.Skip("run with -gen to regenerate")
	}
	if err := writeAwkwardWorkbook("testdata/awkward.xlsx"); err != nil {
		t.Fatal(err)
	}
	if _, err := exec.LookPath("soffice"); err != nil {
		t.Skip("soffice not installed: LibreOffice copy not regenerated")
	}
	dir := t.TempDir()
	cmd := exec.Command("soffice", "--headless", "-env:UserInstallation=file://"+dir+"/profile", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", dir, "testdata/awkward.xlsx")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	b, err := os.ReadFile(filepath.Join(dir, "awkward.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("testdata/awkward_libreoffice.xlsx", b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func trimRow(r []string) []string {
	for len(r) > 0 && r[len(r)-1] == "" {
		r = r[:len(r)-1]
	}
	return append([]string(nil), r...)
}

// drain reads every row of an iterator; the error is the first one met.
func drain(r sheetRows, maxRows int) ([][]string, error) {
	var rows [][]string
	for len(rows) < maxRows && r.Next() {
		cols, err := r.Columns()
		if err != nil {
			return rows, err
		}
		rows = append(rows, trimRow(cols))
	}
	return rows, r.Error()
}

func excelizeSheetRows(t testing.TB, f *excelize.File, sheet string, maxRows int) ([][]string, error) {
	r, err := f.Rows(sheet)
	if err != nil {
		t.Fatalf("excelize rows %s: %v", sheet, err)
	}
	defer r.Close()
	return drain(excelizeRows{r}, maxRows)
}

func diffRows(t testing.TB, what string, want, got [][]string) {
	t.Helper()
	for i := 0; i < max(len(want), len(got)); i++ {
		var w, g []string
		if i < len(want) {
			w = want[i]
		}
		if i < len(got) {
			g = got[i]
		}
		if len(w) != len(g) {
			t.Fatalf("%s row %d: excelize %q, lean %q", what, i+1, w, g)
		}
		for j := range w {
			if w[j] != g[j] {
				t.Fatalf("%s row %d col %d: excelize %q, lean %q", what, i+1, j+1, w[j], g[j])
			}
		}
	}
}

func xlsxFixtures(t *testing.T) []string {
	var paths []string
	for _, pat := range []string{"testdata/*.xlsx", "../testdata/sample/*.xlsx", "../testdata/sample/lo/*.xlsx"} {
		m, err := filepath.Glob(pat)
		if err != nil {
			t.Fatal(err)
		}
		paths = append(paths, m...)
	}
	if len(paths) < 8 {
		t.Fatalf("found only %d xlsx fixtures: %q", len(paths), paths)
	}
	fresh := filepath.Join(t.TempDir(), "awkward_fresh.xlsx")
	if err := writeAwkwardWorkbook(fresh); err != nil {
		t.Fatal(err)
	}
	return append(paths, fresh)
}

// TestLeanRowsMatchExcelize reads every sheet of every xlsx fixture with
// both readers and compares them cell by cell.
func TestLeanRowsMatchExcelize(t *testing.T) {
	for _, p := range xlsxFixtures(t) {
		t.Run(filepath.Base(filepath.Dir(p))+"/"+filepath.Base(p), func(t *testing.T) {
			wb, err := openWorkbook(p)
			if err != nil {
				t.Fatal(err)
			}
			defer wb.Close()
			if wb.lean == nil || !wb.stripped {
				t.Fatalf("lean reader declined the workbook (stripped %v)", wb.stripped)
			}
			x, err := excelize.OpenFile(p)
			if err != nil {
				t.Fatal(err)
			}
			defer x.Close()
			if got := x.GetSheetList(); strings.Join(got, "|") != strings.Join(wb.sheets, "|") {
				t.Fatalf("sheets %q, excelize on the whole package %q", wb.sheets, got)
			}
			for _, sheet := range wb.sheets {
				want, err := excelizeSheetRows(t, x, sheet, 1<<20)
				if err != nil {
					t.Fatalf("excelize %s: %v", sheet, err)
				}
				lr, err := wb.lean.rows(sheet)
				if err != nil || lr == nil {
					t.Fatalf("lean %s: %v (nil: %v)", sheet, err, lr == nil)
				}
				got, err := drain(lr, 1<<20)
				lr.Close()
				if err != nil {
					t.Fatalf("lean %s: %v", sheet, err)
				}
				if len(want) == 0 && sheet != "Note" {
					t.Errorf("%s: excelize read no rows", sheet)
				}
				diffRows(t, sheet, want, got)
			}
		})
	}
}

// TestLeanRowsCraftedValues pins values of the crafted sheet, so that
// the equivalence test cannot pass by both readers agreeing on nothing.
func TestLeanRowsCraftedValues(t *testing.T) {
	p := filepath.Join(t.TempDir(), "awkward.xlsx")
	if err := writeAwkwardWorkbook(p); err != nil {
		t.Fatal(err)
	}
	wb, err := openWorkbook(p)
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	lr, err := wb.lean.rows("Crafted")
	if err != nil || lr == nil {
		t.Fatalf("lean: %v", err)
	}
	defer lr.Close()
	rows, err := drain(lr, 100)
	if err != nil {
		t.Fatal(err)
	}
	sst, _ := wb.lean.sharedStrings()
	want := map[[2]int]string{
		{1, 2}:  "Importo",
		{3, 2}:  "2",
		{3, 3}:  "1",
		{3, 4}:  "#DIV/0!",
		{4, 1}:  "1.5E-3",
		{4, 3}:  sst[0],
		{4, 4}:  sst[1],
		{8, 3}:  "a <b> & c",
		{8, 5}:  `&<>"'AB`,
		{9, 1}:  "2020-10-01T00:00:00Z",
		{9, 4}:  "line1\r\nline2\nline3\nend",
		{10, 1}: "-12.50",
		{10, 2}: "A_x0042_  end",
		{11, 2}: "lower",
		{11, 4}: "abs",
		{11, 5}: "back",
		{12, 2}: sst[2],
		{12, 3}: "no is",
	}
	if len(rows) != 12 || len(rows[6]) != 0 || len(rows[1]) != 0 || len(rows[8]) != 4 || rows[8][1] != "" {
		t.Errorf("rows = %q", rows)
	}
	for rc, v := range want {
		if r := rows[rc[0]-1]; rc[1] > len(r) || r[rc[1]-1] != v {
			t.Errorf("row %d col %d = %q, want %q (row %q)", rc[0], rc[1], r, v, r)
		}
	}
	if len(rows[9]) != 2 || len(rows[11]) != 3 || rows[11][0] != "" {
		t.Errorf("bad style cell or out-of-range shared string kept: %q %q", rows[9], rows[11])
	}
}

// TestLeanRowsRefuseZipBombPart feeds the lean reader a sheet part that
// never ends: the part size limit stops it.
func TestLeanRowsRefuseZipBombPart(t *testing.T) {
	old := unzipSizeLimit
	unzipSizeLimit = 4 << 20
	defer func() { unzipSizeLimit = old }()
	p := filepath.Join(t.TempDir(), "bomb.xlsx")
	if err := writeAwkwardWorkbook(p); err != nil {
		t.Fatal(err)
	}
	wb, err := openWorkbook(p)
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	lr, err := wb.lean.rows("Pagamenti")
	if err != nil {
		t.Fatal(err)
	}
	lr.s = newXMLScanner(&limitedPart{r: io.MultiReader(strings.NewReader("<worksheet><sheetData>"), infiniteRows{}), left: unzipSizeLimit, name: "sheet"})
	_, err = drain(lr, 1<<30)
	if err == nil || !strings.Contains(err.Error(), "zip bomb") {
		t.Fatalf("err = %v, want the size limit", err)
	}
}

type infiniteRows struct{}

func (infiniteRows) Read(b []byte) (int, error) {
	n := 0
	for n+6 <= len(b) {
		n += copy(b[n:], "<row/>")
	}
	return n, nil
}

// wellFormed reports whether encoding/xml, as excelize uses it, reads
// the whole document without a syntax error.
func wellFormed(b []byte) bool {
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return true
		}
		if err != nil {
			return false
		}
	}
}

// fuzzPackage is a workbook with shared strings whose first sheet the
// fuzz target replaces.
func fuzzPackage(f *testing.F) ([]byte, []string) {
	x := excelize.NewFile()
	for i, v := range []string{"zero", "uno & due", "_x0041_", "tre"} {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		x.SetCellValue("Sheet1", cell, v)
	}
	x.SetCellRichText("Sheet1", "B1", []excelize.RichTextRun{{Text: "ri"}, {Text: "ch", Font: &excelize.Font{Italic: true}}})
	var buf bytes.Buffer
	if err := x.Write(&buf); err != nil {
		f.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		f.Fatal(err)
	}
	p := openLean(zr, []string{"Sheet1"}, 1<<20)
	sst, err := p.sharedStrings()
	if err != nil || len(sst) != 5 {
		f.Fatalf("shared strings %q: %v", sst, err)
	}
	return buf.Bytes(), sst
}

// FuzzLeanSheetXML reads arbitrary bytes as a worksheet part: the lean
// reader must not panic or run away, and where encoding/xml finds the
// document well formed and neither reader fails, it must return
// excelize's rows.
func FuzzLeanSheetXML(f *testing.F) {
	pkg, sst := fuzzPackage(f)
	seeds := []string{
		craftedSheet,
		`<worksheet><sheetData><row r="2"><c r="B2"><v>1</v></c></row></sheetData></worksheet>`,
		`<worksheet><sheetData><row r="5"><c><v>a</v></c></row><row r="3"><c><v>b</v></c></row><row><c r="C9" t="s"><v>1</v></c></row></sheetData></worksheet>`,
		`<worksheet><sheetData><row><c t="inlineStr"><is><r><t>x</t></r><t>y</t><r><t>z</t><t>w</t></r></is></c><c><c><v>n</v></c><v>m</v></c></row></sheetData></worksheet>`,
		`<worksheet><sheetData><row r="x"><c/></row></sheetData></worksheet>`,
		`<worksheet><sheetData><row r="1048577"/></sheetData></worksheet>`,
		`<worksheet><sheetData><row><c r="ZZZZ1"><v>1</v></c></row></sheetData></worksheet>`,
		`<?xml version="1.0" encoding="ISO-8859-1"?><worksheet/>`,
		`<!DOCTYPE x [<!ENTITY e "v">]><worksheet><sheetData><row><c><v>&e;</v></c></row></sheetData></worksheet>`,
		`<worksheet><sheetData><row><c><v>1</v></c>`,
		"", "<", "<worksheet>", "<a b='>'><![CDATA[", "<!-- <row> -->",
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	const maxRows = 2000
	f.Fuzz(func(t *testing.T, data []byte) {
		lr, err := newLeanRows(bytes.NewReader(data), sst, nil)
		if err != nil {
			return // a foreign encoding: excelize reads it
		}
		got, lerr := drain(lr, maxRows)
		if !wellFormed(data) {
			return
		}
		b, err := replacePart(pkg, "xl/worksheets/sheet1.xml", data)
		if err != nil {
			t.Fatal(err)
		}
		x, err := excelize.OpenReader(bytes.NewReader(b))
		if err != nil {
			return
		}
		defer x.Close()
		want, xerr := excelizeSheetRows(t, x, "Sheet1", maxRows)
		if (xerr == nil) != (lerr == nil) {
			t.Fatalf("excelize err %v, lean err %v", xerr, lerr)
		}
		diffRows(t, "fuzz", want, got)
	})
}

// TestLeanFallsBackToExcelize reads a sheet declared in ISO-8859-1, which
// leanRows leaves to excelize: the rows come from the whole package.
func TestLeanFallsBackToExcelize(t *testing.T) {
	fresh := filepath.Join(t.TempDir(), "awkward.xlsx")
	if err := writeAwkwardWorkbook(fresh); err != nil {
		t.Fatal(err)
	}
	pkg, err := os.ReadFile(fresh)
	if err != nil {
		t.Fatal(err)
	}
	latin1 := "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><worksheet><sheetData><row r=\"2\"><c r=\"B2\" t=\"str\"><v>caf\xe9</v></c></row></sheetData></worksheet>"
	b, err := replacePart(pkg, "xl/worksheets/sheet2.xml", []byte(latin1))
	if err != nil {
		t.Fatal(err)
	}
	p := writeBytes(t, "latin1.xlsx", b)
	wb, err := openWorkbook(p)
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	if !wb.stripped || wb.lean == nil {
		t.Fatal("want a stripped package and the lean reader")
	}
	for _, sheet := range []string{"Pagamenti", "Crafted", "Pagamenti"} {
		rr, err := wb.rows(p, sheet)
		if err != nil {
			t.Fatal(err)
		}
		head, err := readHead(rr, 20)
		rr.Close()
		if err != nil {
			t.Fatal(err)
		}
		if sheet == "Crafted" {
			if _, isLean := rr.rows.(*leanRows); isLean || wb.stripped || len(head) != 2 || len(head[1].rec) != 2 || head[1].rec[1] != "café" {
				t.Fatalf("fallback rows %+v (lean %v, stripped %v)", head, isLean, wb.stripped)
			}
		} else if len(head) < 6 || head[0].rec[1] != "Importo" {
			t.Fatalf("%s rows %+v", sheet, head)
		}
	}
}
