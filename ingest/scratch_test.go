package ingest

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

// excelize unzips a workbook's parts above a limit to files it reopens by
// name. Those hold the workbook's text (payer names, accounts): they must
// be in a folder only this user can enter, and gone when the workbook is
// closed.
func TestLargeWorkbookPartsStayPrivate(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	old := unzipXMLSizeLimit
	unzipXMLSizeLimit = 64 // every part is "large"
	defer func() { unzipXMLSizeLimit = old }()

	f := excelize.NewFile()
	for i := range 50 {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetCellValue("Sheet1", cell, fmt.Sprintf("ROSSI MARIO %d", i))
	}
	path := filepath.Join(t.TempDir(), "big.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	f.Close()

	wb, err := openWorkbook(path)
	if err != nil {
		t.Fatal(err)
	}
	r, err := wb.rows(path, "Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for {
		if _, _, err := r.next(); err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		n++
	}
	if n != 50 {
		t.Errorf("read %d rows, want 50", n)
	}
	// While the workbook is open: only private folders in TMPDIR, and
	// excelize's files inside them.
	files := 0
	filepath.WalkDir(tmp, func(p string, d fs.DirEntry, err error) error {
		if err != nil || p == tmp {
			return err
		}
		info, _ := d.Info()
		switch {
		case d.IsDir() && filepath.Dir(p) == tmp:
			if info.Mode().Perm() != 0o700 {
				t.Errorf("%s is %v, want 0700", p, info.Mode().Perm())
			}
		case filepath.Dir(p) == tmp:
			t.Errorf("scratch file %s directly in TMPDIR", d.Name())
		default:
			files++
		}
		return nil
	})
	if files == 0 {
		t.Fatal("excelize wrote no scratch file: the test tests nothing")
	}
	r.Close()
	if err := wb.Close(); err != nil {
		t.Fatal(err)
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("TMPDIR holds %v after Close", left)
	}
}
