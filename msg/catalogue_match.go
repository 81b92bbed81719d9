package msg

// Messages about attribution and the benefit cross-check (match), and
// about carried reviews (review).
const (
	SuspectNoID           Key = "suspect_no_id"
	SuspectIDRepeated     Key = "suspect_id_repeated"
	IdentNoValue          Key = "ident_no_value"
	IdentUnknownSuspect   Key = "ident_unknown_suspect"
	SuspectInvalid        Key = "suspect_invalid"
	SuspectBirthDisagrees Key = "suspect_birth_disagrees"
	SuspectSexDisagrees   Key = "suspect_sex_disagrees"
	UplineUnknown         Key = "upline_unknown"
	IdentCheckFails       Key = "ident_check_fails"
	NearMiss              Key = "near_miss_note"
	SharedBy              Key = "shared_by"
	RowSuspectUnknown     Key = "row_suspect_unknown"
	FileSuspectUnknown    Key = "file_suspect_unknown"
	Both                  Key = "both"

	RecipientNoApplication   Key = "recipient_no_application"
	RecipientInvalid         Key = "recipient_invalid"
	RecipientBirthDisagrees  Key = "recipient_birth_disagrees"
	BenefitNoMonth           Key = "benefit_no_month"
	BenefitBackwards         Key = "benefit_backwards"
	BenefitTooLong           Key = "benefit_too_long"
	BenefitOutsideWindow     Key = "benefit_outside_window"
	ApplicationProgramme     Key = "application_programme"
	BenefitOutsideWindowFrom Key = "benefit_outside_window_from"
	BenefitSecondPayment     Key = "benefit_second_payment"
	BenefitDuplicate         Key = "benefit_duplicate"
	BenefitMonthsAgain       Key = "benefit_months_again"
)

func init() {
	add(map[Key]entry{
		SuspectNoID: {nil,
			"suspect has neither an id nor a tax code: left out",
			"indagato senza ID né codice fiscale: escluso"},
		SuspectIDRepeated: {[]Kind{KText, KInt},
			"suspect id {0} repeated (first at row {1}): this row is left out",
			"ID indagato {0} ripetuto (la prima volta alla riga {1}): questa riga è esclusa"},
		IdentNoValue: {[]Kind{KText},
			"identifier of {0} has no value",
			"identificativo di {0} senza valore"},
		IdentUnknownSuspect: {[]Kind{KText, KText},
			"identifier {0} names no known suspect {1}",
			"l'identificativo {0} indica un indagato non noto ({1})"},
		SuspectInvalid: {[]Kind{KText, KMsg},
			"suspect {0}: invalid {1}",
			"indagato {0}: non valido, {1}"},
		SuspectBirthDisagrees: {[]Kind{KText, KText, KText},
			"suspect {0}: birth date disagrees with tax code {1} ({2} yy-mm-dd)",
			"indagato {0}: la data di nascita non concorda con il codice fiscale {1} ({2} aa-mm-gg)"},
		SuspectSexDisagrees: {[]Kind{KText, KText, KText, KText},
			"suspect {0}: sex {1} disagrees with tax code {2} ({3})",
			"indagato {0}: il sesso {1} non concorda con il codice fiscale {2} ({3})"},
		UplineUnknown: {[]Kind{KText, KText},
			"suspect {0}: upline {1} names no known suspect",
			"indagato {0}: il referente {1} non è un indagato noto"},
		NearMiss: {[]Kind{KText, KText, KText, KTerm},
			"near miss: {0} differs from {1}, identifier of {2}, only by {3}: possibly a typo on either side, not attributed; check it by hand (its payments are on the Unattributed sheet)",
			"quasi corrispondenza: {0} differisce da {1}, identificativo di {2}, solo per {3}: forse un errore di battitura da una delle due parti, non attribuito; verificare a mano (i suoi pagamenti sono nel foglio Non attribuiti)"},
		IdentCheckFails: {[]Kind{KText, KMsg},
			"suspect {0}: {1} (matched by its text with spaces, hyphens and dots left out all the same: check it)",
			"indagato {0}: {1} (riconosciuto comunque dal testo senza spazi, trattini e punti: verificare)"},
		SharedBy: {[]Kind{KTerm, KText, KText},
			"{0} {1} shared by {2}: it attributes nothing by itself",
			"{0} {1} in comune tra {2}: da solo non attribuisce nulla"},
		RowSuspectUnknown: {[]Kind{KText},
			"suspect {0} is not a known suspect",
			"l'indagato {0} non è un indagato noto"},
		FileSuspectUnknown: {[]Kind{KText},
			"the file's suspect {0} is not a known suspect",
			"l'indagato del file {0} non è un indagato noto"},
		Both: {[]Kind{KMsg, KMsg},
			"{0}; {1}",
			"{0}; {1}"},

		RecipientNoApplication: {[]Kind{KTerm},
			"{0} row matching a suspect has no application id: grouped by its row",
			"riga del {0} corrispondente a un indagato senza numero di domanda: raggruppata per riga"},
		RecipientInvalid: {[]Kind{KTerm, KMsg},
			"{0} matching a suspect: invalid {1}",
			"{0} corrispondente a un indagato: non valido, {1}"},
		RecipientBirthDisagrees: {[]Kind{KTerm, KText},
			"{0} matching a suspect: birth date disagrees with tax code {1}",
			"{0} corrispondente a un indagato: la data di nascita non concorda con il codice fiscale {1}"},
		BenefitNoMonth: {nil,
			"benefit row of an application matching a suspect has no month: not counted",
			"riga di beneficio di una domanda corrispondente a un indagato senza mese: non conteggiata"},
		BenefitBackwards: {[]Kind{KMonth, KMonth},
			"benefit period ends ({0}) before it starts ({1}): not counted",
			"il periodo del beneficio finisce ({0}) prima di iniziare ({1}): non conteggiato"},
		BenefitTooLong: {[]Kind{KInt},
			"benefit period of {0} months is implausible: not counted",
			"periodo di beneficio di {0} mesi non plausibile: non conteggiato"},
		ApplicationProgramme: {[]Kind{KText, KText},
			"application {0} is listed under {1} by an earlier row: counted as {1}, check the record",
			"la domanda {0} è indicata come {1} da una riga precedente: conteggiata come {1}, verificare"},
		BenefitOutsideWindow: {[]Kind{KMonth, KText, KMonth, KMonth},
			"{0} outside the months {1} was paid in ({2} to {3}): counted, check the record",
			"{0} fuori dai mesi in cui è stato erogato {1} ({2} - {3}): conteggiato, verificare"},
		BenefitOutsideWindowFrom: {[]Kind{KMonth, KText, KMonth},
			"{0} outside the months {1} was paid in (from {2}): counted, check the record",
			"{0} fuori dai mesi in cui è stato erogato {1} (da {2}): conteggiato, verificare"},
		BenefitSecondPayment: {[]Kind{KText, KMonth, KNum, KNum, KRef},
			"application {0}: a second payment for {1} ({2} here, {3} at {4}): both counted, check the record",
			"domanda {0}: un secondo pagamento per {1} ({2} qui, {3} in {4}): conteggiati entrambi, verificare"},
		BenefitDuplicate: {[]Kind{KRef},
			"duplicate of {0} (same application, month and amount): not counted again",
			"duplicato di {0} (stessa domanda, mese e importo): non conteggiato di nuovo"},
		BenefitMonthsAgain: {[]Kind{KMonth, KRef},
			"{0} already paid by {1} with the same amount: not counted again",
			"{0} già pagato in {1} con lo stesso importo: non conteggiato di nuovo"},
	})
}
