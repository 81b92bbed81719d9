package casework

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/casefile"
	"github.com/crosscheck/crosscheck/casefile/initcase"
)

// TestInitCaseGivesSameResultsAsHandWritten: init on the sample's files,
// then run with the case file init wrote, gives the per-suspect results of
// the hand-written case file.
func TestInitCaseGivesSameResultsAsHandWritten(t *testing.T) {
	dir := t.TempDir()
	files, _ := filepath.Glob(filepath.Join(sampleDir, "*"))
	for _, f := range files {
		ext := filepath.Ext(f)
		if ext != ".csv" && ext != ".xlsx" {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, filepath.Base(f)), data, 0o644)
	}
	res, err := initcase.Scan(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Unclassified) > 0 {
		t.Errorf("unclassified: %+v", res.Unclassified)
	}
	var buf bytes.Buffer
	if err := initcase.WriteCaseFile(&buf, "sample", res); err != nil {
		t.Fatal(err)
	}
	casePath := filepath.Join(dir, "case.yaml")
	os.WriteFile(casePath, buf.Bytes(), 0o644)
	if !strings.Contains(buf.String(), "indagato S01: le righe del titolo indicano l'intestatario") {
		t.Errorf("init did not explain the bank statement's holder:\n%s", buf.String())
	}
	if !strings.Contains(buf.String(), "indagato S06: le righe del titolo indicano la carta") {
		t.Errorf("init did not explain the card statement's holder:\n%s", buf.String())
	}

	fromInit, err := casefile.Load(casePath)
	if err != nil {
		t.Fatalf("init wrote a case file that does not load: %v\n%s", err, buf.String())
	}
	hand, err := casefile.Load(filepath.Join(sampleDir, "case.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	a, b := runSample(t, hand).Report, runSample(t, fromInit).Report
	if ka, kb := totalsKey(a.Suspects), totalsKey(b.Suspects); ka != kb {
		t.Errorf("per-suspect results differ:\nhand-written %s\ninit         %s", ka, kb)
	}
	if len(a.Flags) != len(b.Flags) {
		t.Errorf("flags: hand-written %d, init %d", len(a.Flags), len(b.Flags))
	}
	if !a.Seizure.TotalEUR.Equal(b.Seizure.TotalEUR) {
		t.Errorf("seized: hand-written %s, init %s", a.Seizure.TotalEUR, b.Seizure.TotalEUR)
	}
}

// TestInitOnRealExportsRuns: init on a folder of real export layouts (every
// built-in profile's fixture), a suspects list and rate files writes a case
// file that loads and runs as validate runs it: every export classified as
// payments and read, no table left out.
func TestInitOnRealExportsRuns(t *testing.T) {
	dir := t.TempDir()
	fixtures, err := filepath.Glob(filepath.Join("..", "ingest", "testdata", "profiles", "*"))
	if err != nil {
		t.Fatal(err)
	}
	exports := map[string]bool{}
	for _, f := range fixtures {
		if strings.HasSuffix(f, ".golden") {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		exports[filepath.Base(f)] = true
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(f)), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	ecb, crypto := profileRates()
	for name, text := range map[string]string{"indagati.csv": profileSuspects, "eurofxref-hist.csv": ecb, "prezzi_crypto.csv": crypto} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	res, err := initcase.Scan(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range res.Unclassified {
		t.Errorf("not classified: %s: %s", e.Name(), e.Reason)
	}
	for _, e := range res.Entries {
		if exports[e.Path] && e.Kind != "payments" {
			t.Errorf("%s classified as %s, want payments", e.Name(), e.Kind)
		}
	}
	var buf bytes.Buffer
	if err := initcase.WriteCaseFile(&buf, res.ProposeName(), res); err != nil {
		t.Fatal(err)
	}
	casePath := filepath.Join(dir, "case.yaml")
	if err := os.WriteFile(casePath, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := casefile.Load(casePath)
	if err != nil {
		t.Fatalf("init wrote a case file that does not load: %v\n%s", err, buf.String())
	}
	run := runSample(t, c, Options{Version: "test", NoPaymentRows: true})
	read := map[string]int{}
	for _, s := range run.Report.Sources {
		read[filepath.Base(s.Path)] += s.Accepted
	}
	for name := range exports {
		if read[name] == 0 {
			t.Errorf("%s: no row accepted (sources %v)\n%s", name, read, buf.String())
		}
	}
	if len(run.Report.Suspects) != 3 {
		t.Errorf("%d suspects, want 3", len(run.Report.Suspects))
	}
}
