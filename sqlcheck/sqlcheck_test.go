// Package sqlcheck proves that the queries in docs/sql, run by DuckDB
// over the Parquet parts `crosscheck export` writes, give exactly the
// figures of `crosscheck run`. It is a module of its own so that the
// DuckDB driver (cgo) never reaches the crosscheck binary.
package sqlcheck

import (
	"database/sql"
	"fmt"
	"io/fs"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/casefile"
	"github.com/crosscheck/crosscheck/casework"
	"github.com/crosscheck/crosscheck/columnar"
	"github.com/crosscheck/crosscheck/ledger"
	"github.com/duckdb/duckdb-go/v2"
	"github.com/shopspring/decimal"
)

// sqlDir holds the queries under test.
const sqlDir = "../docs/sql"

// TestSampleCase: the built-in sample case, in one part and in two.
func TestSampleCase(t *testing.T) {
	dir := t.TempDir()
	sub, err := fs.Sub(crosscheck.Sample, "testdata/sample")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(dir, sub); err != nil {
		t.Fatal(err)
	}
	for _, parts := range []int{1, 2} {
		t.Run(fmt.Sprintf("%d parts", parts), func(t *testing.T) {
			checkCase(t, filepath.Join(dir, "case.yaml"), parts)
		})
	}
}

// TestGeneratedCaseInThreeParts: README's generator (without the benefit
// lists, which the export does not read) split over three machines.
func TestGeneratedCaseInThreeParts(t *testing.T) {
	dir := t.TempDir()
	cmd := exec.Command("go", "run", "./testdata/gen", "-scale", "large", "-payments", "20000", "-no-benefits", "-out", dir)
	cmd.Dir = ".."
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("generator: %v\n%s", err, out)
	}
	checkCase(t, filepath.Join(dir, "case.yaml"), 3)
}

// TestEdgeCasesInThreeParts: a case written for the duplicate rule's
// corners, its files split so that the first rows of references are in
// one part and their repeats in others.
func TestEdgeCasesInThreeParts(t *testing.T) {
	checkCase(t, "testdata/edges/case.yaml", 3)
}

// TestQueriesShareOneLedgerRule: every query that needs the ledger's
// rows defines them with the same text, so that a fix to the duplicate
// rule reaches all of them.
func TestQueriesShareOneLedgerRule(t *testing.T) {
	names, err := filepath.Glob(filepath.Join(sqlDir, "*.sql"))
	if err != nil || len(names) < 5 {
		t.Fatalf("queries: %v %v", names, err)
	}
	block := func(text string) string {
		i := strings.Index(text, "WITH read_rows AS (")
		j := strings.Index(text, "\ncounted AS (")
		if i < 0 || j < i {
			return ""
		}
		k := strings.Index(text[j:], "\n)\n")
		return text[i : j+k]
	}
	var first, firstName string
	for _, n := range names {
		b := block(readSQL(t, filepath.Base(n)))
		if b == "" {
			continue
		}
		if first == "" {
			first, firstName = b, n
			continue
		}
		if b != first {
			t.Errorf("%s defines the ledger's rows differently from %s", n, firstName)
		}
	}
	if first == "" {
		t.Fatal("no query defines the ledger's rows")
	}
}

// checkCase runs the case as `crosscheck run` does, exports it in parts,
// runs docs/sql over the parts and compares every figure.
func checkCase(t *testing.T, casePath string, parts int) {
	t.Helper()
	c, err := casefile.Load(casePath)
	if err != nil {
		t.Fatal(err)
	}
	res, err := casework.Run(c, casework.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer res.Close()
	rep := res.Report

	out := t.TempDir()
	for i := 1; i <= parts; i++ {
		part := columnar.Part{I: i, N: parts}
		w, err := columnar.NewWriter(out, part)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := casework.Export(c, casework.Options{}, part, w); err != nil {
			w.Abort()
			t.Fatalf("part %s: %v", part, err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
	}

	db := openDuckDB(t, out)

	// parts.sql: every part is there.
	row := queryRows(t, db, "parts.sql")
	if len(row) != 1 || row[0]["parts_expected"] != int64(parts) || row[0]["parts_present"] != int64(parts) {
		t.Fatalf("parts.sql: %v, want %d parts", row, parts)
	}

	// income_per_suspect.sql: every suspect's figures.
	bySuspect := map[string]map[string]any{}
	for _, r := range queryRows(t, db, "income_per_suspect.sql") {
		bySuspect[r["suspect"].(string)] = r
	}
	if len(bySuspect) != len(rep.Suspects) {
		t.Fatalf("income_per_suspect.sql: %d suspects, the run has %d", len(bySuspect), len(rep.Suspects))
	}
	withIncome := 0
	for _, st := range rep.Suspects {
		r, ok := bySuspect[st.Suspect.ID]
		if !ok {
			t.Fatalf("suspect %s missing from the SQL", st.Suspect.ID)
		}
		first, last := dateOrNil(st.First), dateOrNil(st.Last)
		want := map[string]any{
			"income_eur": cents(st.IncomeEUR), "payments": int64(st.Payments), "no_rate": int64(st.NoRate),
			"first_payment": first, "last_payment": last,
			"debits_eur": cents(st.DebitsEUR), "debits": int64(st.Debits),
		}
		for k, v := range want {
			if got := r[k]; got != v {
				t.Errorf("suspect %s %s: SQL %v, run %v", st.Suspect.ID, k, got, v)
			}
		}
		if st.Payments > 0 {
			withIncome++
		}
	}
	if withIncome == 0 {
		t.Fatal("no suspect has a payment: the comparison proves nothing")
	}

	// unattributed.sql
	u := queryRows(t, db, "unattributed.sql")
	if len(u) != 1 || u[0]["payments"] != int64(rep.UnattributedCount) || u[0]["income_eur"] != cents(rep.UnattributedEUR) {
		t.Errorf("unattributed.sql: %v, run %d payments EUR %s", u, rep.UnattributedCount, rep.UnattributedEUR.StringFixed(2))
	}

	// unattributed_by_reason.sql: the Unattributed sheet's groups.
	var wantGroups, gotGroups []string
	for _, g := range rep.Unattributed {
		wantGroups = append(wantGroups, fmt.Sprintf("%s|%s|%s|%d|%s|%d", g.Why.Reason, g.Why.Value, strings.Join(g.Why.Candidates, ", "), g.Payments, cents(g.EUR), g.NoRate))
	}
	for _, r := range queryRows(t, db, "unattributed_by_reason.sql") {
		gotGroups = append(gotGroups, fmt.Sprintf("%s|%s|%s|%d|%s|%d", str(r["reason"]), str(r["value"]), str(r["candidates"]), r["payments"], r["income_eur"], r["no_rate"]))
	}
	slices.Sort(wantGroups)
	slices.Sort(gotGroups)
	if !slices.Equal(gotGroups, wantGroups) {
		t.Errorf("unattributed_by_reason.sql:\n got %q\nwant %q", gotGroups, wantGroups)
	}

	// seized.sql
	s := queryRows(t, db, "seized.sql")
	sz := rep.Seizure
	if len(s) != 1 || s[0]["seized_eur"] != cents(sz.TotalEUR) || s[0]["target_eur"] != cents(sz.TargetEUR) ||
		s[0]["remaining_eur"] != cents(sz.RemainingEUR) || fmt.Sprintf("%.2f", s[0]["percent_of_target"]) != sz.Percent.StringFixed(2) {
		t.Errorf("seized.sql: %v, run total %s target %s remaining %s percent %s", s, sz.TotalEUR, sz.TargetEUR, sz.RemainingEUR, sz.Percent)
	}

	// summary.sql
	rejected := 0
	for _, src := range rep.Sources {
		if src.Kind == ledger.KindPayments {
			rejected += src.Rejected
		}
	}
	sum := queryRows(t, db, "summary.sql")
	wantSum := map[string]any{
		"payments": int64(rep.PaymentsTotal), "attributed": int64(rep.AttributedPayments),
		"attributed_eur": cents(rep.AttributedEUR), "no_rate": int64(rep.NoRateCount),
		"duplicates": int64(rep.DuplicateCount), "rejected": int64(rejected),
		"incoming": int64(rep.Directions[ledger.DirIncoming]), "outgoing": int64(rep.Directions[ledger.DirOutgoing]),
		"refunds": int64(rep.Directions[ledger.DirRefund]), "not_a_payment": int64(rep.Directions[ledger.DirNotPayment]),
	}
	for k, v := range wantSum {
		if got := sum[0][k]; got != v {
			t.Errorf("summary.sql %s: SQL %v, run %v", k, got, v)
		}
	}

	// duplicates.sql: the same rows, with the same status and first row,
	// as the run's Payments sheet.
	var want []string
	for e := range rep.Entries {
		if e.Status == ledger.EntryDuplicate || e.Status == ledger.EntryConflict {
			want = append(want, fmt.Sprintf("%s %s|%s|%d first %s|%s|%d", e.Status, e.Ref.Path, e.Ref.Sheet, e.Ref.Row, e.DuplicateOf.Path, e.DuplicateOf.Sheet, e.DuplicateOf.Row))
		}
	}
	var got []string
	for _, r := range queryRows(t, db, "duplicates.sql") {
		first := fmt.Sprintf("%v|%v|%v", r["first_source"], str(r["first_sheet"]), r["first_row_no"])
		if r["ledger_status"] == "conflict" && r["first_source"] == r["source"] && str(r["first_sheet"]) == str(r["sheet"]) && r["first_row_no"] == r["row_no"] {
			first = "||0" // the first row of a conflict names no earlier row
		}
		got = append(got, fmt.Sprintf("%s %s|%s|%v first %s", r["ledger_status"], r["source"], str(r["sheet"]), r["row_no"], first))
	}
	if !slices.Equal(got, want) {
		t.Errorf("duplicates.sql:\n got %q\nwant %q", got, want)
	}
	if len(want) == 0 && rep.DuplicateCount == 0 {
		t.Log("no duplicate in this case")
	}
}

func str(v any) string {
	if v == nil {
		return ""
	}
	return fmt.Sprint(v)
}

// cents formats a EUR figure the way the SQL side is compared.
func cents(d decimal.Decimal) string { return d.StringFixed(2) }

func dateOrNil(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.Format(time.DateOnly)
}

// openDuckDB defines the tables with docs/sql/duckdb/tables.sql over dir.
func openDuckDB(t *testing.T, dir string) *sql.DB {
	t.Helper()
	db, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	// One connection: the views live in the connection's catalogue.
	db.SetMaxOpenConns(1)
	text := readSQL(t, "duckdb/tables.sql")
	text = strings.ReplaceAll(text, "'ledger/", "'"+filepath.ToSlash(dir)+"/")
	if _, err := db.Exec(text); err != nil {
		t.Fatalf("duckdb/tables.sql: %v", err)
	}
	return db
}

func readSQL(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(sqlDir, name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// queryRows runs one docs/sql query and returns its rows by column
// name, with decimals as text with their scale, dates as yyyy-mm-dd.
func queryRows(t *testing.T, db *sql.DB, name string) []map[string]any {
	t.Helper()
	rows, err := db.Query(readSQL(t, name))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]any
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		m := map[string]any{}
		for i, c := range cols {
			m[c] = normalise(vals[i])
		}
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return out
}

func normalise(v any) any {
	switch x := v.(type) {
	case duckdb.Decimal:
		return decimal.NewFromBigInt(new(big.Int).Set(x.Value), -int32(x.Scale)).StringFixed(int32(x.Scale))
	case time.Time:
		return x.Format(time.DateOnly)
	case int32:
		return int64(x)
	case *big.Int:
		return x.Int64()
	}
	return v
}
