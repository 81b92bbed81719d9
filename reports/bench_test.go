package reports

import (
	"path/filepath"
	"runtime"
	"testing"
	"time"
)

// benchRows is the number of payment rows the benchmark writes.
var benchRows = 1_000_000

// BenchmarkWriteWorkbookPayments streams one million generated payment
// rows (never held in a slice) through the Payments and Unattributed
// sheets.
func BenchmarkWriteWorkbookPayments(b *testing.B) {
	n := benchRows
	dir := b.TempDir()
	var peak uint64
	done := make(chan struct{})
	go func() {
		var ms runtime.MemStats
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				runtime.ReadMemStats(&ms)
				peak = max(peak, ms.HeapAlloc)
			}
		}
	}()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r := testReport("en")
		r.Entries = manyEntries(n)
		if err := WriteWorkbook(filepath.Join(dir, "bench.xlsx"), r); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	close(done)
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
}
