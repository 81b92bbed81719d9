package main

import (
	"github.com/crosscheck/crosscheck/msg"
	"strings"

	"github.com/crosscheck/crosscheck/casefile"
	"github.com/crosscheck/crosscheck/ledger"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// inputFlags are the flags that name a case's inputs, shared by run and
// validate.
type inputFlags struct {
	caseFile string
	f        casefile.Flags
	inputs   map[ledger.Kind]*[]string
}

func (o *inputFlags) register(fs *pflag.FlagSet) {
	fs.StringVarP(&o.caseFile, "case", "c", "", "case file (`case.yaml`) listing the inputs; crosscheck init DIR writes one")
	o.inputs = map[ledger.Kind]*[]string{}
	help := map[ledger.Kind]string{
		ledger.KindSuspects:    "suspects table (repeatable)",
		ledger.KindIdentifiers: "identifiers table: suspect, kind, value (repeatable)",
		ledger.KindPayments:    "payments table; FILE@SUSPECT makes every row income of SUSPECT (repeatable)",
		ledger.KindAssets:      "seizure records (repeatable)",
		ledger.KindBenefits:    "benefit payments from the benefit agency (repeatable)",
		ledger.KindHousehold:   "benefit households: application and members (repeatable)",
		ledger.KindRates:       "exchange rates: ECB eurofxref-hist.csv or a price table (repeatable)",
	}
	for _, k := range ledger.Kinds {
		v := new([]string)
		o.inputs[k] = v
		fs.StringArrayVar(v, string(k), nil, help[k])
	}
	fs.StringVar(&o.f.Name, "name", "", "case name shown on the report")
	fs.StringVar(&o.f.ReportDate, "report-date", "", "date the report speaks of (yyyy-mm-dd); crypto is also valued on it")
	fs.StringVar(&o.f.Target, "target", "", "seizure target in EUR (default 10000000)")
	fs.StringVar(&o.f.Lang, "lang", "", "report language: en or it")
	fs.StringArrayVar(&o.f.Columns, "column", nil, `header override kind.field=Header, e.g. payments.amount="Importo (EUR)" (repeatable)`)
	fs.StringArrayVar(&o.f.Reviews, "reviews", nil, "earlier crosscheck workbook whose benefit-flag decisions carry over (repeatable)")
}

// build returns the case from --case, with flags given beside it taking
// precedence for the parameters and adding inputs. The case's language
// is recorded for the errors that follow (see errorLang).
func (o *inputFlags) build(cmd *cobra.Command) (*casefile.Case, error) {
	fs := cmd.Flags()
	o.f.Inputs = map[ledger.Kind][]string{}
	for k, v := range o.inputs {
		o.f.Inputs[k] = *v
	}
	if o.caseFile == "" {
		return casefile.FromFlags(o.f)
	}
	c, err := casefile.Load(o.caseFile)
	if err != nil {
		return nil, err
	}
	extra, err := casefile.FromFlagsPartial(o.f)
	if err != nil {
		return nil, err
	}
	for k, ins := range extra.Inputs {
		c.Inputs[k] = append(c.Inputs[k], ins...)
	}
	for k, cols := range extra.Columns {
		if c.Columns[k] == nil {
			c.Columns[k] = map[string]string{}
		}
		for f, h := range cols {
			c.Columns[k][f] = h
		}
	}
	c.Reviews = append(c.Reviews, extra.Reviews...)
	if fs.Changed("name") {
		c.Name = extra.Name
	}
	if fs.Changed("report-date") {
		c.ReportDate = extra.ReportDate
	}
	if fs.Changed("target") {
		c.TargetEUR = extra.TargetEUR
	}
	if fs.Changed("lang") {
		c.Lang = extra.Lang
	}
	setErrorLang(cmd, c.Lang)
	return c, c.Check()
}

// usageErr is a usage error (exit status 2), a catalogue message so it
// reads in the report's language.
func usageErr(k msg.Key, args ...msg.Arg) error {
	return withCode(exitUsage, msg.Errorf(k, args...))
}

// setErrorLang records the case's language on the root command, so an
// error after the case is read speaks it even without --lang.
func setErrorLang(cmd *cobra.Command, lang string) {
	root := cmd.Root()
	if root.Annotations == nil {
		root.Annotations = map[string]string{}
	}
	root.Annotations["lang"] = lang
}

// errorLang is the language an error is printed in: --lang as given on
// the command line (read from the arguments, so it holds even when the
// flags could not be parsed), else the case's, else English.
func errorLang(root *cobra.Command, args []string) string {
	for i, a := range args {
		if a == "--" {
			break
		}
		if v, ok := strings.CutPrefix(a, "--lang="); ok {
			return v
		}
		if a == "--lang" && i+1 < len(args) {
			return args[i+1]
		}
	}
	return root.Annotations["lang"]
}
