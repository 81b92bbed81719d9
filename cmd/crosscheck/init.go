package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/crosscheck/crosscheck/casefile/initcase"
	"github.com/crosscheck/crosscheck/msg"
	"github.com/crosscheck/crosscheck/outfile"
	"github.com/crosscheck/crosscheck/termtext"
	"github.com/spf13/cobra"
)

func newInitCommand() *cobra.Command {
	var force bool
	var name string
	cmd := &cobra.Command{
		Use:   "init DIR",
		Short: "Write a case.yaml for the spreadsheets found in DIR",
		Long: `init looks at every spreadsheet (and every sheet of each workbook) in DIR,
decides from its headers which input table it is, and writes DIR/case.yaml
with a comment on each entry saying how it decided. For a bank or card
statement it reads the account holder in the title rows ("Intestatario:",
"Titolare:", IBAN, card number) and, when that matches a suspect, writes the
file's suspect; otherwise the comment asks you. Files it cannot classify are
printed with the reason. Check case.yaml, then run it.` + exitHelp(exitOK, exitUsage, exitNotWritten),
		Example: `  crosscheck init ./fascicolo
  crosscheck run --case ./fascicolo/case.yaml -o report.xlsx`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := args[0]
			out := filepath.Join(dir, "case.yaml")
			if _, err := os.Stat(out); err == nil && !force {
				return usageErr(msg.ErrExists, msg.Text(out))
			}
			res, err := initcase.Scan(dir)
			if err != nil {
				return withCode(exitUsage, err)
			}
			if name == "" {
				name = res.ProposeName()
			}
			if err := outfile.WriteFile(out, outfile.Private, func(w io.Writer) error {
				if err := res.Draft(name).Encode(w); err != nil {
					return err
				}
				// Interrupted while classifying: no case file.
				return context.Cause(cmd.Context())
			}); err != nil {
				return err
			}
			// The summary speaks the language init chose for the case
			// from the headers.
			lang, _ := res.Language()
			w := cmd.OutOrStdout()
			fmt.Fprintln(w, termtext.Escape(msg.New(msg.CLIInitWrote, msg.Text(out), msg.Int(len(res.Entries))).In(lang)))
			for _, e := range res.Entries {
				line := fmt.Sprintf("  %-12s %s", msg.Label(string(e.Kind), lang), e.Name())
				if e.Suspect != "" {
					line += "  " + msg.New(msg.CLIInitSuspect, msg.Text(e.Suspect)).In(lang)
				}
				fmt.Fprintln(w, termtext.Escape(line))
			}
			if len(res.Unclassified) > 0 {
				fmt.Fprintln(w, msg.New(msg.CLIInitUnclassified).In(lang))
				for _, e := range res.Unclassified {
					fmt.Fprintf(w, "  %s\n", termtext.Escapef("%s: %s", e.Name(), e.Reason))
				}
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, "overwrite an existing case.yaml")
	cmd.Flags().StringVar(&name, "name", "", "case name (default: proposed from the folder's or the files' names)")
	return cmd
}
