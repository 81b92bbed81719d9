package main

import (
	"fmt"

	"github.com/crosscheck/crosscheck/casefile"
	"github.com/crosscheck/crosscheck/ledger"
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
// precedence for the parameters and adding inputs.
func (o *inputFlags) build(fs *pflag.FlagSet) (*casefile.Case, error) {
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
	return c, c.Check()
}

func usageErr(format string, a ...any) error {
	return withCode(exitUsage, fmt.Errorf(format, a...))
}
