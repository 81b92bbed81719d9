package main

import (
	"context"
	"fmt"
	"github.com/crosscheck/crosscheck/msg"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/crosscheck/crosscheck/casefile"
	"github.com/crosscheck/crosscheck/casework"
	"github.com/crosscheck/crosscheck/columnar"
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
	// dir is true when --out is a directory the format writes files into.
	dir bool
	// files lists the files written for --out: own are this export's
	// alone and locked while it runs; shared are written with the same
	// bytes by every part of a split export (parquet's reference files),
	// so parts running at once must not refuse each other over them.
	// Every one of them is refused when it is one of the case's inputs.
	files func(out string, part columnar.Part) (own, shared []string)
	// write writes the computed case to files, the writers of own in
	// order; the export commits them together once all are complete.
	write func(res *casework.Result, files []io.Writer) error
	// direct, when set, replaces the run and write: the format reads the
	// case itself (parquet: one part of the payment files, without the
	// duplicate table or totals). Only such formats take --part.
	direct func(ctx context.Context, c *casefile.Case, part columnar.Part, o *exportOptions) error
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

// oneFile is files for a format that writes --out itself.
func oneFile(out string, _ columnar.Part) (own, shared []string) { return []string{out}, nil }

func init() {
	registerExportFormat(exportFormat{
		name: "graphml", rows: true, files: oneFile,
		help: "one GraphML file (Gephi, yEd, Maltego): suspects, accounts, payers, payments aggregated per payer and account",
		write: func(res *casework.Result, w []io.Writer) error {
			g, err := linkexport.Build(res.Report, linkexport.Options{})
			if err != nil {
				return err
			}
			defer g.Close()
			// An interrupt stops the payments early: no partial graph.
			if err := res.Err(); err != nil {
				return err
			}
			return linkexport.WriteGraphML(w[0], g)
		},
	})
	registerExportFormat(exportFormat{
		name: "i2", rows: true, dir: true,
		help: "a directory with links.csv, entities.csv and the import notes for i2 Analyst's Notebook",
		files: func(out string, _ columnar.Part) (own, shared []string) {
			for _, name := range linkexport.I2Files {
				own = append(own, filepath.Join(out, name))
			}
			return own, nil
		},
		write: func(res *casework.Result, w []io.Writer) error {
			g, err := linkexport.Build(res.Report, linkexport.Options{})
			if err != nil {
				return err
			}
			defer g.Close()
			if err := res.Err(); err != nil {
				return err
			}
			return linkexport.WriteI2To(w[0], w[1], w[2], g)
		},
	})
	registerExportFormat(exportFormat{
		name: "ftm", rows: true, files: oneFile,
		help: "FollowTheMoney entities as JSON lines (Aleph, ftm tools): one Payment per income payment",
		write: func(res *casework.Result, w []io.Writer) error {
			return linkexport.WriteFtM(w[0], res.Report)
		},
	})
}

// interruptible stops a long write at the next buffer once ctx is done:
// an export interrupted while it writes stops at once and commits nothing.
type interruptible struct {
	ctx context.Context
	w   io.Writer
}

func (i interruptible) Write(p []byte) (int, error) {
	if i.ctx.Err() != nil {
		return 0, context.Cause(i.ctx)
	}
	return i.w.Write(p)
}

// writeExport writes the format's files and commits them together, only
// when every one is complete and the run was not interrupted meanwhile
// (runErr is the run's own error, Result.Err).
func writeExport(ctx context.Context, f exportFormat, res *casework.Result, runErr func() error, paths []string) error {
	var files []*outfile.File
	defer func() {
		for _, o := range files {
			o.Abort()
		}
	}()
	var ws []io.Writer
	for _, p := range paths {
		o, err := outfile.Create(p, outfile.Private)
		if err != nil {
			return err
		}
		files = append(files, o)
		ws = append(ws, interruptible{ctx, o})
	}
	if err := f.write(res, ws); err != nil {
		if ctx.Err() != nil {
			return context.Cause(ctx)
		}
		return fmt.Errorf("export %s: %w", f.name, err)
	}
	if err := runErr(); err != nil {
		return err
	}
	if err := context.Cause(ctx); err != nil {
		return err
	}
	for _, o := range files {
		if err := o.Commit(); err != nil {
			return fmt.Errorf("export %s: %w", f.name, err)
		}
	}
	return nil
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
				return usageErr(msg.ErrFormat, msg.Text(o.format), msg.Text(strings.Join(exportFormatNames(), ", ")))
			}
			if o.out == "" {
				return usageErr(msg.ErrOutFile)
			}
			part := columnar.Part{I: 1, N: 1}
			if o.part != "" {
				if f.direct == nil {
					return usageErr(msg.ErrPartParquet)
				}
				p, err := columnar.ParsePart(o.part)
				if err != nil {
					return usageErr(msg.ErrPart, msg.Text(err.Error()))
				}
				part = p
			}
			c, err := o.in.build(cmd)
			if err != nil {
				return withCode(exitUsage, err)
			}
			// --out itself and every file written in it are refused when
			// they are an input or the case file.
			own, shared := f.files(o.out, part)
			outs := []output{{"--out", o.out}}
			for _, p := range append(slices.Clone(own), shared...) {
				if p != o.out {
					outs = append(outs, output{"--out", p})
				}
			}
			if err := checkOutputs(c, outs...); err != nil {
				return err
			}
			if f.dir {
				// Made before the locks, which live in it: a folder that
				// cannot be made fails now, not after the run.
				if err := os.MkdirAll(o.out, 0o755); err != nil {
					return outfile.NotWritten(o.out, err)
				}
			}
			release, err := outfile.Lock(own...)
			if err != nil {
				return err
			}
			defer release()
			ctx := cmd.Context()
			if f.direct != nil {
				o.stdout, o.stderr = cmd.OutOrStdout(), cmd.ErrOrStderr()
				return f.direct(ctx, c, part, o)
			}
			res, err := compute(ctx, c, cmd.ErrOrStderr(), !f.rows)
			if err != nil {
				return err
			}
			defer res.Close()
			return writeExport(ctx, f, res, res.Err, own)
		},
	}
	o.in.register(cmd.Flags())
	cmd.Flags().StringVarP(&o.format, "format", "f", "", "format: "+strings.Join(exportFormatNames(), ", "))
	cmd.Flags().StringVarP(&o.out, "out", "o", "", "file (or directory, for i2 and parquet) to write")
	cmd.Flags().StringVar(&o.part, "part", "", "parquet: export part I of N of the payment files (I/N; default 1/1)")
	cmd.MarkFlagFilename("case", "yaml", "yml")
	return cmd
}
