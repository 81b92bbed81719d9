// Package ledger holds crosscheck's domain: the typed rows read from the
// investigators' spreadsheets (suspects, payments, assets, benefits, rates),
// money and currencies, exchange rates, duplicate detection, per-suspect
// totals and the valuation of seized assets.
//
// It knows nothing about spreadsheets, the command line or the workbook:
// ingest turns files into these types, match attributes and cross-checks,
// reports writes the results.
package ledger

import (
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/msg"

	"github.com/shopspring/decimal"
)

// Kind is the kind of an input table.
type Kind string

// The seven input table kinds of docs/rules.md#inputs.
const (
	KindSuspects    Kind = "suspects"
	KindIdentifiers Kind = "identifiers"
	KindPayments    Kind = "payments"
	KindAssets      Kind = "assets"
	KindBenefits    Kind = "benefits"
	KindHousehold   Kind = "household"
	KindRates       Kind = "rates"
)

// Kinds lists the table kinds in the order a case is read: suspects and
// identifiers first (attribution needs them), household before benefits
// (benefit rows are kept only when they concern a suspect), rates before
// payments and assets (conversion needs them).
var Kinds = []Kind{KindSuspects, KindIdentifiers, KindRates, KindHousehold, KindBenefits, KindAssets, KindPayments}

// Ref locates a row as the user sees it: the file, the sheet (empty for
// CSV) and the 1-based row number counting the header and any title rows.
type Ref struct {
	Path  string
	Sheet string
	Row   int
}

// Issue is one problem found in the inputs: a rejected row, a value that
// could not be read, a duplicate, a conflict, an identifier shared by two
// suspects. Row 0 means the problem concerns the whole file or sheet.
type Issue struct {
	Path  string
	Sheet string
	Row   int
	// Column is the header as written in the file. Packages that know
	// only the field (ledger, match) set Field instead; the outputs name
	// the column through the source's Headers.
	Column string
	Field  string
	Value  string
	// Msg says what is wrong, as a catalogue message the outputs render
	// in the report's language.
	Msg   msg.Message
	Level Level
}

// Level says how much an issue matters to the figures.
type Level uint8

// Issue levels. The zero level is a warning, so that an issue whose
// emitter forgot to choose is neither hidden as a note nor counted as a
// rejection.
const (
	// LevelWarning: no figure changed, but a person should know (a birth
	// date that disagrees with the tax code, an identifier shared by two
	// suspects, a benefit month outside the benefit's life span).
	LevelWarning Level = iota
	// LevelRejected: a row or value left out of the figures (a rejected
	// row, an amount with no rate, an asset not counted).
	LevelRejected
	// LevelNote: listed for the record, nothing to fix (an ignored
	// column, a duplicate set aside as docs/rules.md#duplicates says).
	LevelNote
)

// Levels lists the levels in the order the outputs show them.
var Levels = []Level{LevelRejected, LevelWarning, LevelNote}

// String is the level's name in the JSON and the English outputs.
func (l Level) String() string {
	switch l {
	case LevelRejected:
		return "rejected"
	case LevelNote:
		return "note"
	}
	return "warning"
}

// Source is one input table (a CSV file or one sheet of a workbook) with
// its row accounting: Rows = Accepted + Rejected + Duplicates, always.
type Source struct {
	Path       string
	Sheet      string
	Kind       Kind
	SHA256     string
	Rows       int
	Accepted   int
	Rejected   int
	Duplicates int
	// Suspect is the case file's `suspect:` for a payments file: every
	// row of it is income of that suspect.
	Suspect string
	// Unknown lists the header cells that matched no field, once.
	Unknown []string
	// Profile is the export profile the table was read with (empty for
	// a table read by its headers alone).
	Profile string
	// Headers maps each field read to its header as written in the file,
	// so that an issue found after reading names the user's column.
	Headers map[string]string
}

// IdentKind is the kind of a suspect identifier.
type IdentKind string

// Identifier kinds (identifiers table and the suspects table's columns).
const (
	IdentIBAN     IdentKind = "iban"
	IdentWallet   IdentKind = "wallet"
	IdentCard     IdentKind = "card"
	IdentPayPal   IdentKind = "paypal"
	IdentEmail    IdentKind = "email"
	IdentPhone    IdentKind = "phone"
	IdentTelegram IdentKind = "telegram"
	IdentAccount  IdentKind = "account"
)

// IdentKinds lists every identifier kind, in a fixed order.
var IdentKinds = []IdentKind{IdentIBAN, IdentWallet, IdentCard, IdentPayPal, IdentEmail, IdentPhone, IdentTelegram, IdentAccount}

// Identifier is an account, wallet, card, e-mail... known to belong to a
// suspect. Value is as written in the input; match normalises it.
type Identifier struct {
	Suspect string // suspect id (or tax code) as written in the input
	Kind    IdentKind
	Value   string
	Ref     Ref
}

// Suspect is one row of the suspects table.
type Suspect struct {
	ID         string // defaults to the tax code when the input has no id
	TaxCode    string // as written (upper-cased, spaces removed); may be empty
	Surname    string
	Name       string
	BirthDate  time.Time // zero when unknown; UTC midnight
	BirthPlace string
	Sex        string // "M", "F" or empty
	Country    string
	Role       string
	Upline     string
	// Identifiers from the suspects table's own columns (iban, wallet,
	// email, phone, telegram, card); the identifiers table adds more.
	Identifiers []Identifier
	Ref         Ref
}

// Payment is one row of a payments table, typed but not yet converted,
// deduplicated or attributed.
type Payment struct {
	Ref  Ref
	Date time.Time // the day, Europe/Rome, as UTC midnight
	// Amount is in units of Currency, at full precision: positive for
	// incoming and outgoing rows, negative for a refund (it nets income).
	Amount decimal.Decimal
	// Direction is what the row is relative to the suspect; DirReason
	// says which column or rule decided it (empty for a plain incoming
	// row).
	Direction    Direction
	DirReason    string
	Currency     string // upper-case ISO 4217 code or crypto ticker
	Payer        string
	PayerAccount string
	Payee        string
	PayeeAccount string
	Reference    string
	Description  string
	Channel      string
	Suspect      string // the row's own suspect column
	FileSuspect  string // the case file's `suspect:` for this source
}

// Direction is what a payment row is relative to the suspect
// (docs/rules.md#direction).
type Direction uint8

// Directions. Only incoming rows and refunds make income; outgoing rows
// are reported apart; rows that are not a payment are listed with their
// reason and never summed.
const (
	DirIncoming   Direction = iota // money received: income
	DirOutgoing                    // the suspect's own spending or transfer
	DirRefund                      // refund or reversal of an incoming payment: nets income
	DirNotPayment                  // conversion leg, hold, own-account transfer, fee, trade, failed or unbooked row
)

// Directions lists every direction in display order.
var Directions = []Direction{DirIncoming, DirOutgoing, DirRefund, DirNotPayment}

// String is the direction's name in reports and the JSON document.
func (d Direction) String() string {
	switch d {
	case DirOutgoing:
		return "outgoing"
	case DirRefund:
		return "refund"
	case DirNotPayment:
		return "not_a_payment"
	}
	return "incoming"
}

// ParseDirection reads a direction name as String writes it, or an
// Italian or English synonym.
func ParseDirection(s string) (Direction, bool) {
	switch strings.ToLower(strings.NewReplacer(" ", "", "_", "", "-", "").Replace(strings.TrimSpace(s))) {
	case "incoming", "in", "income", "credit", "entrata", "accredito":
		return DirIncoming, true
	case "outgoing", "out", "debit", "uscita", "addebito":
		return DirOutgoing, true
	case "refund", "reversal", "rimborso", "storno":
		return DirRefund, true
	case "notapayment", "none", "ignore", "nonpagamento", "ignora":
		return DirNotPayment, true
	}
	return 0, false
}

// Debit reports an outgoing row: not income, reported apart.
func (p *Payment) Debit() bool { return p.Direction == DirOutgoing }

// Counted reports a row that makes income (incoming or refund).
func (p *Payment) Counted() bool { return p.Direction == DirIncoming || p.Direction == DirRefund }

// AssetType is the category of a seized item.
type AssetType string

// Asset types (docs/rules.md#seized-value). The last group carries no monetary value.
const (
	AssetBankAccount     AssetType = "bank_account"
	AssetCrypto          AssetType = "crypto"
	AssetCash            AssetType = "cash"
	AssetRealEstate      AssetType = "real_estate"
	AssetVehicle         AssetType = "vehicle"
	AssetCompany         AssetType = "company"
	AssetSecurities      AssetType = "securities"
	AssetValuables       AssetType = "valuables"
	AssetServer          AssetType = "server"
	AssetDomain          AssetType = "domain"
	AssetPlatform        AssetType = "platform"
	AssetTelegramChannel AssetType = "telegram_channel"
	AssetSmartCard       AssetType = "smart_card"
	AssetOther           AssetType = "other"
)

// AssetTypes lists every asset type in display order.
var AssetTypes = []AssetType{AssetBankAccount, AssetCrypto, AssetCash, AssetRealEstate, AssetVehicle, AssetCompany, AssetSecurities, AssetValuables, AssetServer, AssetDomain, AssetPlatform, AssetTelegramChannel, AssetSmartCard, AssetOther}

// Monetary reports whether assets of this type carry a value that counts
// toward the seizure target. Servers, domains, channels... are takedowns:
// counted, not valued.
func (t AssetType) Monetary() bool {
	switch t {
	case AssetServer, AssetDomain, AssetPlatform, AssetTelegramChannel, AssetSmartCard, AssetOther:
		return false
	}
	return true
}

// AssetStatus is the legal state of a seized item.
type AssetStatus string

// Asset statuses: released items are listed and not counted.
const (
	StatusSeized      AssetStatus = "seized"
	StatusConfiscated AssetStatus = "confiscated"
	StatusReleased    AssetStatus = "released"
)

// Asset is one row of the seizure records.
type Asset struct {
	Ref         Ref
	ID          string
	Owner       string // suspect id or tax code as written
	Type        AssetType
	Description string
	// Value is in Currency; HasValue is false when the cell was empty.
	Value    decimal.Decimal
	HasValue bool
	// Quantity is in units of Currency (crypto, securities).
	Quantity    decimal.Decimal
	HasQuantity bool
	Currency    string // empty means EUR
	SeizureDate time.Time
	Country     string
	Measure     string
	// Share is the ownership share as a fraction in (0, 1]; 1 when absent.
	Share  decimal.Decimal
	Status AssetStatus
}

// BenefitRow is one row of a benefit table. The monthly form has
// From == To (the first day of the month); the period form spans several
// months at MonthlyAmount each, expanded to months by match.
type BenefitRow struct {
	Ref           Ref
	Application   string
	TaxCode       string
	Surname       string
	Name          string
	BirthDate     time.Time
	BirthPlace    string
	From          time.Time // first day of the first month paid
	To            time.Time // first day of the last month paid
	MonthlyAmount decimal.Decimal
	// Programme is the row's programme column, else the file's
	// `programme:`; empty means reddito di cittadinanza.
	Programme Programme
}

// HouseholdMember is one row of the household table.
type HouseholdMember struct {
	Ref         Ref
	Application string
	TaxCode     string
	Surname     string
	Name        string
	BirthDate   time.Time
	Relation    string
}

// Rate is one exchange rate or price. With PerUnit false Value is units of
// Currency per 1 EUR (the ECB quotation); with PerUnit true it is EUR per
// 1 unit of Currency (a price table, crypto).
type Rate struct {
	Ref      Ref
	Date     time.Time
	Currency string
	Value    decimal.Decimal
	PerUnit  bool
	// Via, when set, is the currency Value is quoted against instead of
	// EUR (a coin's price in USD: Value USD per unit; Banca d'Italia's
	// rates per US dollar: Value units per USD). Rates.ResolveCross turns
	// it into an EUR rate with Via's own rate of the day.
	Via string
}
