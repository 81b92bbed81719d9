package columnar

import (
	"flag"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"
)

var update = flag.Bool("update", false, "rewrite docs/sql/trino/tables.sql from the files' schema")

const trinoTables = "../docs/sql/trino/tables.sql"

// trinoType is the Trino type of a column written by this package.
func trinoType(f parquet.Field) (string, error) {
	s := f.Type().String()
	switch {
	case s == "STRING":
		return "varchar", nil
	case s == "DATE":
		return "date", nil
	case s == "BOOLEAN":
		return "boolean", nil
	case s == "INT(32,true)":
		return "integer", nil
	case s == "INT(64,true)":
		return "bigint", nil
	}
	if m := regexp.MustCompile(`^DECIMAL\((\d+),(\d+)\)$`).FindStringSubmatch(s); m != nil {
		return fmt.Sprintf("decimal(%s, %s)", m[1], m[2]), nil
	}
	return "", fmt.Errorf("column %s: no Trino type for %s", f.Name(), s)
}

// TestTrinoTablesMatchTheFiles: Trino's Hive connector needs every
// column declared; docs/sql/trino/tables.sql is written from the schema
// of the files (go test ./columnar -update), so the two cannot drift.
func TestTrinoTablesMatchTheFiles(t *testing.T) {
	var b strings.Builder
	b.WriteString(`-- Trino (Hive connector, on HDFS or object storage): one folder per table
-- holding that table's files, the parts' payments-I-of-N.parquet side by
-- side in payments/:
--   .../storm/payments/   .../storm/suspects/   .../storm/assets/   .../storm/case_info/
-- Written from the files' schema by go test ./columnar -update; do not edit.
CREATE SCHEMA IF NOT EXISTS hive.storm WITH (location = 's3a://bucket/cases/storm/');
USE hive.storm;
`)
	for _, tb := range []struct {
		name  string
		model any
	}{{"payments", paymentRecord{}}, {"suspects", suspectRecord{}}, {"assets", assetRecord{}}, {"case_info", caseRecord{}}} {
		fmt.Fprintf(&b, "\nCREATE TABLE %s (\n", tb.name)
		fields := parquet.SchemaOf(tb.model).Fields()
		for i, f := range fields {
			typ, err := trinoType(f)
			if err != nil {
				t.Fatal(err)
			}
			sep := ","
			if i == len(fields)-1 {
				sep = ""
			}
			fmt.Fprintf(&b, "  %s %s%s\n", f.Name(), typ, sep)
		}
		fmt.Fprintf(&b, ") WITH (external_location = 's3a://bucket/cases/storm/%s/', format = 'PARQUET');\n", tb.name)
	}
	want := b.String()
	if *update {
		if err := os.WriteFile(trinoTables, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(trinoTables)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Fatalf("%s differs from the files' schema: run go test ./columnar -update and review the diff", trinoTables)
	}
}
