package msg

// entry is one message: its English and Italian text, with {0}, {1}...
// standing for the arguments, and the kinds of its arguments.
type entry struct {
	args   []Kind
	en, it string
}

// Message keys. The Italian is written as an Italian financial-police
// analyst writes a report: "segnalazione" and "riga" are feminine, a
// "pagamento" and a "bene" masculine.
const (
	// Rates and conversion (ledger).
	RateNotPositive  Key = "rate_not_positive"
	RateForEUR       Key = "rate_for_eur"
	RateTwice        Key = "rate_twice"
	QuoteEURPerUnit  Key = "quote_eur_per_unit"
	QuoteUnitsPerEUR Key = "quote_units_per_eur"
	NoRateAtAll      Key = "no_rate_at_all"
	NoRateWithin     Key = "no_rate_within"
	RateViaMissing   Key = "rate_via_missing"

	// Payments (ledger).
	DuplicatePayment         Key = "duplicate_payment"
	SameReferenceOtherAmount Key = "same_reference_other_amount"
	PaymentSuspectUnknown    Key = "payment_suspect_unknown"

	// Seized assets (ledger).
	AssetOwnerUnknown  Key = "asset_owner_unknown"
	AssetShareOutside  Key = "asset_share_outside"
	AssetNoValue       Key = "asset_no_value"
	AssetValueRange    Key = "asset_value_range"
	AssetNoSeizureDate Key = "asset_no_seizure_date"
	NotCounted         Key = "not_counted"
	AtReportDate       Key = "at_report_date"
)

var catalogue = map[Key]entry{
	RateNotPositive: {[]Kind{KText, KDate, KNum},
		"rate for {0} on {1} is not positive: {2}",
		"il cambio {0} del {1} non è positivo: {2}"},
	RateForEUR: {[]Kind{KDate, KNum},
		"rate for EUR on {0} is {1}: EUR needs no rate, ignored",
		"il cambio EUR del {0} vale {1}: l'euro non richiede cambio, ignorato"},
	RateTwice: {[]Kind{KText, KDate, KMsg, KRef, KMsg, KRef},
		"rate for {0} on {1} given twice: {2} ({3}) and {4} ({5}): the first is kept",
		"cambio {0} del {1} indicato due volte: {2} ({3}) e {4} ({5}): si tiene il primo"},
	QuoteEURPerUnit: {[]Kind{KNum, KText},
		"{0} EUR per {1}",
		"{0} EUR per {1}"},
	QuoteUnitsPerEUR: {[]Kind{KNum, KText},
		"{0} {1} per EUR",
		"{0} {1} per EUR"},
	NoRateAtAll: {[]Kind{KText, KDate},
		"no rate for {0} on {1} (no {0} rates in the inputs)",
		"nessun cambio {0} per il {1} (i dati non contengono cambi {0})"},
	NoRateWithin: {[]Kind{KText, KDate, KInt},
		"no rate for {0} on {1} (none within {2} days before)",
		"nessun cambio {0} per il {1} (nessuno nei {2} giorni precedenti)"},

	RateViaMissing: {[]Kind{KText, KText, KDate, KInt},
		"{0} is quoted in {1} on {2} and there is no {1} rate within {3} days before to turn it into EUR",
		"{0} è quotato in {1} il {2} e non c'è un cambio {1} nei {3} giorni precedenti per convertirlo in EUR"},

	DuplicatePayment: {[]Kind{KRef, KText},
		"duplicate of {0} (same reference {1}, same amount)",
		"duplicato di {0} (stesso riferimento {1}, stesso importo)"},
	SameReferenceOtherAmount: {[]Kind{KText, KRef, KNum, KNum},
		"same reference {0} as {1} with a different amount ({2} vs {3}): both kept",
		"stesso riferimento {0} di {1} con importo diverso ({2} contro {3}): tenuti entrambi"},
	PaymentSuspectUnknown: {[]Kind{KText},
		"suspect {0} is not in the suspects table: payment left unattributed",
		"l'indagato {0} non è nella tabella degli indagati: pagamento non attribuito"},

	AssetOwnerUnknown: {[]Kind{KText},
		"owner {0} is not a known suspect: the asset counts in the total, under no suspect",
		"l'intestatario {0} non è un indagato noto: il bene conta nel totale, senza indagato"},
	AssetShareOutside: {[]Kind{KNum},
		"ownership share {0} is outside (0, 1]: not counted",
		"quota di proprietà {0} fuori da (0, 1]: non conteggiato"},
	AssetNoValue: {nil,
		"no value or quantity: not counted",
		"né valore né quantità: non conteggiato"},
	AssetValueRange: {nil,
		"value out of range: not counted",
		"valore fuori scala: non conteggiato"},
	AssetNoSeizureDate: {[]Kind{KText},
		"no seizure date to take the {0} rate from: not counted",
		"manca la data del sequestro per il cambio {0}: non conteggiato"},
	NotCounted: {[]Kind{KMsg},
		"{0}: not counted",
		"{0}: non conteggiato"},
	AtReportDate: {[]Kind{KMsg},
		"at the report date: {0}",
		"alla data del rapporto: {0}"},
}
