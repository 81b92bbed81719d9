package dossier

import (
	"os"
	"testing"

	"github.com/crosscheck/crosscheck/casefile"
	"github.com/crosscheck/crosscheck/casework"
)

// BenchmarkDossiersLarge writes every suspect's dossier of README's large
// case (2,000 suspects, 1M payments): the report is computed once, then
// each iteration builds the dossiers from it (one read of the spooled
// payments) and writes the PDFs on all cores.
//
//	CROSSCHECK_LARGE_CASE=/tmp/large1m/case.yaml go test -run '^$' -bench DossiersLarge -benchtime 1x ./dossier
func BenchmarkDossiersLarge(b *testing.B) {
	path := os.Getenv("CROSSCHECK_LARGE_CASE")
	if path == "" {
		b.Skip("set CROSSCHECK_LARGE_CASE to the large case's case.yaml (go run ./testdata/gen -scale large)")
	}
	c, err := casefile.Load(path)
	if err != nil {
		b.Fatal(err)
	}
	res, err := casework.Run(c, casework.Options{Version: "bench", TempDir: b.TempDir()})
	if err != nil {
		b.Fatal(err)
	}
	defer res.Close()
	out := b.TempDir()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		set, err := Build(res.Report)
		if err != nil {
			b.Fatal(err)
		}
		paths, err := WriteAll(out, set, set.IDs(), Options{Lang: "it"})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(len(paths)), "dossiers/op")
	}
}

// BenchmarkDossierSample renders one flagged dossier of the sample.
func BenchmarkDossierSample(b *testing.B) {
	_, set := sample(b)
	d, _ := set.Get(set.Flagged()[0])
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := Write(discard{}, d, Options{Lang: "it"}); err != nil {
			b.Fatal(err)
		}
	}
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
