package main

import (
	"fmt"
	"strings"

	"github.com/crosscheck/crosscheck/dossier"
	"github.com/crosscheck/crosscheck/msg"
	"github.com/crosscheck/crosscheck/outfile"
	"github.com/spf13/cobra"
)

type dossierOptions struct {
	in       inputFlags
	out      string
	suspects []string
	flagged  bool
	all      bool
}

func newDossierCommand() *cobra.Command {
	o := &dossierOptions{}
	cmd := &cobra.Command{
		Use:   "dossier",
		Short: "Write one PDF dossier per suspect for the prosecutor's file",
		Long: `dossier runs the case as run does and writes one PDF per suspect (A4, page
numbers, the case and report date on every page): identity and identifiers
with their sources; income by source, channel, currency and month, footing
to the workbook's figure; a monthly timeline with the benefit months shaded
and the seizures marked; the seized assets and the shortfall; each benefit
flag with its evidence, the overlapping months, the amount proposed and the
reviewer's decision; the suspect's place in the network; the sources with
their SHA-256. Every figure is the workbook's.

Choose the suspects with --suspect S01,S02, --flagged (those with a benefit
flag) or --all.` + exitHelp(exitOK, exitUsage, exitNotWritten, exitOutOfMemory, exitInterrupted),
		Example: `  crosscheck dossier --case case.yaml --out dossiers --all
  crosscheck dossier --case case.yaml --out dossiers --suspect S01,S06 --lang en
  crosscheck dossier --case case.yaml --out dossiers --flagged --reviews report-2020-11.xlsx`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			chosen := 0
			for _, b := range []bool{len(o.suspects) > 0, o.flagged, o.all} {
				if b {
					chosen++
				}
			}
			if chosen != 1 {
				return usageErr(msg.ErrChooseSuspect)
			}
			if o.out == "" {
				return usageErr(msg.ErrOutFolder)
			}
			c, err := o.in.build(cmd)
			if err != nil {
				return withCode(exitUsage, err)
			}
			// --lang, registered with the inputs, overrides the case's.
			lang := c.Lang
			if lang == "" {
				lang = "en"
			}
			if lang != "en" && lang != "it" {
				return usageErr(msg.ErrLang, msg.Text(lang))
			}
			if err := checkOutputs(c, output{"--out", o.out}); err != nil {
				return err
			}
			release, err := outfile.Lock(o.out)
			if err != nil {
				return err
			}
			defer release()
			res, err := compute(cmd.Context(), c, cmd.ErrOrStderr(), false)
			if err != nil {
				return err
			}
			defer res.Close()
			set, err := dossier.Build(res.Report)
			if err != nil {
				return err
			}
			if err := res.Err(); err != nil {
				return err
			}
			var ids []string
			switch {
			case o.all:
				ids = set.IDs()
			case o.flagged:
				ids = set.Flagged()
			default:
				for _, s := range o.suspects {
					for _, id := range strings.Split(s, ",") {
						if id = strings.TrimSpace(id); id != "" {
							ids = append(ids, id)
						}
					}
				}
				for _, id := range ids {
					if _, ok := set.Get(id); !ok {
						return usageErr(msg.ErrNoSuspect, msg.Text(id))
					}
				}
			}
			paths, err := dossier.WriteAll(o.out, set, ids, dossier.Options{Lang: lang})
			if err != nil {
				return err
			}
			fmt.Fprintln(cmd.OutOrStdout(), msg.New(msg.CLIDossiersWritten, msg.Int(len(paths)), msg.Text(o.out)).In(lang))
			return nil
		},
	}
	o.in.register(cmd.Flags())
	cmd.Flags().StringVar(&o.out, "out", "", "folder to write the dossiers in")
	cmd.Flags().StringSliceVar(&o.suspects, "suspect", nil, "suspect ids, comma-separated (repeatable)")
	cmd.Flags().BoolVar(&o.flagged, "flagged", false, "every suspect with a benefit flag")
	cmd.Flags().BoolVar(&o.all, "all", false, "every suspect")
	cmd.MarkFlagFilename("case", "yaml", "yml")
	return cmd
}
