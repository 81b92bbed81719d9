// Package casefile reads and writes case.yaml, the file that lists a
// case's inputs and parameters (docs/rules.md#case), and builds the same Case
// from command-line flags.
package casefile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/ingest"
	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/msg"
	"github.com/shopspring/decimal"
	"go.yaml.in/yaml/v3"
)

// DefaultTarget is the seizure target when the case names none: the
// Perfect Storm operation aimed at EUR 10 million.
var DefaultTarget = decimal.NewFromInt(10_000_000)

// Input is one input table: a path ("file.xlsx#Sheet" for one sheet) and,
// for payments, the suspect every row belongs to.
type Input struct {
	Path    string `yaml:"path"`
	Suspect string `yaml:"suspect,omitempty"`
	// Programme, for a benefits file, is the benefit its rows pay when
	// they have no programme column: rdc (the default), pdc, adi or sfl,
	// or the programme's name.
	Programme string `yaml:"programme,omitempty"`
	// Profile names the export profile a payments file is read with (a
	// built-in one or one of the case file's `profiles:`; "none" reads it
	// by its headers alone); empty: recognised by its header.
	Profile string `yaml:"profile,omitempty"`
	// Name is the path as written in the case file (relative to it), the
	// one reports show; empty for inputs given by flag.
	Name string `yaml:"-"`
}

// UnmarshalYAML accepts both "file.csv" and {path: file.csv, suspect: S1}.
func (in *Input) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		in.Path = n.Value
		return nil
	}
	type plain Input
	var p plain
	if err := n.Decode(&p); err != nil {
		return err
	}
	*in = Input(p)
	return nil
}

// Case is everything a run needs to know about its inputs.
type Case struct {
	Name       string
	ReportDate time.Time
	TargetEUR  decimal.Decimal
	Lang       string
	Inputs     map[ledger.Kind][]Input
	// Columns are header overrides per kind: field name -> header text.
	Columns map[ledger.Kind]map[string]string
	// Reviews are earlier workbooks whose benefit-flag decisions carry over.
	Reviews []string
	// Profiles are the case file's own export profiles.
	Profiles []*ingest.Profile
	// Path of the case file, empty when built from flags.
	Path string
}

type fileCase struct {
	Case        string                       `yaml:"case"`
	ReportDate  string                       `yaml:"report_date"`
	TargetEUR   string                       `yaml:"target_eur"`
	Lang        string                       `yaml:"lang"`
	Suspects    []Input                      `yaml:"suspects"`
	Identifiers []Input                      `yaml:"identifiers"`
	Payments    []Input                      `yaml:"payments"`
	Assets      []Input                      `yaml:"assets"`
	Benefits    []Input                      `yaml:"benefits"`
	Household   []Input                      `yaml:"household"`
	Rates       []Input                      `yaml:"rates"`
	Columns     map[string]map[string]string `yaml:"columns"`
	Reviews     []string                     `yaml:"reviews"`
	Profiles    []Profile                    `yaml:"profiles"`
}

// Load reads a case file. Relative paths in it are relative to the case
// file's folder.
func Load(path string) (*Case, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, msg.Wrap(err, msg.ErrReadCaseFile)
	}
	fc, err := decodeStrict(data)
	if err != nil {
		return nil, msg.Wrap(err, msg.ErrCaseFile, msg.Text(path))
	}
	c := &Case{
		Name:    fc.Case,
		Lang:    fc.Lang,
		Path:    path,
		Reviews: fc.Reviews,
		Inputs: map[ledger.Kind][]Input{
			ledger.KindSuspects:    fc.Suspects,
			ledger.KindIdentifiers: fc.Identifiers,
			ledger.KindPayments:    fc.Payments,
			ledger.KindAssets:      fc.Assets,
			ledger.KindBenefits:    fc.Benefits,
			ledger.KindHousehold:   fc.Household,
			ledger.KindRates:       fc.Rates,
		},
		Columns: map[ledger.Kind]map[string]string{},
	}
	for k, cols := range fc.Columns {
		kind := ledger.Kind(strings.ToLower(k))
		if !knownKind(kind) {
			return nil, fmt.Errorf("case file %s: columns: unknown table kind %q (one of %s)", path, k, kindList())
		}
		c.Columns[kind] = cols
	}
	if err := c.setProfiles(fc.Profiles); err != nil {
		return nil, msg.Wrap(err, msg.ErrCaseFile, msg.Text(path))
	}
	if err := c.setParams(fc.ReportDate, fc.TargetEUR); err != nil {
		return nil, msg.Wrap(err, msg.ErrCaseFile, msg.Text(path))
	}
	base := filepath.Dir(path)
	for k, ins := range c.Inputs {
		for i := range ins {
			ins[i].Name = ins[i].Path
			ins[i].Path = resolve(base, ins[i].Path)
		}
		c.Inputs[k] = ins
	}
	for i, r := range c.Reviews {
		c.Reviews[i] = resolve(base, r)
	}
	return c, c.Check()
}

// decodeStrict decodes a case file after checking every key against
// fileCase, so that a misspelt key stops the run instead of being ignored.
func decodeStrict(data []byte) (fileCase, error) {
	var fc fileCase
	var doc yaml.Node
	if err := yaml.NewDecoder(bytes.NewReader(data)).Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return fc, nil
		}
		return fc, plainYAMLError(err)
	}
	if err := checkKeys(&doc, reflect.TypeFor[fileCase]()); err != nil {
		return fc, err
	}
	if err := doc.Decode(&fc); err != nil {
		return fc, plainYAMLError(err)
	}
	return fc, nil
}

// goTypeName matches the Go type yaml names in its errors ("into
// []casefile.Input"), which the case file's author never wrote.
var goTypeName = regexp.MustCompile(` into [^ :]+`)

// plainYAMLError rewrites a yaml error without Go type names and without
// yaml's own "yaml: " prefix.
func plainYAMLError(err error) error {
	var te *yaml.TypeError
	if errors.As(err, &te) {
		msgs := make([]string, len(te.Errors))
		for i, m := range te.Errors {
			msgs[i] = strings.Replace(goTypeName.ReplaceAllString(m, ""), "cannot unmarshal", "cannot read", 1)
		}
		return errors.New(strings.Join(msgs, "; "))
	}
	return errors.New(strings.TrimPrefix(err.Error(), "yaml: "))
}

// resolve makes a case-file path relative to the case file's folder,
// keeping a "#Sheet" suffix.
func resolve(base, p string) string {
	if p == "" || filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(base, p)
}

// Flags are the command-line equivalents of a case file.
type Flags struct {
	Name       string
	ReportDate string
	Target     string
	Lang       string
	Inputs     map[ledger.Kind][]string
	Columns    []string // kind.field=Header
	Reviews    []string
}

// FromFlags builds a Case from flags; an input "file.csv@S001" gives the
// file's suspect when no file of that exact name exists.
func FromFlags(f Flags) (*Case, error) {
	c, err := FromFlagsPartial(f)
	if err != nil {
		return nil, err
	}
	return c, c.Check()
}

// FromFlagsPartial is FromFlags without the check that there are inputs,
// for flags given beside a case file.
func FromFlagsPartial(f Flags) (*Case, error) {
	c := &Case{
		Name:    f.Name,
		Lang:    f.Lang,
		Inputs:  map[ledger.Kind][]Input{},
		Columns: map[ledger.Kind]map[string]string{},
		Reviews: f.Reviews,
	}
	for kind, paths := range f.Inputs {
		for _, p := range paths {
			c.Inputs[kind] = append(c.Inputs[kind], splitSuspect(p))
		}
	}
	for _, col := range f.Columns {
		kindField, header, ok := strings.Cut(col, "=")
		kind, field, ok2 := strings.Cut(kindField, ".")
		if !ok || !ok2 || !knownKind(ledger.Kind(kind)) || field == "" {
			return nil, fmt.Errorf("--column %q: want kind.field=Header, e.g. payments.amount=\"Importo (EUR)\"", col)
		}
		if c.Columns[ledger.Kind(kind)] == nil {
			c.Columns[ledger.Kind(kind)] = map[string]string{}
		}
		c.Columns[ledger.Kind(kind)][field] = header
	}
	if err := c.setParams(f.ReportDate, f.Target); err != nil {
		return nil, err
	}
	return c, nil
}

func splitSuspect(p string) Input {
	if i := strings.LastIndex(p, "@"); i > 0 {
		if _, err := os.Stat(p); err != nil {
			return Input{Path: p[:i], Suspect: p[i+1:]}
		}
	}
	return Input{Path: p}
}

func (c *Case) setParams(reportDate, target string) error {
	if c.Lang == "" {
		c.Lang = "en"
	}
	c.Lang = strings.ToLower(c.Lang)
	if c.Lang != "en" && c.Lang != "it" {
		return msg.Errorf(msg.ErrLangCase, msg.Text(c.Lang))
	}
	if c.Name == "" {
		c.Name = msg.Label("crosscheck case", c.Lang)
	}
	c.TargetEUR = DefaultTarget
	if t := strings.TrimSpace(target); t != "" {
		d, err := parseTarget(t)
		if err != nil {
			return msg.Wrap(err, msg.ErrTarget, msg.Text(target))
		}
		c.TargetEUR = d
	}
	if rd := strings.TrimSpace(reportDate); rd != "" {
		d, err := ingest.ParseDate(rd)
		if err != nil {
			return msg.Errorf(msg.ErrReportDate, msg.Text(reportDate))
		}
		c.ReportDate = d
	}
	return nil
}

// parseTarget reads the target in any notation the inputs accept
// ("10.000.000", "10,000,000.00", "€ 10.000.000,00", "10_000_000"). A lone
// separator followed by three digits ("10.000") is refused: read one way it
// is a thousand times the other, and a target is no place to guess.
func parseTarget(s string) (decimal.Decimal, error) {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "_", ""), " ", "")
	it, errIt := ingest.ParseAmount(s, ingest.NotationItalian)
	en, errEn := ingest.ParseAmount(s, ingest.NotationEnglish)
	switch {
	case errIt != nil && errEn != nil:
		return decimal.Zero, msg.Errorf(msg.ErrTargetAmount)
	case errIt == nil && errEn == nil && !it.Equal(en):
		return decimal.Zero, msg.Errorf(msg.ErrTargetAmbiguous, msg.Num(it), msg.Num(en))
	case errIt != nil:
		it = en
	}
	if it.Sign() <= 0 {
		return decimal.Zero, msg.Errorf(msg.ErrTargetAmount)
	}
	return it, nil
}

// Check reports what makes a case unrunnable: no payments and nothing
// else to read, or a payments entry without a path.
func (c *Case) Check() error {
	total := 0
	for kind, ins := range c.Inputs {
		for _, in := range ins {
			if strings.TrimSpace(in.Path) == "" {
				return msg.Errorf(msg.ErrNoPath, msg.Text(string(kind)))
			}
			if in.Programme != "" {
				if kind != ledger.KindBenefits {
					return msg.Errorf(msg.ErrProgrammeKind, msg.Text(string(kind)), msg.Text(in.Path))
				}
				if _, ok := ledger.ParseProgramme(in.Programme); !ok {
					return msg.Errorf(msg.ErrProgramme, msg.Text(in.Path), msg.Text(in.Programme), msg.Text(ledger.ProgrammeNames))
				}
			}
			total++
		}
	}
	if total == 0 {
		return msg.Errorf(msg.ErrNoInputs)
	}
	return nil
}

func knownKind(k ledger.Kind) bool {
	for _, kk := range ledger.Kinds {
		if k == kk {
			return true
		}
	}
	return false
}

func kindList() string {
	var s []string
	for _, k := range ledger.Kinds {
		s = append(s, string(k))
	}
	sort.Strings(s)
	return strings.Join(s, ", ")
}
