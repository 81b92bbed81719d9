package main

import (
	"fmt"
	"os"

	"github.com/crosscheck/crosscheck/reports"
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
kinds), date and decimal validation, and a help message on each header.
Fill them in Excel or LibreOffice and list them in a case file.` + exitHelp(exitOK, exitUsage, exitNotWritten),
		Example: `  crosscheck template modelli --lang it
  crosscheck template templates`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if lang != "en" && lang != "it" {
				return usageErr("--lang %q: use en or it", lang)
			}
			if err := os.MkdirAll(args[0], 0o755); err != nil {
				return withCode(exitUsage, err)
			}
			files, err := reports.WriteTemplates(args[0], lang)
			if err != nil {
				return withCode(exitUsage, err)
			}
			for _, f := range files {
				fmt.Fprintln(cmd.OutOrStdout(), f)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&lang, "lang", "en", "header language: en or it")
	return cmd
}
