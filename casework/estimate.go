package casework

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// estimateSample is how much of each text file estimateFileRows reads.
const estimateSample = 64 << 10

// reserveFor is how many references to make room for when the files
// with references hold about rows rows. It errs low (4/5; duplicates
// across files do not count twice): a short guess leaves some growth, a
// long one would keep memory no payment needs.
func reserveFor(rows int) int { return rows / 5 * 4 }

// estimateFileRows guesses a text file's rows from its size and the
// length of the lines at its start (buf holds the sample), so that the
// duplicate table can be sized once instead of growing in steps.
// Workbooks and unreadable files count 0: reading them properly is the
// ingest's job.
func estimateFileRows(path string, buf []byte) int {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx", ".xlsm":
		return 0
	}
	if strings.Contains(path, ".xlsx#") || strings.Contains(path, ".xlsm#") {
		return 0
	}
	fh, err := os.Open(path)
	if err != nil {
		return 0
	}
	defer fh.Close()
	st, err := fh.Stat()
	if err != nil || !st.Mode().IsRegular() {
		return 0
	}
	n, err := io.ReadFull(fh, buf)
	if err != nil && err != io.ErrUnexpectedEOF {
		return 0
	}
	sample := buf[:n]
	if bytes.HasPrefix(sample, []byte("PK\x03\x04")) || bytes.IndexByte(sample, 0) >= 0 {
		return 0
	}
	lines := bytes.Count(sample, []byte("\n"))
	if lines == 0 {
		return 0
	}
	return int(st.Size() / int64(n/lines))
}
