package casefile

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/crosscheck/crosscheck/ingest"
	"github.com/crosscheck/crosscheck/ledger"
)

// Profile is an export profile written in the case file (`profiles:`),
// for a payments export crosscheck does not know: where the header is,
// which column holds each field, how dates and numbers are written, the
// currency or unit, and rules that give a row its direction. A payments
// input names it with `profile:`; a file whose header carries the
// profile's signature is read with it too.
type Profile struct {
	Name  string `yaml:"name"`
	Title string `yaml:"title"`
	// HeaderRow is the 1-based row of the header; SkipRows the rows above
	// it (HeaderRow = SkipRows + 1). Neither: the header is searched for.
	HeaderRow int `yaml:"header_row"`
	SkipRows  int `yaml:"skip_rows"`
	// Signature lists header texts that recognise the export in any file
	// (optional: without it the profile is used only by name).
	Signature []string `yaml:"signature"`
	// Columns maps a field (date, time, amount, credit, debit, amount_in,
	// amount_out, currency, payer, payer_account, payee, payee_account,
	// counterparty, counterparty_account, reference, description,
	// channel, type, status, suspect) to its header text.
	Columns map[string]string `yaml:"columns"`
	// DateFormat: dd/mm/yyyy, mm/dd/yyyy, yyyy-mm-dd (any separators),
	// unix, or auto.
	DateFormat string `yaml:"date_format"`
	// TimeZone of times written without one (UTC, Europe/Rome, +01:00).
	TimeZone string `yaml:"time_zone"`
	// DecimalMark is "," (1.234,56) or "." (1,234.56); empty: decided
	// from the values.
	DecimalMark string `yaml:"decimal_mark"`
	// Currency of every row when the file has no currency column.
	Currency string `yaml:"currency"`
	// Unit of the amounts: satoshi, wei, gwei, or a number of decimals
	// ("6" for token base units); empty: whole units.
	Unit string `yaml:"unit"`
	// Sign says what a negative amount means when no rule decides:
	// own_account (the default: money out), refund (a list of payments
	// received) or incoming (every row is money received).
	Sign string `yaml:"sign"`
	// Channel names the channel of every row.
	Channel string `yaml:"channel"`
	// PayerFromDescription takes the payer's name from the description
	// ("BONIFICO A VOSTRO FAVORE DA ...") when there is no payer column.
	PayerFromDescription bool `yaml:"payer_from_description"`
	// Rules, first match wins.
	Rules []ProfileRule `yaml:"rules"`
}

// ProfileRule gives a direction to the rows whose cells match: If maps a
// field to the values that match it ("x*" a prefix, "*x*" a part, "*"
// any non-empty cell; case, accents and punctuation ignored); every field
// must match.
type ProfileRule struct {
	If        map[string][]string `yaml:"if"`
	Direction string              `yaml:"direction"`
	Reason    string              `yaml:"reason"`
}

var units = map[string]int32{"satoshi": 8, "sat": 8, "sats": 8, "wei": 18, "gwei": 9, "": 0}

// Ingest turns the case file's profile into the reader's.
func (p *Profile) Ingest() (*ingest.Profile, error) {
	if strings.TrimSpace(p.Name) == "" {
		return nil, fmt.Errorf("profiles: a profile has no name")
	}
	if _, clash := ingest.BuiltinProfile(p.Name); clash {
		return nil, fmt.Errorf("profiles: %s is the name of a built-in profile; choose another", p.Name)
	}
	out := &ingest.Profile{
		Name: p.Name, Title: p.Title, Signature: p.Signature, Columns: p.Columns,
		Currency: strings.ToUpper(strings.TrimSpace(p.Currency)), Channel: p.Channel,
		PayerFromDescription: p.PayerFromDescription,
	}
	if out.Title == "" {
		out.Title = "profile in the case file"
	}
	switch {
	case p.HeaderRow > 0 && p.SkipRows > 0 && p.HeaderRow != p.SkipRows+1:
		return nil, fmt.Errorf("profile %s: header_row %d and skip_rows %d disagree", p.Name, p.HeaderRow, p.SkipRows)
	case p.HeaderRow > 0:
		out.HeaderRow = p.HeaderRow
	case p.SkipRows > 0:
		out.HeaderRow = p.SkipRows + 1
	}
	order, err := dateOrder(p.DateFormat)
	if err != nil {
		return nil, fmt.Errorf("profile %s: %w", p.Name, err)
	}
	out.Dates = ingest.DateFormat{Order: order, Zone: p.TimeZone}
	switch strings.TrimSpace(p.DecimalMark) {
	case ",":
		out.Notation = ingest.NotationItalian
	case ".":
		out.Notation = ingest.NotationEnglish
	case "":
	default:
		return nil, fmt.Errorf("profile %s: decimal_mark %q (expected \",\" or \".\")", p.Name, p.DecimalMark)
	}
	if out.Currency != "" {
		if _, ok := ledger.LookupCurrency(out.Currency); !ok {
			return nil, fmt.Errorf("profile %s: unknown currency %q", p.Name, p.Currency)
		}
	}
	unit := strings.ToLower(strings.TrimSpace(p.Unit))
	if s, ok := units[unit]; ok {
		out.Scale = s
	} else if n, err := strconv.Atoi(unit); err == nil && n >= 0 && n <= 30 {
		out.Scale = int32(n)
	} else {
		return nil, fmt.Errorf("profile %s: unit %q (expected satoshi, wei, gwei or a number of decimals)", p.Name, p.Unit)
	}
	switch strings.ToLower(strings.TrimSpace(p.Sign)) {
	case "", "own_account", "own account":
		out.Sign = ingest.SignOwnAccount
	case "refund":
		out.Sign = ingest.SignRefund
	case "incoming":
		out.Sign = ingest.SignIncoming
	default:
		return nil, fmt.Errorf("profile %s: sign %q (expected own_account, refund or incoming)", p.Name, p.Sign)
	}
	for i, r := range p.Rules {
		dir, ok := ledger.ParseDirection(r.Direction)
		if !ok {
			return nil, fmt.Errorf("profile %s: rule %d: direction %q (expected incoming, outgoing, refund or not_a_payment)", p.Name, i+1, r.Direction)
		}
		var fields []string
		for f := range r.If {
			fields = append(fields, f)
		}
		sort.Strings(fields)
		rule := ingest.DirRule{Dir: dir, Reason: r.Reason}
		for _, f := range fields {
			rule.If = append(rule.If, ingest.Cond{Field: f, Values: r.If[f]})
		}
		out.Rules = append(out.Rules, rule)
	}
	if err := out.Check(); err != nil {
		return nil, err
	}
	return out, nil
}

// dateOrder reads a date_format: the order of day, month and year in it.
func dateOrder(f string) (string, error) {
	s := strings.ToLower(strings.TrimSpace(f))
	switch s {
	case "":
		return "dmy", nil
	case "unix", "auto":
		return s, nil
	}
	d, m, y := strings.IndexAny(s, "dg"), strings.IndexByte(s, 'm'), strings.IndexAny(s, "ya")
	if d < 0 || m < 0 || y < 0 {
		return "", fmt.Errorf("date_format %q (expected dd/mm/yyyy, mm/dd/yyyy, yyyy-mm-dd, unix or auto)", f)
	}
	switch {
	case y < m && m < d:
		return "ymd", nil
	case m < d && d < y:
		return "mdy", nil
	case d < m && m < y:
		return "dmy", nil
	}
	return "", fmt.Errorf("date_format %q: day, month and year in an order crosscheck does not read", f)
}

// setProfiles converts the case file's profiles and checks that every
// payments input names a profile that exists.
func (c *Case) setProfiles(ps []Profile) error {
	names := map[string]bool{}
	for i := range ps {
		ip, err := ps[i].Ingest()
		if err != nil {
			return err
		}
		if names[ip.Name] {
			return fmt.Errorf("profiles: two profiles named %s", ip.Name)
		}
		names[ip.Name] = true
		c.Profiles = append(c.Profiles, ip)
	}
	for kind, ins := range c.Inputs {
		for _, in := range ins {
			if in.Profile == "" {
				continue
			}
			if kind != ledger.KindPayments {
				return fmt.Errorf("%s: %s: profile is for payments files only", kind, in.Path)
			}
			if _, builtin := ingest.BuiltinProfile(in.Profile); !builtin && !names[in.Profile] && in.Profile != ingest.NoProfile {
				return fmt.Errorf("payments: %s: no profile named %q (built in: %s; or write it under profiles:)", in.Path, in.Profile, builtinNames())
			}
		}
	}
	return nil
}

func builtinNames() string {
	var out []string
	for _, d := range ingest.ProfileDescriptions() {
		name, _, _ := strings.Cut(d, ":")
		out = append(out, name)
	}
	return strings.Join(out, ", ")
}
