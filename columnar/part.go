// Package columnar writes a case's normalised ledger as Parquet files for
// a SQL engine (DuckDB, Spark SQL, Trino): every payment row of one part
// of the payment files, before duplicate detection, converted and
// attributed as the run does, and the suspects, seized assets and case
// parameters every part shares. The queries in docs/sql finish the job
// over all parts: duplicates, income per suspect, unattributed and
// seized totals.
package columnar

import (
	"fmt"
	"strconv"
	"strings"
)

// Part is part I of N of a case's payment files (1-based).
type Part struct{ I, N int }

// ParsePart reads "I/N" with 1 <= I <= N.
func ParsePart(s string) (Part, error) {
	i, n, ok := strings.Cut(strings.TrimSpace(s), "/")
	p := Part{}
	var err1, err2 error
	p.I, err1 = strconv.Atoi(strings.TrimSpace(i))
	p.N, err2 = strconv.Atoi(strings.TrimSpace(n))
	if !ok || err1 != nil || err2 != nil || p.N < 1 || p.I < 1 || p.I > p.N {
		return Part{}, fmt.Errorf("part %q: want I/N with 1 <= I <= N, for example 2/3", s)
	}
	return p, nil
}

func (p Part) String() string { return fmt.Sprintf("%d/%d", p.I, p.N) }

// PaymentsFile is the name of the part's payments file.
func (p Part) PaymentsFile() string { return fmt.Sprintf("payments-%d-of-%d.parquet", p.I, p.N) }

// The files every part writes alike.
const (
	SuspectsFile = "suspects.parquet"
	AssetsFile   = "assets.parquet"
	CaseFile     = "case.parquet"
)
