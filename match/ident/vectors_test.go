package ident

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// The shared test vectors are copied into testdata/vectors so the tests
// never depend on a folder outside the repository; sharedVectors is where
// they come from, checked when present.
const (
	vectorDir     = "testdata/vectors"
	sharedVectors = "../../../shared/vectors"
)

var vectorFiles = []string{
	"codice_fiscale_valid.csv", "codice_fiscale_invalid.csv", "codice_fiscale_encode.csv",
	"codice_fiscale_omocodia_family.json", "iban_vectors.csv", "iban_country_formats.csv",
	"crypto_addresses.csv", "bech32_bip173_bip350.json", "base58_encode_decode.csv",
}

// readVectorCSV reads a vector file as one map per row, keyed by header.
func readVectorCSV(t *testing.T, name string) []map[string]string {
	t.Helper()
	f, err := os.Open(filepath.Join(vectorDir, name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if len(recs) < 2 {
		t.Fatalf("%s: no rows", name)
	}
	rows := make([]map[string]string, 0, len(recs)-1)
	for _, r := range recs[1:] {
		m := make(map[string]string, len(r))
		for i, h := range recs[0] {
			m[h] = r[i]
		}
		rows = append(rows, m)
	}
	return rows
}

func readVectorJSON(t *testing.T, name string, v any) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(vectorDir, name))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

// TestVectorCopiesMatchShared keeps testdata/vectors in step with the
// shared vectors when the shared folder sits beside the repository.
func TestVectorCopiesMatchShared(t *testing.T) {
	if _, err := os.Stat(sharedVectors); err != nil {
		t.Skip("shared vectors not beside the repository")
	}
	for _, name := range vectorFiles {
		ours, err := os.ReadFile(filepath.Join(vectorDir, name))
		if err != nil {
			t.Fatal(err)
		}
		theirs, err := os.ReadFile(filepath.Join(sharedVectors, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(ours, theirs) {
			t.Errorf("%s differs from %s: copy it again", name, sharedVectors)
		}
	}
}
