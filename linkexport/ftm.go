package linkexport

import (
	"bufio"
	"bytes"
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"github.com/crosscheck/crosscheck/result"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/match/ident"
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
	sum, _ := ftmSum(nil, caseName, kind, key...)
	return hex.EncodeToString(sum[:])
}

// ftmSum is the SHA-1 of FtmID; buf is scratch space, returned for reuse.
func ftmSum(buf []byte, caseName, kind string, key ...string) ([sha1.Size]byte, []byte) {
	buf = append(buf[:0], "crosscheck\x00"...)
	buf = append(buf, caseName...)
	buf = append(buf, 0)
	buf = append(buf, kind...)
	for _, k := range key {
		buf = append(buf, 0)
		buf = append(buf, k...)
	}
	return sha1.Sum(buf), buf
}

// ftmProp is one value of a property; a property with several values is
// several props with the same key, in order.
type ftmProp struct{ key, val string }

type ftmWriter struct {
	w   *bufio.Writer
	cas string
	// seen holds the ids (as hashes: 20 bytes, not 40 of text) of the
	// entities other than payments already written.
	seen  map[[sha1.Size]byte]struct{}
	props []ftmProp // the entity being written
	out   []byte    // its JSON
	scr   []byte    // scratch for ids
	// slow encodes the strings that need escaping as encoding/json does.
	slow    *json.Encoder
	slowBuf bytes.Buffer
	// payees holds the BankAccount id of each payee account met ("" for
	// a wallet): few accounts receive most payments.
	payees map[string]string
	err    error
}

// id is FtmID without the allocations of a fresh hash per call.
func (fw *ftmWriter) id(kind string, key ...string) ([sha1.Size]byte, string) {
	var sum [sha1.Size]byte
	sum, fw.scr = ftmSum(fw.scr, fw.cas, kind, key...)
	return sum, hex.EncodeToString(sum[:])
}

// add appends a property value; blank values are dropped when written.
func (fw *ftmWriter) add(key string, vals ...string) {
	for _, v := range vals {
		fw.props = append(fw.props, ftmProp{key, v})
	}
}

func (fw *ftmWriter) put(id, schema string, props map[string][]string) {
	for k, v := range props {
		fw.add(k, v...)
	}
	fw.emit(id, schema)
}

// emit writes the entity of fw.props as one JSON line, the bytes
// encoding/json writes for FtmEntity (properties sorted by name, without
// HTML escaping), by hand: it is the export's hot path.
func (fw *ftmWriter) emit(id, schema string) {
	p := slices.DeleteFunc(fw.props, func(x ftmProp) bool { return strings.TrimSpace(x.val) == "" })
	fw.props = p[:0]
	if fw.err != nil {
		return
	}
	// Insertion sort, stable: a property's values keep their order.
	for i := 1; i < len(p); i++ {
		for j := i; j > 0 && p[j].key < p[j-1].key; j-- {
			p[j], p[j-1] = p[j-1], p[j]
		}
	}
	b := append(fw.out[:0], `{"id":`...)
	b = fw.str(b, id)
	b = append(b, `,"schema":`...)
	b = fw.str(b, schema)
	b = append(b, `,"properties":{`...)
	for i := 0; i < len(p); {
		if i > 0 {
			b = append(b, ',')
		}
		b = fw.str(b, p[i].key)
		b = append(b, ':', '[')
		j := i
		for ; j < len(p) && p[j].key == p[i].key; j++ {
			if j > i {
				b = append(b, ',')
			}
			b = fw.str(b, p[j].val)
		}
		b = append(b, ']')
		i = j
	}
	b = append(b, "}}\n"...)
	fw.out = b
	_, fw.err = fw.w.Write(b)
}

// str appends s as a JSON string. Printable ASCII other than quote and
// backslash, nearly every value, is copied; anything else goes through
// encoding/json, so the escapes are exactly its own.
func (fw *ftmWriter) str(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c > 0x7e || c == '"' || c == '\\' {
			fw.slowBuf.Reset()
			if err := fw.slow.Encode(s); err != nil && fw.err == nil {
				fw.err = err
			}
			return append(b, bytes.TrimSuffix(fw.slowBuf.Bytes(), []byte("\n"))...)
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

// once writes an entity the first time its id is met.
func (fw *ftmWriter) once(sum [sha1.Size]byte, id, schema string, props func()) string {
	if _, ok := fw.seen[sum]; !ok {
		fw.seen[sum] = struct{}{}
		props()
		fw.emit(id, schema)
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
func WriteFtM(w io.Writer, r *result.Report) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	fw := &ftmWriter{w: bw, cas: r.Params.Case, seen: map[[sha1.Size]byte]struct{}{}, payees: map[string]string{}}
	fw.slow = json.NewEncoder(&fw.slowBuf)
	fw.slow.SetEscapeHTML(false)
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
	sum, id := fw.id("account", key)
	return fw.once(sum, id, "BankAccount", func() {
		fw.add("name", key)
		if kind == ledger.IdentIBAN || (kind == "" && ident.CheckIBAN(key) == nil) {
			fw.add("iban", key)
		} else {
			fw.add("accountNumber", key)
		}
		if kind != "" && kind != ledger.IdentIBAN {
			fw.add("accountType", string(kind))
		}
	})
}

// userAccount writes a Telegram or PayPal account as FtM's UserAccount,
// owned by the suspect.
func (fw *ftmWriter) userAccount(key string, kind ledger.IdentKind, owner string, ref ledger.Ref) string {
	sum, id := fw.id("user", string(kind), key)
	return fw.once(sum, id, "UserAccount", func() {
		fw.add("owner", owner)
		fw.add("notes", "from "+refText(ref))
		switch {
		case kind == ledger.IdentTelegram:
			fw.add("service", "Telegram")
			fw.add("username", key)
		case strings.Contains(key, "@"):
			fw.add("service", "PayPal")
			fw.add("email", key)
		default:
			fw.add("service", "PayPal")
			fw.add("username", key)
		}
	})
}

func (fw *ftmWriter) wallet(key, holder string) string {
	sum, id := fw.id("wallet", key)
	return fw.once(sum, id, "CryptoWallet", func() {
		fw.add("publicKey", key)
		fw.add("holder", holder)
	})
}

func isWallet(key string) bool {
	// No address format has an '@' (hex, base58, bech32): e-mail
	// addresses, most payers' keys, skip the checks.
	if strings.IndexByte(key, '@') >= 0 {
		return false
	}
	_, err := ident.CheckAddress(key)
	return err == nil
}

func (fw *ftmWriter) payment(e *ledger.Entry, persons map[string]string) {
	// The entities a payment refers to are written before it, once.
	var payer, payerAccount, beneficiaryAccount string
	if pk, label := PayerKey(&e.Payment); pk != "" {
		sum, id := fw.id("payer", pk)
		payer = fw.once(sum, id, "LegalEntity", func() { fw.add("name", label) })
		if k := ident.Key(e.PayerAccount); k != "" {
			if isWallet(k) {
				fw.wallet(k, payer)
			} else {
				payerAccount = fw.account(k, "")
			}
		}
	}
	if k := ident.Key(e.PayeeAccount); k != "" {
		id, ok := fw.payees[k]
		if !ok {
			if !isWallet(k) {
				id = fw.account(k, "")
			}
			fw.payees[k] = id
		}
		beneficiaryAccount = id
	}
	ref := refText(e.Ref)
	fw.add("beneficiary", persons[e.Attrib])
	fw.add("amount", e.Amount.String())
	fw.add("currency", strings.ToUpper(e.Currency))
	fw.add("date", day(e.Date))
	fw.add("purpose", e.Description)
	fw.add("transactionNumber", e.Reference)
	fw.add("recordId", ref)
	fw.add("summary", "attributed to "+e.Attrib+" by "+string(e.Rule)+attribBy(e.AttribBy))
	if e.HasEUR {
		fw.add("amountEur", money(e.EUR))
	}
	fw.add("payer", payer)
	fw.add("payerAccount", payerAccount)
	fw.add("beneficiaryAccount", beneficiaryAccount)
	// The row's place in its file names it: the same export read again
	// gives the same id wherever the case folder lives.
	_, id := fw.id("payment", ref)
	fw.emit(id, "Payment")
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
		s += ":" + strconv.Itoa(r.Row)
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
