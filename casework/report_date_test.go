package casework

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/casefile"
)

// TestInferredReportDateSaysFromWhat: without report_date the case speaks
// as of its latest dated fact, and the report says which fact that is.
func TestInferredReportDateSaysFromWhat(t *testing.T) {
	c, err := casefile.Load(filepath.Join(sampleDir, "case.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if rep := runSample(t, c).Report; rep.Params.ReportDateFrom != nil {
		t.Errorf("report date given, but marked inferred from %+v", rep.Params.ReportDateFrom)
	}
	c.ReportDate = time.Time{}
	rep := runSample(t, c).Report
	src := rep.Params.ReportDateFrom
	if src == nil || src.Ref.Path == "" || src.Ref.Row == 0 || (src.Kind != "payment" && src.Kind != "seizure") {
		t.Fatalf("inferred report date %s without its source: %+v", rep.Params.ReportDate.Format(time.DateOnly), src)
	}
	if rep.Params.ReportDate.IsZero() {
		t.Error("no report date inferred")
	}
}
