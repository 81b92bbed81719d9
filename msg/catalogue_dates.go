package msg

// How init read a table's date column (ingest's date-order detection),
// said beside the table in case.yaml.
const (
	DatesConflict      Key = "dates_conflict"
	DatesDayFirst      Key = "dates_day_first"
	DatesDayFirstUTC   Key = "dates_day_first_utc"
	DatesByZone        Key = "dates_by_zone"
	DatesByZoneUTC     Key = "dates_by_zone_utc"
	DatesMonthFirst    Key = "dates_month_first"
	DatesMonthFirstUTC Key = "dates_month_first_utc"
	DatesAmbiguous     Key = "dates_ambiguous"
	DatesUnix          Key = "dates_unix"
	DatesUTC           Key = "dates_utc"
	InitExportProfile  Key = "init_export_profile"
	// How init read a rates file.
	RatesNotReadable   Key = "rates_not_readable"
	RatesCoin          Key = "rates_coin"
	RatesPriceCurrency Key = "rates_price_currency"
	RatesAnd           Key = "rates_and"
	RatesFromName      Key = "rates_from_name"
	RatesWide          Key = "rates_wide"
	RatesWideMore      Key = "rates_wide_more"
)

func init() {
	const utcEN, utcIT = ", times in UTC (the header says so), the day taken in Rome", ", orari in UTC (lo dice l'intestazione), il giorno preso all'ora di Roma"
	add(map[Key]entry{
		DatesConflict: {[]Kind{KText, KInt, KText, KInt, KText},
			"dates in \"{0}\" mix day first (row {1}: {2}) and month first (row {3}: {4}): dates that read either way will be rejected",
			"le date in \"{0}\" mescolano giorno prima (riga {1}: {2}) e mese prima (riga {3}: {4}): le date leggibili nei due modi saranno scartate"},
		DatesDayFirst: {[]Kind{KText, KInt, KText},
			"dates in \"{0}\" are day first (row {1}: {2})",
			"le date in \"{0}\" hanno il giorno prima (riga {1}: {2})"},
		DatesDayFirstUTC: {[]Kind{KText, KInt, KText},
			"dates in \"{0}\" are day first (row {1}: {2})" + utcEN,
			"le date in \"{0}\" hanno il giorno prima (riga {1}: {2})" + utcIT},
		DatesByZone: {[]Kind{KText},
			"dates in \"{0}\": no day above 12; read month first, US style, as the time-zone column names US zones",
			"date in \"{0}\": nessun giorno oltre il 12; lette con il mese prima, all'americana, perché la colonna del fuso indica fusi USA"},
		DatesByZoneUTC: {[]Kind{KText},
			"dates in \"{0}\": no day above 12; read month first, US style, as the time-zone column names US zones" + utcEN,
			"date in \"{0}\": nessun giorno oltre il 12; lette con il mese prima, all'americana, perché la colonna del fuso indica fusi USA" + utcIT},
		DatesMonthFirst: {[]Kind{KText, KInt, KText},
			"dates in \"{0}\" are month first, US style (row {1}: {2})",
			"le date in \"{0}\" hanno il mese prima, all'americana (riga {1}: {2})"},
		DatesMonthFirstUTC: {[]Kind{KText, KInt, KText},
			"dates in \"{0}\" are month first, US style (row {1}: {2})" + utcEN,
			"le date in \"{0}\" hanno il mese prima, all'americana (riga {1}: {2})" + utcIT},
		DatesAmbiguous: {[]Kind{KText, KInt},
			"dates in \"{0}\": no value in the first {1} rows tells day from month: read day first; check",
			"date in \"{0}\": nessun valore nelle prime {1} righe distingue il giorno dal mese: lette con il giorno prima; verificare"},
		DatesUnix: {[]Kind{KText},
			"dates in \"{0}\" are Unix timestamps (UTC), the day taken in Rome",
			"le date in \"{0}\" sono timestamp Unix (UTC), il giorno preso all'ora di Roma"},
		DatesUTC: {[]Kind{KText},
			"dates in \"{0}\"" + utcEN,
			"date in \"{0}\"" + utcIT},
		RatesNotReadable:   {[]Kind{KMsg}, "NOT READABLE: {0}", "NON LEGGIBILE: {0}"},
		RatesCoin:          {[]Kind{KText}, "the coin {0}", "la moneta {0}"},
		RatesPriceCurrency: {[]Kind{KText}, "the price currency {0}", "la valuta del prezzo {0}"},
		RatesAnd:           {[]Kind{KMsg, KMsg}, "{0} and {1}", "{0} e {1}"},
		RatesFromName: {[]Kind{KMsg, KText},
			"{0} taken from the file name {1} (the file has no column for it)",
			"{0} dal nome del file {1} (il file non ha una colonna per questo dato)"},
		RatesWide: {[]Kind{KText, KText},
			"one column per currency, units per {0} ({1})",
			"una colonna per valuta, unità per {0} ({1})"},
		RatesWideMore: {[]Kind{KText, KText, KInt},
			"one column per currency, units per {0} ({1}, ... {2} currencies)",
			"una colonna per valuta, unità per {0} ({1}, ... {2} valute)"},
		InitExportProfile: {[]Kind{KText, KTerm},
			"export profile {0} ({1})",
			"profilo di export {0} ({1})"},
	})
}
