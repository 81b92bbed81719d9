package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/crosscheck/crosscheck/casefile"
	"github.com/crosscheck/crosscheck/casework"
	"github.com/crosscheck/crosscheck/ingest"
	"github.com/crosscheck/crosscheck/msg"
	"github.com/crosscheck/crosscheck/outfile"
	"github.com/crosscheck/crosscheck/reports"
	"github.com/spf13/cobra"
)

type runOptions struct {
	in     inputFlags
	out    string
	json   string
	strict bool
	quiet  bool
	// demo prints where the files are itself, with how to open them.
	noPaths bool
	stdout  io.Writer
	stderr  io.Writer
}

func newRunCommand() *cobra.Command {
	o := &runOptions{}
	cmd := &cobra.Command{
		Use:   "run",
		Short: "Read a case's spreadsheets and write the workbook (and JSON)",
		Long: `run reads every input of a case, attributes each payment to a suspect, totals
illicit income per suspect in EUR, values the seized assets against the
target, cross-checks suspects against the benefit lists and writes one Excel
workbook (-o) and, with --json, the same facts as a JSON document. A short
summary is printed on the terminal.

Inputs come from a case file (--case case.yaml) or from flags; flags given
beside a case file add inputs and override its parameters. A path may be a
.csv, .tsv or .xlsx file, or one sheet of it as file.xlsx#Sheet.

Rows that cannot be read are listed on the workbook's Data issues sheet and
the run goes on; with --strict such rows make the exit status 1.` + exitHelp(exitOK, exitRejected, exitUsage, exitNotWritten, exitOutOfMemory, exitInterrupted),
		Example: `  crosscheck run --case case.yaml -o report.xlsx --json report.json
  crosscheck run --suspects indagati.xlsx --payments paypal.xlsx#Transazioni \
      --payments postepay.csv@S001 --rates eurofxref-hist.csv -o report.xlsx`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.stdout, o.stderr = cmd.OutOrStdout(), cmd.ErrOrStderr()
			c, err := o.in.build(cmd)
			if err != nil {
				return withCode(exitUsage, err)
			}
			return runRun(cmd.Context(), c, o)
		},
	}
	o.in.register(cmd.Flags())
	cmd.Flags().StringVarP(&o.out, "output", "o", "", "workbook to write (.xlsx)")
	cmd.Flags().StringVar(&o.json, "json", "", "also write the JSON document here")
	cmd.Flags().BoolVar(&o.strict, "strict", false, "exit 1 when any input row was rejected")
	cmd.Flags().BoolVarP(&o.quiet, "quiet", "q", false, "print no summary")
	cmd.MarkFlagFilename("case", "yaml", "yml")
	cmd.MarkFlagFilename("output", "xlsx")
	return cmd
}

// runRun computes the case and writes the outputs.
func runRun(ctx context.Context, c *casefile.Case, o *runOptions) error {
	if o.out == "" && o.json == "" {
		return usageErr(msg.ErrNothingToDo)
	}
	if o.out != "" && !strings.EqualFold(filepath.Ext(o.out), ".xlsx") {
		return usageErr(msg.ErrNotXLSX, msg.Text(o.out))
	}
	// The payment rows go to a detail workbook beside the report, so that
	// the report prints to be filed (docs/report.md#print).
	detail := ""
	if o.out != "" {
		detail = reports.DetailPath(o.out, c.Lang)
	}
	outs := []output{{"-o", o.out}, {"--json", o.json}, {"the payment detail of -o", detail}}
	if err := checkOutputs(c, outs...); err != nil {
		return err
	}
	files, commit, done, err := openOutputs(outs...)
	if err != nil {
		return err
	}
	defer done()
	res, err := compute(ctx, c, o.stderr, o.out == "")
	if err != nil {
		return err
	}
	defer res.Close()
	if err := writeOutputs(ctx, res, files[0], files[1], files[2]); err != nil {
		return err
	}
	if err := commit(); err != nil {
		return err
	}
	if !o.quiet {
		if err := reports.WriteSummary(o.stdout, res.Report); err != nil {
			return err
		}
		if !o.noPaths {
			if o.out != "" {
				fmt.Fprintln(o.stdout)
			}
			writePaths(o.stdout, c.Lang, "", pathLine{label: "Workbook", path: o.out}, pathLine{label: "JSON", path: o.json})
		}
	}
	if o.strict && res.Rejected > 0 {
		return withCode(exitRejected, errors.New(msg.New(msg.CLIStrictRejected, msg.Int(res.Rejected), msg.Term("Data issues")).In(c.Lang)))
	}
	return nil
}

// compute runs the case and maps an unreadable input to exit status 2.
// Without a workbook to write, the payment rows are not kept. ctx stops
// the run (an interrupt).
func compute(ctx context.Context, c *casefile.Case, stderr io.Writer, noRows bool) (*casework.Result, error) {
	res, err := casework.Run(c, casework.Options{Context: ctx, Version: version, Progress: progressWriter(stderr), NoPaymentRows: noRows})
	if err != nil {
		if errors.Is(err, ingest.ErrInputChanged) {
			return nil, withCode(exitInputChanged, err)
		}
		return nil, withCode(exitUsage, err)
	}
	return res, nil
}

// writeOutputs writes the workbook with its payment detail and the JSON
// (either may be nil) to their temporary files; each reads the spooled
// payments once. It fails when the run was interrupted meanwhile, so that
// nothing is committed.
func writeOutputs(ctx context.Context, res *casework.Result, xlsx, js, detail *outfile.File) error {
	if xlsx != nil {
		if err := reports.WriteWorkbooksTo(xlsx, detail, filepath.Base(detail.Name()), res.Report); err != nil {
			return outfile.NotWritten(xlsx.Name(), err)
		}
	}
	if js != nil {
		if err := reports.WriteJSON(js, res.Report); err != nil {
			return outfile.NotWritten(js.Name(), err)
		}
	}
	if err := res.Err(); err != nil {
		return err
	}
	return context.Cause(ctx)
}

// progressWriter returns stderr when it is a terminal, nil otherwise:
// progress lines would only clutter logs and pipes.
func progressWriter(w io.Writer) io.Writer {
	f, ok := w.(*os.File)
	if !ok {
		return nil
	}
	st, err := f.Stat()
	if err != nil || st.Mode()&os.ModeCharDevice == 0 {
		return nil
	}
	return w
}
