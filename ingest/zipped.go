package ingest

import (
	"archive/zip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash/maphash"
	"io"
	"path/filepath"
	"strings"
)

// A table may come zipped as published (the ECB's eurofxref-hist.zip
// holds eurofxref-hist.csv): the archive is the input, its SHA-256 is the
// one recorded, and its one text table is read from it without unpacking
// to disk.

func isZipName(path string) bool { return strings.EqualFold(filepath.Ext(path), ".zip") }

// zipTable finds the one text table in an archive.
func zipTable(path string, zr *zip.Reader) (*zip.File, error) {
	var tables, others []*zip.File
	for _, f := range zr.File {
		if f.FileInfo().IsDir() {
			continue
		}
		switch strings.ToLower(filepath.Ext(f.Name)) {
		case ".csv", ".tsv", ".txt", ".tab":
			tables = append(tables, f)
		default:
			others = append(others, f)
		}
	}
	names := func(fs []*zip.File) string {
		var n []string
		for _, f := range fs {
			n = append(n, f.Name)
		}
		return strings.Join(n, ", ")
	}
	switch {
	case len(tables) == 0 && len(others) == 0:
		return nil, fmt.Errorf("%w: %s is an empty zip archive", ErrUnreadable, path)
	case len(tables) == 0:
		return nil, fmt.Errorf("%w: %s holds no csv, tsv or txt table (it holds %s)", ErrUnreadable, path, names(others))
	case len(tables) > 1:
		return nil, fmt.Errorf("%w: %s holds %d tables (%s): unzip it and give each file", ErrUnreadable, path, len(tables), names(tables))
	}
	return tables[0], nil
}

// openZippedCSV opens the table inside a zip archive for parsing: one
// pass hashes the archive, one checks the table's text, and the parse
// reads the table again, compared with the check as for a plain file.
func openZippedCSV(path string) (f *csvFile, err error) {
	fh, st, err := openRegular(path)
	if err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			fh.Close()
		}
	}()
	h := sha256.New()
	if _, err := io.Copy(h, fh); err != nil {
		return nil, fmt.Errorf("%w: read %s: %v", ErrUnreadable, path, err)
	}
	zr, err := zip.NewReader(fh, st.Size())
	if err != nil {
		return nil, fmt.Errorf("%w: %s is not a readable zip archive: %v", ErrUnreadable, path, err)
	}
	zf, err := zipTable(path, zr)
	if err != nil {
		return nil, err
	}
	info, err := inspectZipped(path, zf)
	if err != nil {
		return nil, err
	}
	info.stamp = stampOf(st)
	rc, err := zf.Open()
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %s: %v", ErrUnreadable, path, zf.Name, err)
	}
	f = &csvFile{info: info, fh: fh, path: path, member: rc, archiveSHA: hex.EncodeToString(h.Sum(nil))}
	if f, err = startCSV(f, rc); err != nil {
		rc.Close()
		return nil, err
	}
	return f, nil
}

// inspectZipped is inspectText for a table inside an archive.
func inspectZipped(path string, zf *zip.File) (textInfo, error) {
	var info textInfo
	rc, err := zf.Open()
	if err != nil {
		return info, fmt.Errorf("%w: %s: %s: %v", ErrUnreadable, path, zf.Name, err)
	}
	defer rc.Close()
	var sum maphash.Hash
	sum.SetSeed(checkSeed)
	buf := make([]byte, 256<<10)
	var carry []byte
	var ctl controlScan
	first := true
	for {
		n, rerr := io.ReadFull(rc, buf)
		chunk := buf[:n]
		sum.Write(chunk)
		info.size += int64(n)
		last := rerr == io.EOF || rerr == io.ErrUnexpectedEOF
		if first {
			first = false
			if n == 0 {
				return info, fmt.Errorf("%w: %s: %s is empty", ErrUnreadable, path, zf.Name)
			}
			if reason := info.sniff(chunk); reason != "" {
				return info, fmt.Errorf("%w: %s: %s is not a text table (%s)", ErrUnreadable, path, zf.Name, reason)
			}
		}
		if !info.win1252 && info.utf16 == notUTF16 {
			carry, info.win1252 = validUTF8Chunk(carry, chunk, last)
		}
		if !ctl.c0 || !ctl.c1 {
			ctl.scan(chunk)
		}
		if last {
			break
		}
		if rerr != nil {
			return info, fmt.Errorf("%w: read %s: %s: %v", ErrUnreadable, path, zf.Name, rerr)
		}
	}
	if len(carry) > 0 {
		info.win1252 = true
	}
	info.controls = ctl.c0 || (!info.win1252 && ctl.c1)
	info.sum = sum.Sum64()
	return info, nil
}
