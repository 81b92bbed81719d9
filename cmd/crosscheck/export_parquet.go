package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/crosscheck/crosscheck/casefile"
	"github.com/crosscheck/crosscheck/casework"
	"github.com/crosscheck/crosscheck/columnar"
	"github.com/crosscheck/crosscheck/ingest"
)

func init() {
	registerExportFormat(exportFormat{
		name: "parquet", dir: true,
		// The reference files are the same bytes in every part: parts
		// running at once on a shared folder lock only their own file.
		files: func(out string, part columnar.Part) (own, shared []string) {
			return []string{filepath.Join(out, part.PaymentsFile())},
				[]string{filepath.Join(out, columnar.SuspectsFile), filepath.Join(out, columnar.AssetsFile), filepath.Join(out, columnar.CaseFile)}
		},
		help:   "a directory with payments-I-of-N.parquet (every payment row of the part, before duplicate detection), suspects, assets and case .parquet, for the SQL in docs/sql",
		direct: exportParquet,
	})
}

// exportParquet writes one part of the case as Parquet.
func exportParquet(ctx context.Context, c *casefile.Case, part columnar.Part, o *exportOptions) error {
	w, err := columnar.NewWriter(o.out, part)
	if err != nil {
		return withCode(exitNotWritten, err)
	}
	res, err := casework.Export(c, casework.Options{Context: ctx, Version: version, Progress: progressWriter(o.stderr)}, part, w)
	if err != nil {
		w.Abort()
		if ctx.Err() != nil {
			return context.Cause(ctx) // interrupted: nothing of the part is left
		}
		if errors.Is(err, ingest.ErrInputChanged) {
			return withCode(exitInputChanged, err)
		}
		return withCode(exitUsage, err)
	}
	// An interrupt after the last row still commits nothing.
	if err := context.Cause(ctx); err != nil {
		w.Abort()
		return err
	}
	if err := w.Close(); err != nil {
		if ctx.Err() != nil {
			return context.Cause(ctx)
		}
		return withCode(exitNotWritten, err)
	}
	accepted, rejected := 0, 0
	for _, s := range res.Sources {
		accepted += s.Accepted
		rejected += s.Rejected
	}
	var names []string
	for _, in := range res.Inputs {
		names = append(names, cmp.Or(in.Name, in.Path))
	}
	fmt.Fprintf(o.stdout, "Part %s: %s\n", part, strings.Join(names, ", "))
	fmt.Fprintf(o.stdout, "%d payment tables, %d rows (%d read, %d rejected)\n", len(res.Sources), res.Rows, accepted, rejected)
	fmt.Fprintf(o.stdout, "Written: %s and %s, %s, %s beside it\n", filepath.Join(o.out, part.PaymentsFile()),
		columnar.SuspectsFile, columnar.AssetsFile, columnar.CaseFile)
	return nil
}
