package ingest

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"strings"
	"sync"
)

// leanPackage gives leanRows the two parts it needs from an xlsx package
// that excelize has already opened and checked: the shared strings and
// the worksheet parts, read with archive/zip. Whatever it cannot resolve
// the way excelize does is left to excelize.
type leanPackage struct {
	parts  map[string]*zip.File // part names as excelize stores them
	sheets map[string]string    // sheet name -> worksheet part
	limit  int64                // the largest part kept in memory

	sstOnce sync.Once
	sst     []string
	sstErr  error
}

const (
	relOfficeDocument       = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
	relNamespace            = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	strictRelNamespace      = "http://purl.oclc.org/ooxml/officeDocument/relationships"
	sharedStringsPart       = "xl/sharedStrings.xml"
	maxWorkbookPartForLean  = 64 << 20
	packageRelationshipPart = "_rels/.rels"
)

// openLean maps the sheets to their parts; nil means "use excelize": the
// sheet list it finds differs from excelize's, or the shared strings are
// larger than excelize keeps in memory (excelize then reads them from a
// temporary file with different error handling).
func openLean(zr *zip.Reader, sheets []string, xmlLimit int64) *leanPackage {
	p := &leanPackage{parts: map[string]*zip.File{}, sheets: map[string]string{}, limit: xmlLimit}
	for _, zf := range zr.File {
		name := strings.ReplaceAll(zf.Name, "\\", "/")
		switch strings.ToLower(name) {
		case "xl/sharedstrings.xml":
			name = sharedStringsPart
		case "[content_types].xml":
			name = "[Content_Types].xml"
		}
		p.parts[name] = zf // a later duplicate wins, as in excelize
	}
	if zf, ok := p.parts[sharedStringsPart]; ok && zf.UncompressedSize64 > uint64(xmlLimit) {
		return nil
	}
	names, err := p.mapSheets()
	if err != nil || len(names) != len(sheets) {
		return nil
	}
	for i := range names {
		if names[i] != sheets[i] {
			return nil
		}
	}
	return p
}

// readPart reads a small XML part whole, refusing one above the limit.
func (p *leanPackage) readPart(name string) ([]byte, error) {
	zf, ok := p.parts[name]
	if !ok {
		return nil, nil
	}
	if zf.UncompressedSize64 > maxWorkbookPartForLean {
		return nil, fmt.Errorf("%s is larger than %d bytes", name, maxWorkbookPartForLean)
	}
	rc, err := zf.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, maxWorkbookPartForLean+1))
	if err != nil {
		return nil, err
	}
	if len(b) > maxWorkbookPartForLean {
		return nil, fmt.Errorf("%s is larger than %d bytes", name, maxWorkbookPartForLean)
	}
	return bytes.ReplaceAll(b, []byte(strictRelNamespace), []byte(relNamespace)), nil
}

type xmlRelationships struct {
	Relationships []struct {
		ID     string `xml:"Id,attr"`
		Target string `xml:"Target,attr"`
		Type   string `xml:"Type,attr"`
	} `xml:"Relationship"`
}

type xmlWorkbookSheets struct {
	Sheets struct {
		Sheet []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheet"`
	} `xml:"sheets"`
}

func (p *leanPackage) decodePart(name string, v any) error {
	b, err := p.readPart(name)
	if err != nil {
		return err
	}
	if err := xml.Unmarshal(b, v); err != nil && err != io.EOF {
		return fmt.Errorf("%s: %v", name, err)
	}
	return nil
}

// mapSheets resolves each sheet's part as excelize's getSheetMap does
// (workbook path from _rels/.rels, its relationships, the sheet's r:id)
// and returns the sheet names in workbook order.
func (p *leanPackage) mapSheets() ([]string, error) {
	var pkgRels xmlRelationships
	if err := p.decodePart(packageRelationshipPart, &pkgRels); err != nil {
		return nil, err
	}
	wbPath := ""
	for _, r := range pkgRels.Relationships {
		if r.Type == relOfficeDocument {
			wbPath = strings.TrimPrefix(r.Target, "/")
			break
		}
	}
	relsPath := "_rels/" + path.Base(wbPath) + ".rels"
	if dir := path.Dir(wbPath); dir != "." {
		relsPath = strings.TrimPrefix(dir+"/_rels/"+path.Base(wbPath)+".rels", "/")
	}
	var wb xmlWorkbookSheets
	if err := p.decodePart(wbPath, &wb); err != nil {
		return nil, err
	}
	var rels xmlRelationships
	if err := p.decodePart(relsPath, &rels); err != nil {
		return nil, err
	}
	var names []string
	for _, sh := range wb.Sheets.Sheet {
		names = append(names, sh.Name)
		for _, r := range rels.Relationships {
			if r.ID != sh.ID {
				continue
			}
			part := worksheetPath(wbPath, r.Target)
			if _, ok := p.parts[part]; ok {
				p.sheets[sh.Name] = part
			}
		}
	}
	return names, nil
}

// worksheetPath is excelize's getWorksheetPath.
func worksheetPath(wbPath, target string) string {
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(path.Clean(strings.ReplaceAll(target, "\\", "/")), "/")
	}
	return strings.TrimPrefix(path.Clean(strings.ReplaceAll(path.Dir(wbPath)+"/"+target, "\\", "/")), "/")
}

// sharedStrings parses the shared strings once per workbook.
func (p *leanPackage) sharedStrings() ([]string, error) {
	p.sstOnce.Do(func() {
		zf, ok := p.parts[sharedStringsPart]
		if !ok {
			return
		}
		rc, err := zf.Open()
		if err != nil {
			p.sstErr = err
			return
		}
		defer rc.Close()
		p.sst, p.sstErr = readSharedStrings(&limitedPart{r: rc, left: p.limit, name: sharedStringsPart})
		if p.sstErr != nil {
			p.sstErr = fmt.Errorf("%s: %w", sharedStringsPart, p.sstErr)
		}
	})
	return p.sst, p.sstErr
}

// rows opens the lean reader on a sheet; nil, nil means "use excelize".
func (p *leanPackage) rows(sheet string) (*leanRows, error) {
	part, ok := p.sheets[sheet]
	if !ok {
		return nil, nil
	}
	sst, err := p.sharedStrings()
	if err != nil {
		return nil, err
	}
	rc, err := p.parts[part].Open()
	if err != nil {
		return nil, err
	}
	lr, err := newLeanRows(&limitedPart{r: rc, left: unzipSizeLimit, name: part}, sst, rc)
	if err != nil {
		rc.Close()
		return nil, nil // an encoding excelize converts: let it
	}
	return lr, nil
}

// limitedPart fails a read past the part's size limit, so that a part
// whose header lies about its size cannot inflate without bound.
type limitedPart struct {
	r    io.Reader
	left int64
	name string
}

func (l *limitedPart) Read(b []byte) (int, error) {
	if l.left <= 0 {
		var one [1]byte
		if n, err := l.r.Read(one[:]); n == 0 && err != nil {
			return 0, err
		}
		return 0, fmt.Errorf("%s expands to more than the size limit (zip bomb?)", l.name)
	}
	if int64(len(b)) > l.left {
		b = b[:l.left]
	}
	n, err := l.r.Read(b)
	l.left -= int64(n)
	return n, err
}
