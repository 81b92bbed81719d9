package casework_test

import (
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/casefile"
	"github.com/crosscheck/crosscheck/casework"
	"github.com/crosscheck/crosscheck/columnar"
	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/reports"
)

// BenchmarkRunLarge runs a whole large case as crosscheck run does: read,
// compute, then the workbook and the JSON. The case is generated, not
// committed:
//
//	go run ./testdata/gen -scale large -out /tmp/large1m
//	CROSSCHECK_LARGE_CASE=/tmp/large1m/case.yaml go test -run '^$' -bench BenchmarkRunLarge -benchtime 1x ./casework
//
// It reports wall seconds, payment rows per second and the peak heap
// (sampled every 50 ms) and the memory taken from the OS at the end.
func BenchmarkRunLarge(b *testing.B) {
	path := largeCase(b)
	out := b.TempDir()
	var rows int
	peak := startPeakSampler(50 * time.Millisecond)
	b.ResetTimer()
	start := time.Now()
	for i := 0; i < b.N; i++ {
		rows = runLargeOnce(b, path, out, false)
	}
	wall := time.Since(start).Seconds() / float64(b.N)
	b.StopTimer()
	heap, sys := peak()
	b.ReportMetric(wall, "wall-s")
	b.ReportMetric(float64(rows)/wall, "payments/s")
	b.ReportMetric(float64(heap)/(1<<20), "peak-heap-MB")
	b.ReportMetric(float64(sys)/(1<<20), "sys-MB")
}

// BenchmarkRunPayments is the ledger's whole run on the same large case
// without the benefit lists, households, assets and workbook: suspects,
// identifiers, rates and every payment file, then the JSON document, as
// crosscheck run --json does without -o. It is the figure behind the
// 700,000 payments/s aim:
//
//	CROSSCHECK_LARGE_CASE=/tmp/large1m/case.yaml go test -run '^$' -bench BenchmarkRunPayments -benchtime 3x ./casework
func BenchmarkRunPayments(b *testing.B) {
	path := largeCase(b)
	out := b.TempDir()
	var rows int
	b.ResetTimer()
	start := time.Now()
	for i := 0; i < b.N; i++ {
		rows = runLargeOnce(b, path, out, true)
	}
	wall := time.Since(start).Seconds() / float64(b.N)
	b.ReportMetric(wall, "wall-s")
	b.ReportMetric(float64(rows)/wall, "payments/s")
}

// largeCase is the case file named by CROSSCHECK_LARGE_CASE; without it
// the benchmark is skipped.
func largeCase(b *testing.B) string {
	path := os.Getenv("CROSSCHECK_LARGE_CASE")
	if path == "" {
		b.Skip("CROSSCHECK_LARGE_CASE is not set: generate a case with go run ./testdata/gen -scale large -out DIR and point it at DIR/case.yaml")
	}
	return path
}

// runLargeOnce computes the case and writes its outputs, returning the
// number of payment rows read. ledgerOnly leaves out the benefit,
// household and asset inputs and the workbook.
func runLargeOnce(b *testing.B, path, out string, ledgerOnly bool) int {
	c, err := casefile.Load(path)
	if err != nil {
		b.Fatal(err)
	}
	if ledgerOnly {
		for _, k := range []ledger.Kind{ledger.KindBenefits, ledger.KindHousehold, ledger.KindAssets} {
			delete(c.Inputs, k)
		}
	}
	res, err := casework.Run(c, casework.Options{Version: "bench", TempDir: out, NoPaymentRows: ledgerOnly})
	if err != nil {
		b.Fatal(err)
	}
	defer res.Close()
	if !ledgerOnly {
		if err := reports.WriteWorkbook(filepath.Join(out, "report.xlsx"), res.Report); err != nil {
			b.Fatal(err)
		}
	}
	f, err := os.Create(filepath.Join(out, "report.json"))
	if err != nil {
		b.Fatal(err)
	}
	if err := reports.WriteJSON(f, res.Report); err != nil {
		f.Close()
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	if err := res.Err(); err != nil {
		b.Fatal(err)
	}
	rows := 0
	for _, s := range res.Report.Sources {
		if s.Kind == ledger.KindPayments {
			rows += s.Rows
		}
	}
	return rows
}

// startPeakSampler reads the heap in use every interval until the
// returned function is called; that returns the highest value seen and
// the bytes obtained from the OS (Sys) at the end.
func startPeakSampler(interval time.Duration) func() (heap, sys uint64) {
	var (
		mu   sync.Mutex
		peak uint64
		done = make(chan struct{})
		wg   sync.WaitGroup
	)
	sample := func() {
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		mu.Lock()
		if m.HeapInuse > peak {
			peak = m.HeapInuse
		}
		mu.Unlock()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				sample()
			}
		}
	}()
	return func() (uint64, uint64) {
		close(done)
		wg.Wait()
		sample()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		mu.Lock()
		defer mu.Unlock()
		return peak, m.Sys
	}
}

// BenchmarkExportLarge is crosscheck export --format parquet on the large
// case, one part of one: every payment row converted, attributed and
// written as Parquet, with the suspects and valued seizures.
//
//	CROSSCHECK_LARGE_CASE=/tmp/large1m/case.yaml go test -run '^$' -bench BenchmarkExportLarge -benchtime 1x ./casework
func BenchmarkExportLarge(b *testing.B) {
	path := largeCase(b)
	c, err := casefile.Load(path)
	if err != nil {
		b.Fatal(err)
	}
	out := b.TempDir()
	var rows int
	b.ResetTimer()
	start := time.Now()
	for i := 0; i < b.N; i++ {
		w, err := columnar.NewWriter(out, columnar.Part{I: 1, N: 1})
		if err != nil {
			b.Fatal(err)
		}
		res, err := casework.Export(c, casework.Options{Version: "bench", TempDir: out}, columnar.Part{I: 1, N: 1}, w)
		if err != nil {
			b.Fatal(err)
		}
		if err := w.Close(); err != nil {
			b.Fatal(err)
		}
		rows = res.Rows
	}
	wall := time.Since(start).Seconds() / float64(b.N)
	b.ReportMetric(wall, "wall-s")
	b.ReportMetric(float64(rows)/wall, "rows/s")
}
