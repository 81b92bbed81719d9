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
		InitExportProfile: {[]Kind{KText, KTerm},
			"export profile {0} ({1})",
			"profilo di export {0} ({1})"},
	})
}
