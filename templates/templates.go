// Package templates writes crosscheck's input templates: an empty xlsx
// form per table kind, its columns the fields ingest reads, under their
// canonical headers (ingest.FormFields), so that a filled-in template is
// read back as it was meant.
package templates

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/crosscheck/crosscheck/ingest"
	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/msg"
	"github.com/crosscheck/crosscheck/outfile"
	"github.com/xuri/excelize/v2"
)

// templateRows is how far below the header the validations reach.
const templateRows = 10000

// Date formats of the date columns, as the report writes dates.
const (
	dateFmtIT = `dd/mm/yyyy`
	dateFmtEN = `yyyy-mm-dd`
)

// templateFileIT is each template's file name in Italian, as an Italian
// office names these lists.
var templateFileIT = map[ledger.Kind]string{
	ledger.KindSuspects: "indagati", ledger.KindIdentifiers: "identificativi", ledger.KindPayments: "pagamenti",
	ledger.KindAssets: "sequestri", ledger.KindBenefits: "prestazioni", ledger.KindHousehold: "nuclei", ledger.KindRates: "cambi",
}

// FileName is the file name of kind's input template in lang.
func FileName(kind ledger.Kind, lang string) string {
	if name := templateFileIT[kind]; lang == "it" && name != "" {
		return name + ".xlsx"
	}
	return string(kind) + ".xlsx"
}

// Kinds lists the table kinds with a template, in the order written.
var Kinds = []ledger.Kind{ledger.KindSuspects, ledger.KindIdentifiers, ledger.KindPayments, ledger.KindAssets,
	ledger.KindBenefits, ledger.KindHousehold, ledger.KindRates}

// Write writes one empty xlsx input template per table kind into
// dir, with headers in Italian (lang "it") or English, dropdown lists,
// date and decimal validation below the header and a help text on each
// header cell. It returns the paths written.
func Write(dir, lang string) ([]string, error) {
	it := lang == "it"
	var paths []string
	for _, k := range Kinds {
		path := filepath.Join(dir, FileName(k, lang))
		if err := writeTemplate(path, string(k), ingest.FormFields(k), it); err != nil {
			return paths, err
		}
		paths = append(paths, path)
	}
	return paths, nil
}

func writeTemplate(path, sheet string, cols []ingest.Field, it bool) error {
	f := excelize.NewFile()
	defer f.Close()
	if it {
		sheet = msg.Label(sheet, msg.IT)
	}
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return fmt.Errorf("template %s: %w", path, err)
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}})
	if err != nil {
		return fmt.Errorf("template %s: %w", path, err)
	}
	dateFmt := dateFmtEN
	if it {
		dateFmt = dateFmtIT
	}
	dateStyle, err := f.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt})
	if err != nil {
		return fmt.Errorf("template %s: %w", path, err)
	}
	for i, c := range cols {
		if err := templateColumn(f, sheet, i+1, c, it, bold, dateStyle); err != nil {
			return fmt.Errorf("template %s column %q: %w", path, c.Name, err)
		}
	}
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return fmt.Errorf("template %s: %w", path, err)
	}
	// Templates are empty forms, shared like any document (0644).
	// excelize chooses the content types by the file's extension.
	f.Path = path
	if err := outfile.WriteFile(path, outfile.Public, func(w io.Writer) error {
		_, err := f.WriteTo(w)
		return err
	}); err != nil {
		return fmt.Errorf("save template %s: %w", path, err)
	}
	return nil
}

func templateColumn(f *excelize.File, sheet string, col int, c ingest.Field, it bool, bold, dateStyle int) error {
	name, err := excelize.ColumnNumberToName(col)
	if err != nil {
		return err
	}
	header, help, list := c.Header(msg.EN), c.Form.HelpEN, c.Form.ListEN
	if it {
		header, help, list = c.Header(msg.IT), c.Form.HelpIT, c.Form.ListIT
	}
	cell := name + "1"
	if err := f.SetCellStr(sheet, cell, header); err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, cell, cell, bold); err != nil {
		return err
	}
	if err := f.SetColWidth(sheet, name, name, float64(min(max(len([]rune(header))+4, 14), 40))); err != nil {
		return err
	}
	// The help text shows when the header cell is selected.
	hv := excelize.NewDataValidation(true)
	hv.Sqref = cell
	hv.SetInput(truncate(header, 32), truncate(help, 255))
	if err := f.AddDataValidation(sheet, hv); err != nil {
		return err
	}
	body := fmt.Sprintf("%s2:%s%d", name, name, templateRows+1)
	dv := excelize.NewDataValidation(true)
	dv.Sqref = body
	switch c.Form.Value {
	case ingest.FormDate:
		// Serial 1 is 1900-01-01, 2958465 is 9999-12-31.
		if err := dv.SetRange(1, 2958465, excelize.DataValidationTypeDate, excelize.DataValidationOperatorBetween); err != nil {
			return err
		}
		if err := f.SetColStyle(sheet, name, dateStyle); err != nil {
			return err
		}
	case ingest.FormDecimal:
		if err := dv.SetRange(-1e15, 1e15, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween); err != nil {
			return err
		}
	case ingest.FormList:
		if err := dv.SetDropList(list); err != nil {
			return err
		}
	default:
		return nil
	}
	dv.SetInput(truncate(header, 32), truncate(help, 255))
	if it {
		dv.SetError(excelize.DataValidationErrorStyleStop, "Valore non valido", help)
	} else {
		dv.SetError(excelize.DataValidationErrorStyleStop, "Invalid value", help)
	}
	return f.AddDataValidation(sheet, dv)
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n]))
}
