package msg

// Why a table's header is not usable for its kind, and why a rate file's
// layout or a rate cannot be read: the reasons of the "no recognisable
// header" and rejected-rate issues.
const (
	HeaderNoneFound      Key = "header_none_found"
	HeaderBestCandidate  Key = "header_best_candidate"
	HeaderNoDate         Key = "header_no_date"
	HeaderNoAmount       Key = "header_no_amount"
	HeaderNoSuspectID    Key = "header_no_suspect_id"
	HeaderIdentifiers    Key = "header_identifiers"
	HeaderNoAssetValue   Key = "header_no_asset_value"
	HeaderNoRecipient    Key = "header_no_recipient"
	HeaderNoMonth        Key = "header_no_month"
	HeaderNoBenefit      Key = "header_no_benefit"
	HeaderNoApplication  Key = "header_no_application"
	HeaderNoMember       Key = "header_no_member"
	HeaderNoRateCurrency Key = "header_no_rate_currency"
	HeaderValueUnquoted  Key = "header_value_unquoted"
	HeaderNoDailyRate    Key = "header_no_daily_rate"
	HeaderNoRates        Key = "header_no_rates"

	RateNoQuotation      Key = "rate_no_quotation"
	RateSameCurrency     Key = "rate_same_currency"
	SeriesNotDaily       Key = "series_not_daily"
	SeriesNotReference   Key = "series_not_reference"
	RateFileNameSilent   Key = "rate_file_name_silent"
	NameTheCoin          Key = "name_the_coin"
	NameThePriceCurrency Key = "name_the_price_currency"
	EitherOr             Key = "either_or"
	AndAlso              Key = "and_also"

	DateOrderDMY    Key = "date_order_dmy"
	DateOrderMDY    Key = "date_order_mdy"
	DateOrderYMD    Key = "date_order_ymd"
	DateOrderUnix   Key = "date_order_unix"
	DatesMixed      Key = "dates_mixed"
	DatesSuchAs     Key = "dates_such_as"
	DatesUSZones    Key = "dates_us_zones"
	DatesYearFirst  Key = "dates_year_first"
	DatesDMYAssumed Key = "dates_dmy_assumed"
	NotADateIn      Key = "not_a_date_in"
)

func init() {
	add(map[Key]entry{
		HeaderNoneFound: {nil, "no header row found", "nessuna riga di intestazione trovata"},
		HeaderBestCandidate: {[]Kind{KInt, KMsg},
			"best header candidate at row {0}: {1}",
			"la riga {0} è la più vicina a un'intestazione, ma: {1}"},
		HeaderNoDate:         {nil, "no date column", "manca la colonna della data"},
		HeaderNoAmount:       {nil, "no amount or credit/debit column", "manca la colonna dell'importo (o di accrediti/addebiti)"},
		HeaderNoSuspectID:    {nil, "no id, tax code or surname and name columns", "mancano le colonne ID, codice fiscale o cognome e nome"},
		HeaderIdentifiers:    {nil, "needs suspect, kind and value columns", "servono le colonne indagato, tipo e valore"},
		HeaderNoAssetValue:   {nil, "no type, value or quantity column", "manca una colonna tipo, valore o quantità"},
		HeaderNoRecipient:    {nil, "no tax code or surname, name and birth date columns", "mancano le colonne codice fiscale o cognome, nome e data di nascita"},
		HeaderNoMonth:        {nil, "no month or from/to columns", "mancano le colonne del mese o dal/al"},
		HeaderNoBenefit:      {nil, "no amount or monthly amount column", "manca la colonna dell'importo o dell'importo mensile"},
		HeaderNoApplication:  {nil, "no application column", "manca la colonna della domanda"},
		HeaderNoMember:       {nil, "no tax code or surname and name columns", "mancano le colonne codice fiscale o cognome e nome"},
		HeaderNoRateCurrency: {nil, "no currency column beside the rate", "manca la colonna della valuta accanto al cambio"},
		HeaderValueUnquoted: {nil,
			"a value column, but nothing says how it is quoted (name the column eur_per_unit or units_per_eur)",
			"c'è una colonna di valori, ma nulla dice come è quotata (chiamare la colonna eur_per_unit o units_per_eur)"},
		HeaderNoDailyRate: {[]Kind{KMsg},
			"no daily reference-rate column: {0}",
			"nessuna colonna di cambi di riferimento giornalieri: {0}"},
		HeaderNoRates: {nil,
			"neither currency columns (ECB form) nor currency and rate columns",
			"né colonne per valuta (forma BCE) né colonne di valuta e cambio"},

		RateNoQuotation: {nil,
			"the file does not say which currencies the rate is quoted in",
			"il file non dice in quali valute è quotato il cambio"},
		RateSameCurrency: {[]Kind{KText},
			"a rate of {0} per {0}",
			"un cambio di {0} per {0}"},
		SeriesNotDaily: {[]Kind{KText, KText},
			"series {0} is not daily (frequency {1})",
			"la serie {0} non è giornaliera (frequenza {1})"},
		SeriesNotReference: {[]Kind{KText, KText},
			"series {0} is not the reference rate (type {1}, not SP00)",
			"la serie {0} non è il cambio di riferimento (tipo {1}, non SP00)"},
		RateFileNameSilent: {[]Kind{KText, KMsg, KText},
			"{0} has no column for {1} and its file name {2} does not say it (name the file as downloaded, e.g. btc-eur-max.csv)",
			"{0} non ha una colonna per {1} e il nome del file {2} non lo dice (lasciare al file il nome dello scaricamento, ad es. btc-eur-max.csv)"},
		NameTheCoin:          {nil, "the coin", "la criptovaluta"},
		NameThePriceCurrency: {nil, "the currency of the prices", "la valuta dei prezzi"},
		EitherOr:             {[]Kind{KMsg, KMsg}, "{0} or {1}", "{0} o {1}"},
		AndAlso:              {[]Kind{KMsg, KMsg}, "{0}; {1}", "{0}; {1}"},

		DateOrderDMY:  {nil, "day first (dd/mm/yyyy)", "con il giorno prima (gg/mm/aaaa)"},
		DateOrderMDY:  {nil, "month first (mm/dd/yyyy)", "con il mese prima (mm/gg/aaaa)"},
		DateOrderYMD:  {nil, "year first", "con l'anno prima"},
		DateOrderUnix: {nil, "as Unix timestamps", "come timestamp Unix"},
		DatesMixed: {[]Kind{KInt, KText, KInt, KText},
			"the column mixes day first (row {0}: {1}) and month first (row {2}: {3}): dates that read either way are rejected, the others read as they prove",
			"la colonna mescola date con il giorno prima (riga {0}: {1}) e con il mese prima (riga {2}: {3}): le date leggibili in entrambi i modi sono scartate, le altre lette come risulta"},
		DatesSuchAs:     {[]Kind{KText}, "values such as {0}", "valori come {0}"},
		DatesUSZones:    {nil, "no day above 12; the time-zone column names US zones", "nessun giorno oltre il 12; la colonna del fuso orario indica fusi degli Stati Uniti"},
		DatesYearFirst:  {[]Kind{KText}, "year-first dates such as {0}", "date con l'anno prima, come {0}"},
		DatesDMYAssumed: {nil, "no day above 12 and no US time zone: day first assumed", "nessun giorno oltre il 12 e nessun fuso orario degli Stati Uniti: si assume il giorno prima"},
		NotADateIn: {[]Kind{KMsg, KText},
			"not a date in {0}: {1}",
			"non è una data {0}: {1}"},
	})
}
