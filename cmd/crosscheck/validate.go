package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/crosscheck/crosscheck/casefile"
	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/msg"
	"github.com/crosscheck/crosscheck/reports"
	"github.com/spf13/cobra"
)

func newValidateCommand() *cobra.Command {
	var in inputFlags
	cmd := &cobra.Command{
		Use:   "validate",
		Short: "Check a case's inputs and print every problem",
		Long: `validate reads every input of a case exactly as run does, and writes nothing.
It prints the problems in three parts: rejected rows and values not counted
(they change a figure), warnings (no figure changed, a person should know) and
notes (nothing to fix: an ignored column, a duplicate row set aside). Within
each part problems are grouped by source, and the same problem over many rows
is one line with its rows and count ("rows 4-21 (18)"). A table of rows read,
accepted, rejected and duplicates per source follows. Any rejected row,
rejection or warning makes the exit status 1. --lang it prints in Italian.
Use it on a new folder of spreadsheets before the first run.` + exitHelp(exitOK, exitRejected, exitUsage, exitOutOfMemory, exitInterrupted),
		Example: `  crosscheck validate --case case.yaml
  crosscheck validate --payments estratto_conto.csv --rates eurofxref-hist.csv`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			c, err := in.build(cmd)
			if err != nil {
				return withCode(exitUsage, err)
			}
			return runValidate(cmd.Context(), c, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	in.register(cmd.Flags())
	return cmd
}

func runValidate(ctx context.Context, c *casefile.Case, stdout, stderr io.Writer) error {
	res, err := compute(ctx, c, stderr, true)
	if err != nil {
		return err
	}
	defer res.Close()
	counts, err := reports.WriteValidation(stdout, res.Report)
	if err != nil {
		return err
	}
	if err := res.Err(); err != nil {
		return err
	}
	problems := counts[ledger.LevelRejected] + counts[ledger.LevelWarning]
	fmt.Fprintf(stdout, "\n%s\n", msg.New(msg.ValidateTotals, msg.Int(counts[ledger.LevelRejected]),
		msg.Int(counts[ledger.LevelWarning]), msg.Int(counts[ledger.LevelNote]), msg.Int(res.Rejected)).In(c.Lang))
	if res.Rejected > 0 || problems > 0 {
		return withCode(exitRejected, errors.New(msg.New(msg.CLIValidateFound,
			msg.Nested(msg.Count(problems, msg.CLIProblemsOne, msg.CLIProblemsMany)),
			msg.Nested(msg.Count(res.Rejected, msg.CLIRowsOne, msg.CLIRowsMany))).In(c.Lang)))
	}
	return nil
}
