package linkexport

import (
	"bufio"
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/match/ident"
	"github.com/crosscheck/crosscheck/reports"
	"github.com/shopspring/decimal"
)

// FtmEntity is one FollowTheMoney entity as the ftm tools and Aleph read
// it, one JSON object per line. Only schemata and properties of the
// public FtM model are used (checked in TestFtMSchema).
type FtmEntity struct {
	ID         string              `json:"id"`
	Schema     string              `json:"schema"`
	Properties map[string][]string `json:"properties"`
}

// FtmID is an entity's id: a hash of the case, the entity's kind and its
// natural key, so that exporting the same case again gives the same ids
// and a re-import into Aleph updates instead of duplicating.
func FtmID(caseName, kind string, key ...string) string {
	h := sha1.New()
	io.WriteString(h, "crosscheck\x00"+caseName+"\x00"+kind)
	for _, k := range key {
		io.WriteString(h, "\x00"+k)
	}
	return hex.EncodeToString(h.Sum(nil))
}

type ftmWriter struct {
	w    *bufio.Writer
	enc  *json.Encoder
	cas  string
	seen map[string]bool // entities other than payments already written
	err  error
}

func (fw *ftmWriter) put(id, schema string, props map[string][]string) {
	if fw.err != nil {
		return
	}
	for k, v := range props {
		v = slices.DeleteFunc(v, func(s string) bool { return strings.TrimSpace(s) == "" })
		if len(v) == 0 {
			delete(props, k)
		} else {
			props[k] = v
		}
	}
	fw.err = fw.enc.Encode(FtmEntity{ID: id, Schema: schema, Properties: props})
}

// once writes an entity the first time its id is met.
func (fw *ftmWriter) once(id, schema string, props func() map[string][]string) string {
	if !fw.seen[id] {
		fw.seen[id] = true
		fw.put(id, schema, props())
	}
	return id
}

// WriteFtM writes the case as FollowTheMoney JSON lines: a Person per
// suspect, a BankAccount or CryptoWallet per identifier (with its
// Ownership or holder), Associate links for the upline, Family links
// between suspects found in one benefit application, the seized assets
// with their Ownership, and a Payment per income payment, streamed from
// r.Entries (read once; nothing per payment is kept but the ids of the
// payers already written).
func WriteFtM(w io.Writer, r *reports.Report) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	fw := &ftmWriter{w: bw, enc: enc, cas: r.Params.Case, seen: map[string]bool{}}
	persons := map[string]string{} // suspect id -> Person id
	for _, t := range r.Suspects {
		persons[t.Suspect.ID] = FtmID(fw.cas, "person", t.Suspect.ID)
	}
	for _, t := range r.Suspects {
		fw.person(t, persons)
	}
	for _, t := range r.Suspects {
		s := t.Suspect
		if up, ok := persons[s.Upline]; ok && s.Upline != s.ID {
			fw.put(FtmID(fw.cas, "upline", s.ID, s.Upline), "Associate", map[string][]string{
				"person": {persons[s.ID]}, "associate": {up}, "relationship": {"upline (recruiter/supplier in the network)"},
			})
		}
	}
	for _, e := range householdEdges(r) {
		a, b := strings.TrimPrefix(e.From, "suspect:"), strings.TrimPrefix(e.To, "suspect:")
		fw.put(FtmID(fw.cas, "household", e.Label, a, b), "Family", map[string][]string{
			"person": {persons[a]}, "relative": {persons[b]},
			"relationship": {"same household (benefit application " + e.Label + ")"},
		})
	}
	for i := range r.Seizure.Assets {
		fw.asset(&r.Seizure.Assets[i], persons)
	}
	if r.Entries != nil {
		for e := range r.Entries {
			if !e.Income() {
				continue
			}
			fw.payment(&e, persons)
			if fw.err != nil {
				break
			}
		}
	}
	if fw.err != nil {
		return fmt.Errorf("FollowTheMoney export: %w", fw.err)
	}
	return bw.Flush()
}

func (fw *ftmWriter) person(t ledger.SuspectTotals, persons map[string]string) {
	s := t.Suspect
	props := map[string][]string{
		"name":       {strings.TrimSpace(s.Name + " " + s.Surname)},
		"firstName":  {s.Name},
		"lastName":   {s.Surname},
		"taxNumber":  {s.TaxCode},
		"birthDate":  {day(s.BirthDate)},
		"birthPlace": {s.BirthPlace},
		"gender":     {gender(s.Sex)},
		"country":    {country(s.Country)},
		"notes": {fmt.Sprintf("crosscheck suspect %s; role %s; income EUR %s in %d payments; seized EUR %s; network income EUR %s",
			s.ID, orDash(s.Role), money(t.IncomeEUR), t.Payments, money(t.SeizedEUR), money(t.NetworkIncomeEUR))},
	}
	if props["name"][0] == "" {
		props["name"] = []string{s.ID}
	}
	pid := persons[s.ID]
	// Identifiers: accounts and wallets are entities of their own; e-mail
	// and phone are the person's properties.
	var later []func()
	for _, id := range s.Identifiers {
		key := ident.Key(id.Value)
		if key == "" {
			continue
		}
		switch id.Kind {
		case ledger.IdentEmail:
			props["email"] = append(props["email"], key)
		case ledger.IdentPhone:
			props["phone"] = append(props["phone"], key)
		case ledger.IdentWallet:
			later = append(later, func() { fw.wallet(key, pid) })
		case ledger.IdentTelegram, ledger.IdentPayPal:
			kind := id.Kind
			later = append(later, func() { fw.userAccount(key, kind, pid, id.Ref) })
		default:
			kind := id.Kind
			later = append(later, func() {
				acc := fw.account(key, kind)
				fw.put(FtmID(fw.cas, "holds", s.ID, key), "Ownership", map[string][]string{
					"owner": {pid}, "asset": {acc}, "role": {"holder (" + string(kind) + ")"},
					"recordId": {refText(id.Ref)},
				})
			})
		}
	}
	fw.put(pid, "Person", props)
	for _, f := range later {
		f()
	}
}

// account writes a BankAccount for an identifier once. Cards, PayPal
// and other account ids are accounts of their kind.
func (fw *ftmWriter) account(key string, kind ledger.IdentKind) string {
	id := FtmID(fw.cas, "account", key)
	return fw.once(id, "BankAccount", func() map[string][]string {
		p := map[string][]string{"name": {key}}
		if kind == ledger.IdentIBAN || (kind == "" && ident.CheckIBAN(key) == nil) {
			p["iban"] = []string{key}
		} else {
			p["accountNumber"] = []string{key}
		}
		if kind != "" && kind != ledger.IdentIBAN {
			p["accountType"] = []string{string(kind)}
		}
		return p
	})
}

// userAccount writes a Telegram or PayPal account as FtM's UserAccount,
// owned by the suspect.
func (fw *ftmWriter) userAccount(key string, kind ledger.IdentKind, owner string, ref ledger.Ref) string {
	id := FtmID(fw.cas, "user", string(kind), key)
	return fw.once(id, "UserAccount", func() map[string][]string {
		p := map[string][]string{"owner": {owner}, "notes": {"from " + refText(ref)}}
		switch {
		case kind == ledger.IdentTelegram:
			p["service"], p["username"] = []string{"Telegram"}, []string{key}
		case strings.Contains(key, "@"):
			p["service"], p["email"] = []string{"PayPal"}, []string{key}
		default:
			p["service"], p["username"] = []string{"PayPal"}, []string{key}
		}
		return p
	})
}

func (fw *ftmWriter) wallet(key, holder string) string {
	id := FtmID(fw.cas, "wallet", key)
	return fw.once(id, "CryptoWallet", func() map[string][]string {
		return map[string][]string{"publicKey": {key}, "holder": {holder}}
	})
}

func isWallet(key string) bool {
	_, err := ident.CheckAddress(key)
	return err == nil
}

func (fw *ftmWriter) payment(e *ledger.Entry, persons map[string]string) {
	props := map[string][]string{
		"beneficiary":       {persons[e.Attrib]},
		"amount":            {e.Amount.String()},
		"currency":          {strings.ToUpper(e.Currency)},
		"date":              {day(e.Date)},
		"purpose":           {e.Description},
		"transactionNumber": {e.Reference},
		"recordId":          {refText(e.Ref)},
		"summary":           {"attributed to " + e.Attrib + " by " + string(e.Rule) + attribBy(e.AttribBy)},
	}
	if e.HasEUR {
		props["amountEur"] = []string{money(e.EUR)}
	}
	if pk, label := PayerKey(&e.Payment); pk != "" {
		props["payer"] = []string{fw.once(FtmID(fw.cas, "payer", pk), "LegalEntity", func() map[string][]string {
			return map[string][]string{"name": {label}}
		})}
		if k := ident.Key(e.PayerAccount); k != "" {
			if isWallet(k) {
				fw.wallet(k, props["payer"][0])
			} else {
				props["payerAccount"] = []string{fw.account(k, "")}
			}
		}
	}
	if k := ident.Key(e.PayeeAccount); k != "" && !isWallet(k) {
		props["beneficiaryAccount"] = []string{fw.account(k, "")}
	}
	// The row's place in its file names it: the same export read again
	// gives the same id wherever the case folder lives.
	id := FtmID(fw.cas, "payment", refText(e.Ref))
	fw.put(id, "Payment", props)
}

// assetSchemas maps the seizure records' types to FtM schemata that are
// assets (the range of Ownership.asset).
var assetSchemas = map[ledger.AssetType]string{
	ledger.AssetBankAccount: "BankAccount",
	ledger.AssetRealEstate:  "RealEstate",
	ledger.AssetVehicle:     "Vehicle",
	ledger.AssetCompany:     "Company",
	ledger.AssetSecurities:  "Security",
}

// asset writes one seized item of a suspect and its Ownership. Items
// whose owner is no suspect stay out, like every non-suspect.
func (fw *ftmWriter) asset(a *ledger.AssetValue, persons map[string]string) {
	pid, ok := persons[a.Suspect]
	if !ok {
		return
	}
	schema := assetSchemas[a.Type]
	if schema == "" {
		schema = "Asset"
	}
	key := a.ID
	if key == "" {
		key = refText(a.Ref)
	}
	aid := FtmID(fw.cas, "asset", key)
	name := a.Description
	if name == "" {
		name = string(a.Type) + " " + a.ID
	}
	props := map[string][]string{
		"name":        {name},
		"description": {fmt.Sprintf("seized item %s (%s) on %s; measure: %s; status %s", orDash(a.ID), a.Type, day(a.SeizureDate), orDash(a.Measure), a.Status)},
		"country":     {country(a.Country)},
	}
	if a.HasValue {
		props["amount"] = []string{a.Value.String()}
		props["currency"] = []string{cur(a.Currency)}
	} else if a.HasQuantity {
		props["amount"] = []string{a.Quantity.String()}
		props["currency"] = []string{cur(a.Currency)}
	}
	if a.HasEUR {
		props["amountEur"] = []string{money(a.EUR)}
	}
	fw.put(aid, schema, props)
	own := map[string][]string{
		"owner": {pid}, "asset": {aid}, "recordId": {refText(a.Ref)},
		"summary": {fmt.Sprintf("seized %s; counted toward the target: %s", day(a.SeizureDate), yesNo(a.Counted))},
	}
	if !a.Share.IsZero() {
		own["percentage"] = []string{a.Share.Mul(decimal.NewFromInt(100)).String()}
	}
	fw.put(FtmID(fw.cas, "owns", key, a.Suspect), "Ownership", own)
}

func cur(c string) string {
	if c == "" {
		return "EUR"
	}
	return strings.ToUpper(c)
}

func refText(r ledger.Ref) string {
	s := r.Path
	if i := strings.LastIndexAny(s, `/\`); i >= 0 {
		s = s[i+1:]
	}
	if r.Sheet != "" {
		s += "#" + r.Sheet
	}
	if r.Row > 0 {
		s += fmt.Sprintf(":%d", r.Row)
	}
	return s
}

func attribBy(s string) string {
	if s == "" {
		return ""
	}
	return " (" + s + ")"
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func gender(sex string) string {
	switch strings.ToUpper(sex) {
	case "M":
		return "male"
	case "F":
		return "female"
	}
	return ""
}

// country gives FtM's lower-case ISO code when the input has a two-letter
// code; other spellings are left out rather than guessed.
func country(c string) string {
	c = strings.TrimSpace(c)
	if len(c) == 2 && isLetters(c) {
		return strings.ToLower(c)
	}
	return ""
}

func isLetters(s string) bool {
	for _, r := range s {
		if (r < 'a' || r > 'z') && (r < 'A' || r > 'Z') {
			return false
		}
	}
	return true
}
