package main

import (
	"context"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/crosscheck/crosscheck/casefile"
	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/termtext"
	"github.com/spf13/cobra"
)

func newValidateCommand() *cobra.Command {
	var in inputFlags
	cmd := &cobra.Command{
		Use:   "validate",
		Short: "Check a case's inputs and print every problem",
		Long: `validate reads every input of a case exactly as run does, and writes nothing.
It prints every problem grouped by source (file, sheet, row, column, value,
reason), then a table of rows read, accepted, rejected and duplicates per
source. Lines marked "note" need no fixing (an ignored column, a duplicate
row set aside); every other line is a problem, and any problem or rejected
row makes the exit status 1. Use it on a new folder of spreadsheets before
the first run.` + exitHelp(exitOK, exitRejected, exitUsage, exitInterrupted),
		Example: `  crosscheck validate --case case.yaml
  crosscheck validate --payments estratto_conto.csv --rates eurofxref-hist.csv`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			c, err := in.build(cmd.Flags())
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
	rep := res.Report
	type key struct{ path, sheet string }
	grouped := map[key][]ledger.Issue{}
	var order []key
	problems, notes := 0, 0
	for is := range rep.Issues {
		if is.Note {
			notes++
		} else {
			problems++
		}
		k := key{is.Path, is.Sheet}
		if _, ok := grouped[k]; !ok {
			order = append(order, k)
		}
		grouped[k] = append(grouped[k], is)
	}
	if err := res.Err(); err != nil {
		return err
	}
	for _, k := range order {
		name := k.path
		if k.sheet != "" {
			name += " [" + k.sheet + "]"
		}
		if name == "" {
			name = "(case)"
		}
		fmt.Fprintf(stdout, "%s\n", termtext.Escape(name))
		for _, is := range grouped[k] {
			fmt.Fprintf(stdout, "  %s\n", termtext.Escape(formatIssue(is)))
		}
		fmt.Fprintln(stdout)
	}
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "source\tkind\trows\taccepted\trejected\tduplicates\t")
	for _, s := range rep.Sources {
		name := s.Path
		if s.Sheet != "" {
			name += "#" + s.Sheet
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%d\t\n", termtext.Escape(name), s.Kind, s.Rows, s.Accepted, s.Rejected, s.Duplicates)
	}
	tw.Flush()
	fmt.Fprintf(stdout, "\n%s, %s rejected, %s\n", count(problems, "problem"), count(res.Rejected, "row"), count(notes, "note"))
	if res.Rejected > 0 || problems > 0 {
		return withCode(exitRejected, fmt.Errorf("validate found %s (%s rejected)", count(problems, "problem"), count(res.Rejected, "row")))
	}
	return nil
}

// formatIssue renders an issue on one line: where, what value, why.
// Notes (ignored columns, duplicates set aside) say so.
func formatIssue(is ledger.Issue) string {
	s := ""
	if is.Note {
		s = "note: "
	}
	if is.Row > 0 {
		s += fmt.Sprintf("row %d", is.Row)
	}
	if is.Column != "" {
		if is.Row > 0 {
			s += ", "
		}
		s += "column " + quote(is.Column)
	}
	if is.Value != "" {
		s += ", value " + quote(is.Value)
	}
	if is.Row > 0 || is.Column != "" || is.Value != "" {
		s += ": "
	}
	return s + is.Problem
}

func quote(s string) string {
	if len(s) > 60 {
		s = s[:57] + "..."
	}
	return fmt.Sprintf("%q", s)
}

// count writes "1 problem", "2 problems".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
