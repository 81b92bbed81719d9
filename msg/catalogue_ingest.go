package msg

// Messages about reading the input tables (ingest).
const (
	Detail              Key = "detail"
	NotANumber          Key = "not_a_number"
	MisplacedSign       Key = "misplaced_sign"
	TwoSigns            Key = "two_signs"
	NoDigits            Key = "no_digits"
	TwoDecimalPoints    Key = "two_decimal_points"
	TwoDecimalCommas    Key = "two_decimal_commas"
	TooManyDigits       Key = "too_many_digits"
	MisplacedThousands  Key = "misplaced_thousands"
	EmptyAmount         Key = "empty_amount"
	NotAnAmount         Key = "not_an_amount"
	UnknownCurrencyCode Key = "unknown_currency_code"
	EmptyDate           Key = "empty_date"
	NotADate            Key = "not_a_date"
	EmptyMonth          Key = "empty_month"
	NotAMonth           Key = "not_a_month"
	ZeroDenominator     Key = "zero_denominator"
	NotAShare           Key = "not_a_share"
	ShareOutside        Key = "share_outside"

	NotADateExpected    Key = "not_a_date_expected"
	MissingDate         Key = "missing_date"
	UnknownCurrency     Key = "unknown_currency"
	UnknownDirection    Key = "unknown_direction"
	CreditAndDebit      Key = "credit_and_debit"
	MissingAmount       Key = "missing_amount"
	SuspectUnnamed      Key = "suspect_unnamed"
	SexNotMF            Key = "sex_not_m_f"
	MissingSuspect      Key = "missing_suspect"
	UnknownIdentKind    Key = "unknown_ident_kind"
	MissingValue        Key = "missing_value"
	UnknownAssetType    Key = "unknown_asset_type"
	MissingAssetType    Key = "missing_asset_type"
	UnknownStatus       Key = "unknown_status"
	RecipientUnnamed    Key = "recipient_unnamed"
	MissingMonth        Key = "missing_month"
	PeriodBackwards     Key = "period_backwards"
	NegativeBenefit     Key = "negative_benefit"
	MissingApplication  Key = "missing_application"
	MemberUnnamed       Key = "member_unnamed"
	MissingRate         Key = "missing_rate"
	RateNotPositiveCell Key = "rate_not_positive_cell"

	DateOrderConflict    Key = "date_order_conflict"
	DateMonthFirst       Key = "date_month_first"
	DateDayFirst         Key = "date_day_first"
	DateMonthFirstLate   Key = "date_month_first_late"
	DateDayFirstZone     Key = "date_day_first_zone"
	RateNotDaily         Key = "rate_not_daily"
	RateNotReference     Key = "rate_not_reference"
	MissingCurrency      Key = "missing_currency"
	NotSeriesKey         Key = "not_series_key"
	QuotationUnknown     Key = "quotation_unknown"
	UnitMultiplier       Key = "unit_multiplier"
	ColumnIgnored        Key = "column_ignored"
	AmountOutOfRange     Key = "amount_out_of_range"
	ControlsRemoved      Key = "controls_removed"
	UnknownColumn        Key = "unknown_column"
	NoHeader             Key = "no_header"
	SheetSkipped         Key = "sheet_skipped"
	SheetSkippedProfiles Key = "sheet_skipped_profiles"

	ProfileDates          Key = "profile_dates"
	ProfileHolder         Key = "profile_holder"
	ProfileNoHolder       Key = "profile_no_holder"
	ReadWithProfile       Key = "read_with_profile"
	HeaderTwoRows         Key = "header_two_rows"
	UnknownHeaderCurrency Key = "unknown_header_currency"
	InAndOut              Key = "in_and_out"
	UnknownProgramme      Key = "unknown_programme"
	NotReadAsEUR          Key = "not_read_as_eur"
)

func init() {
	add(map[Key]entry{
		// Detail carries a text from outside the catalogue (an operating
		// system error) as it is.
		Detail:              {[]Kind{KText}, "{0}", "{0}"},
		NotANumber:          {nil, "not a number", "non è un numero"},
		MisplacedSign:       {nil, "misplaced sign", "segno fuori posto"},
		TwoSigns:            {nil, "more than one sign", "più di un segno"},
		NoDigits:            {nil, "no digits", "nessuna cifra"},
		TwoDecimalPoints:    {nil, "two decimal points", "due punti decimali"},
		TwoDecimalCommas:    {nil, "two decimal commas", "due virgole decimali"},
		TooManyDigits:       {nil, "too many digits", "troppe cifre"},
		MisplacedThousands:  {nil, "misplaced thousands separator", "separatore delle migliaia fuori posto"},
		EmptyAmount:         {nil, "empty amount", "importo vuoto"},
		NotAnAmount:         {[]Kind{KMsg}, "not an amount: {0}", "non è un importo: {0}"},
		UnknownCurrencyCode: {[]Kind{KText}, "unknown currency {0}", "valuta {0} sconosciuta"},
		EmptyDate:           {nil, "empty date", "data vuota"},
		NotADate:            {nil, "not a date", "non è una data"},
		EmptyMonth:          {nil, "empty month", "mese vuoto"},
		NotAMonth:           {nil, "not a month", "non è un mese"},
		ZeroDenominator:     {nil, "zero denominator", "denominatore zero"},
		NotAShare:           {nil, "not a share", "non è una quota"},
		ShareOutside:        {nil, "share is not between 0 and 100%", "quota non compresa tra 0 e 100%"},

		NotADateExpected:    {nil, "not a date (expected dd/mm/yyyy, yyyy-mm-dd or a date cell)", "non è una data (attesa gg/mm/aaaa, aaaa-mm-gg o una cella data)"},
		MissingDate:         {nil, "missing date", "data mancante"},
		UnknownCurrency:     {nil, "unknown currency", "valuta sconosciuta"},
		UnknownDirection:    {nil, "unknown direction (expected D/A, Dare/Avere)", "segno sconosciuto (atteso D/A, Dare/Avere)"},
		CreditAndDebit:      {nil, "both credit and debit are filled in", "compilati sia l'accredito sia l'addebito"},
		MissingAmount:       {nil, "missing amount", "importo mancante"},
		SuspectUnnamed:      {nil, "no id, tax code or surname and name", "mancano ID, codice fiscale o cognome e nome"},
		SexNotMF:            {nil, "sex is not M or F", "sesso diverso da M o F"},
		MissingSuspect:      {nil, "missing suspect", "indagato mancante"},
		UnknownIdentKind:    {nil, "unknown identifier kind (expected iban, wallet, card, paypal, email, phone, telegram, account)", "tipo di identificativo sconosciuto (atteso iban, wallet, card, paypal, email, phone, telegram, account)"},
		MissingValue:        {nil, "missing value", "valore mancante"},
		UnknownAssetType:    {nil, "unknown asset type", "tipo di bene sconosciuto"},
		MissingAssetType:    {nil, "missing asset type", "tipo di bene mancante"},
		UnknownStatus:       {nil, "unknown status (expected sequestrato, confiscato, dissequestrato)", "stato sconosciuto (atteso sequestrato, confiscato, dissequestrato)"},
		RecipientUnnamed:    {nil, "no tax code, nor surname, name and birth date", "mancano il codice fiscale e cognome, nome e data di nascita"},
		MissingMonth:        {nil, "missing month (or from and to)", "mese mancante (o inizio e fine)"},
		PeriodBackwards:     {nil, "period ends before it starts", "il periodo finisce prima di iniziare"},
		NegativeBenefit:     {nil, "negative benefit amount", "importo del beneficio negativo"},
		MissingApplication:  {nil, "missing application", "domanda mancante"},
		MemberUnnamed:       {nil, "no tax code, nor surname and name", "mancano il codice fiscale e cognome e nome"},
		MissingRate:         {nil, "missing rate", "cambio mancante"},
		RateNotPositiveCell: {nil, "rate must be greater than 0", "il cambio deve essere maggiore di 0"},

		DateOrderConflict: {[]Kind{KInt, KText, KInt, KText, KText},
			"the column has day-first (row {0}: {1}) and month-first (row {2}: {3}) dates: {4} reads either way",
			"la colonna ha date col giorno prima (riga {0}: {1}) e col mese prima (riga {2}: {3}): {4} si legge in entrambi i modi"},
		DateMonthFirst: {[]Kind{KInt, KText},
			"month first, in a column of day-first dates (row {0}: {1})",
			"mese prima, in una colonna di date col giorno prima (riga {0}: {1})"},
		DateDayFirst: {[]Kind{KInt, KText},
			"day first, in a column of month-first dates (row {0}: {1})",
			"giorno prima, in una colonna di date col mese prima (riga {0}: {1})"},
		DateDayFirstZone: {nil,
			"day first, in a column read month first because its time zones are US zones",
			"giorno prima, in una colonna letta col mese prima perché i suoi fusi orari sono statunitensi"},
		DateMonthFirstLate: {nil,
			"month first, but no earlier row told the order and the column was read day first: its earlier dates that read either way may be wrong",
			"mese prima, ma nessuna riga precedente indicava l'ordine e la colonna è stata letta col giorno prima: le date precedenti leggibili in entrambi i modi possono essere errate"},
		RateNotDaily: {[]Kind{KText},
			"frequency {0}: not a daily rate (only daily rates convert payments)",
			"frequenza {0}: non è un cambio giornaliero (solo i cambi giornalieri convertono i pagamenti)"},
		RateNotReference: {[]Kind{KText},
			"exchange-rate type {0} is not the reference rate (SP00)",
			"il tipo di cambio {0} non è il cambio di riferimento (SP00)"},
		MissingCurrency: {nil, "missing currency", "valuta mancante"},
		NotSeriesKey: {nil,
			"not an ECB exchange-rate series key (EXR.D.USD.EUR.SP00.A)",
			"non è una chiave di serie di cambio BCE (EXR.D.USD.EUR.SP00.A)"},
		QuotationUnknown: {nil,
			"quotation not understood (expected e.g. \"Quantità di valuta estera per 1 Euro\")",
			"quotazione non riconosciuta (attesa ad es. \"Quantità di valuta estera per 1 Euro\")"},
		UnitMultiplier: {nil,
			"unit multiplier is not a power of ten between -18 and 18",
			"il moltiplicatore dell'unità non è una potenza di dieci tra -18 e 18"},
		ColumnIgnored:    {[]Kind{KMsg}, "{0}; column ignored", "{0}; colonna ignorata"},
		AmountOutOfRange: {[]Kind{KInt}, "amount out of range: 10^{0} or more", "importo fuori scala: 10^{0} o più"},
		ControlsRemoved: {nil, "control characters removed from the cell (shown escaped); the row is kept",
			"caratteri di controllo tolti dalla cella (mostrati con escape); la riga è tenuta"},
		UnknownColumn: {nil, "unknown column, ignored", "colonna non riconosciuta, ignorata"},
		NoHeader:      {[]Kind{KMsg}, "no recognisable header: {0}", "nessuna intestazione riconoscibile: {0}"},
		SheetSkippedProfiles: {[]Kind{KMsg, KTerm, KText},
			"{0} for {1} (nor the header of an export profile: {2}; a profile in the case file can describe it); sheet skipped",
			"{0} per {1} (né l'intestazione di un profilo di esportazione: {2}; un profilo nel file del caso può descriverla); foglio saltato"},
		UnknownProgramme: {[]Kind{KText},
			"unknown benefit programme (expected {0})",
			"programma di sostegno sconosciuto (atteso {0})"},
		NotReadAsEUR: {[]Kind{KText},
			"not read as EUR: {0} (give the currency and unit: a currency column, or a profile in the case file)",
			"non letto come EUR: {0} (indicare valuta e unità: una colonna della valuta, o un profilo nel file del caso)"},
		ProfileDates: {[]Kind{KText, KMsg, KMsg},
			"profile {0}: dates read {1} ({2})",
			"profilo {0}: date lette {1} ({2})"},
		ProfileHolder: {[]Kind{KText, KText},
			"profile {0}: the export is of address {1} (in every row): rows to it are incoming, rows from it outgoing",
			"profilo {0}: l'estratto è dell'indirizzo {1} (presente in ogni riga): le righe verso di esso sono in entrata, quelle da esso in uscita"},
		ProfileNoHolder: {[]Kind{KText},
			"profile {0}: no address is in every row: each row is read as received by its To address",
			"profilo {0}: nessun indirizzo è presente in ogni riga: ogni riga è letta come ricevuta dal suo indirizzo di destinazione"},
		HeaderTwoRows: {[]Kind{KInt, KInt, KText},
			"the header is written over rows {0} and {1}: read as one ({2})",
			"l'intestazione occupa le righe {0} e {1}: letta come una sola ({2})"},
		ReadWithProfile: {[]Kind{KText, KText, KInt},
			"read with the profile {0} ({1}), header on row {2}",
			"letto con il profilo {0} ({1}), intestazione alla riga {2}"},
		UnknownHeaderCurrency: {nil, "unknown currency in the header", "valuta sconosciuta nell'intestazione"},
		InAndOut:              {nil, "both in and out are filled in", "compilati sia l'entrata sia l'uscita"},
		SheetSkipped:          {[]Kind{KMsg, KTerm}, "{0} for {1}; sheet skipped", "{0} per {1}; foglio saltato"},
	})
}

// add merges a part of the catalogue; a key defined twice is a mistake
// the catalogue test reports.
func add(part map[Key]entry) {
	for k, e := range part {
		if _, dup := catalogue[k]; dup {
			duplicateKeys = append(duplicateKeys, k)
		}
		catalogue[k] = e
	}
}

var duplicateKeys []Key

// Words of the outputs' issue lists.
const MoreValues Key = "more_values"

func init() {
	add(map[Key]entry{
		MoreValues: {[]Kind{KText, KInt}, "{0} and {1} other values", "{0} e altri {1} valori"},
	})
}

// ValidateTotals closes validate's listing; IssueTotals counts the issues
// in the terminal summary.
const (
	ValidateTotals Key = "validate_totals"
	IssueTotals    Key = "issue_totals"
)

func init() {
	add(map[Key]entry{
		ValidateTotals: {[]Kind{KInt, KInt, KInt, KInt},
			"{0} rejected or not counted, {1} warnings, {2} notes; {3} rows rejected",
			"{0} scartati o non conteggiati, {1} avvisi, {2} note; {3} righe scartate"},
		IssueTotals: {[]Kind{KInt, KInt, KInt},
			"{0} rejected or not counted · {1} warnings · {2} notes",
			"{0} scartati o non conteggiati · {1} avvisi · {2} note"},
	})
}
