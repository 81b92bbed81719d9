package main

import (
	"fmt"
	"github.com/crosscheck/crosscheck/msg"
	"os"
	"path/filepath"

	"github.com/crosscheck/crosscheck/casefile"
	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/outfile"
	"github.com/crosscheck/crosscheck/templates"
	"github.com/crosscheck/crosscheck/termtext"
	"github.com/spf13/cobra"
)

func newTemplateCommand() *cobra.Command {
	var lang string
	cmd := &cobra.Command{
		Use:   "template DIR",
		Short: "Write empty xlsx input templates, one per table kind",
		Long: `template writes an empty workbook for each input table (suspects, identifiers,
payments, assets, benefits, household, rates) into DIR, with the headers
crosscheck recognises, drop-down lists (asset types, currencies, identifier
kinds), date and decimal validation, and a help message on each header. It
also writes DIR/case.yaml listing them, unless DIR has one. Fill them in Excel
or LibreOffice, name the case in case.yaml, and run it.` + exitHelp(exitOK, exitUsage, exitNotWritten),
		Example: `  crosscheck template modelli --lang it
  crosscheck template templates`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if lang != "en" && lang != "it" {
				return usageErr(msg.ErrLang, msg.Text(lang))
			}
			if err := os.MkdirAll(args[0], 0o755); err != nil {
				return withCode(exitUsage, err)
			}
			files, err := templates.Write(args[0], lang)
			if err != nil {
				return withCode(exitUsage, err)
			}
			for _, f := range files {
				fmt.Fprintln(cmd.OutOrStdout(), f)
			}
			// The case file that lists them, unless one is there: it may be
			// the investigator's own.
			out := filepath.Join(args[0], "case.yaml")
			if _, err := os.Stat(out); err == nil {
				fmt.Fprintf(cmd.ErrOrStderr(), "%s exists: not overwritten; list the templates in it\n", termtext.Escape(out))
				return nil
			}
			names := map[ledger.Kind]string{}
			for _, k := range ledger.Kinds {
				names[k] = templates.FileName(k, lang)
			}
			if err := outfile.WriteFile(out, outfile.Private, casefile.TemplateDraft(lang, names).Encode); err != nil {
				return err
			}
			fmt.Fprintln(cmd.OutOrStdout(), out)
			return nil
		},
	}
	cmd.Flags().StringVar(&lang, "lang", "en", "header language: en or it")
	return cmd
}
