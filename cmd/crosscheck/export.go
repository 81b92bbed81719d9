package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/crosscheck/crosscheck/casefile"
	"github.com/crosscheck/crosscheck/casework"
	"github.com/crosscheck/crosscheck/linkexport"
	"github.com/crosscheck/crosscheck/outfile"
	"github.com/spf13/cobra"
)

// exportFormat is one format of `crosscheck export`. A format registers
// itself from its own file with registerExportFormat.
type exportFormat struct {
	name string
	// help is the one line shown in `export --help`.
	help string
	// rows is true when the format reads the payment rows (the run then
	// spools them, as for a workbook).
	rows bool
	// write writes the computed case to out (a file or a directory, as the
	// format says in its help).
	write func(res *casework.Result, out string) error
	// direct, when set, replaces the run and write: the format reads the
	// case itself (parquet: one part of the payment files, without the
	// duplicate table or totals). Only such formats take --part.
	direct func(ctx context.Context, c *casefile.Case, o *exportOptions) error
}

var exportFormats = map[string]exportFormat{}

func registerExportFormat(f exportFormat) {
	if _, dup := exportFormats[f.name]; dup {
		panic("export format registered twice: " + f.name)
	}
	exportFormats[f.name] = f
}

func exportFormatNames() []string {
	var names []string
	for n := range exportFormats {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

func init() {
	registerExportFormat(exportFormat{
		name: "graphml", rows: true,
		help: "one GraphML file (Gephi, yEd, Maltego): suspects, accounts, payers, payments aggregated per payer and account",
		write: func(res *casework.Result, out string) error {
			g, err := linkexport.Build(res.Report, linkexport.Options{})
			if err != nil {
				return err
			}
			defer g.Close()
			// An interrupt stops the payments early: no partial graph.
			if err := res.Err(); err != nil {
				return err
			}
			return outfile.WriteFile(out, outfile.Private, func(w io.Writer) error { return linkexport.WriteGraphML(w, g) })
		},
	})
	registerExportFormat(exportFormat{
		name: "i2", rows: true,
		help: "a directory with links.csv, entities.csv and the import notes for i2 Analyst's Notebook",
		write: func(res *casework.Result, out string) error {
			g, err := linkexport.Build(res.Report, linkexport.Options{})
			if err != nil {
				return err
			}
			defer g.Close()
			if err := res.Err(); err != nil {
				return err
			}
			return linkexport.WriteI2(out, g)
		},
	})
	registerExportFormat(exportFormat{
		name: "ftm", rows: true,
		help: "FollowTheMoney entities as JSON lines (Aleph, ftm tools): one Payment per income payment",
		write: func(res *casework.Result, out string) error {
			return outfile.WriteFile(out, outfile.Private, func(w io.Writer) error {
				if err := linkexport.WriteFtM(w, res.Report); err != nil {
					return err
				}
				// Not committed when an interrupt cut the payments short.
				return res.Err()
			})
		},
	})
}

type exportOptions struct {
	in     inputFlags
	format string
	out    string
	part   string
	stdout io.Writer
	stderr io.Writer
}

func newExportCommand() *cobra.Command {
	o := &exportOptions{}
	var lines []string
	for _, n := range exportFormatNames() {
		lines = append(lines, fmt.Sprintf("  %-8s %s", n, exportFormats[n].help))
	}
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Export the case for link-analysis tools (GraphML, i2, FollowTheMoney) or SQL engines (Parquet)",
		Long: `export runs the case as run does and writes it in a format other tools read.
The figures are the workbook's: the payments of each suspect add up to the
suspect's income on the Suspects sheet. Benefit recipients who match no
suspect appear in no export.

Formats:
` + strings.Join(lines, "\n") + `

--part I/N (parquet) exports part I of the payment files split into N parts
balanced by size, for running the parts on several machines; the queries in
docs/sql total them on DuckDB, Spark SQL or Trino.` + exitHelp(exitOK, exitUsage, exitNotWritten, exitOutOfMemory, exitInterrupted),
		Example: `  crosscheck export --case case.yaml --format graphml --out case.graphml
  crosscheck export --case case.yaml --format i2 --out i2/
  crosscheck export --case case.yaml --format ftm --out case.ftm.json
  crosscheck export --case case.yaml --format parquet --out ledger/ --part 2/3`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			f, ok := exportFormats[o.format]
			if !ok {
				return usageErr("--format %q: use one of %s", o.format, strings.Join(exportFormatNames(), ", "))
			}
			if o.out == "" {
				return usageErr("--out: give the file or directory to write")
			}
			if o.part != "" && f.direct == nil {
				return usageErr("--part: only the parquet format is written in parts")
			}
			c, err := o.in.build(cmd.Flags())
			if err != nil {
				return withCode(exitUsage, err)
			}
			if err := checkOutputs(c, output{"--out", o.out}); err != nil {
				return err
			}
			release, err := outfile.Lock(o.out)
			if err != nil {
				return err
			}
			defer release()
			if f.direct != nil {
				o.stdout, o.stderr = cmd.OutOrStdout(), cmd.ErrOrStderr()
				return f.direct(cmd.Context(), c, o)
			}
			res, err := compute(cmd.Context(), c, cmd.ErrOrStderr(), !f.rows)
			if err != nil {
				return err
			}
			defer res.Close()
			if err := f.write(res, o.out); err != nil {
				return fmt.Errorf("export %s: %w", o.format, err)
			}
			return res.Err()
		},
	}
	o.in.register(cmd.Flags())
	cmd.Flags().StringVarP(&o.format, "format", "f", "", "format: "+strings.Join(exportFormatNames(), ", "))
	cmd.Flags().StringVarP(&o.out, "out", "o", "", "file (or directory, for i2 and parquet) to write")
	cmd.Flags().StringVar(&o.part, "part", "", "parquet: export part I of N of the payment files (I/N; default 1/1)")
	cmd.MarkFlagFilename("case", "yaml", "yml")
	return cmd
}
