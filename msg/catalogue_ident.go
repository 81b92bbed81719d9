package msg

// Messages about identifiers: tax codes and IBANs (match/ident).
const (
	TaxCode11Digits      Key = "tax_code_11_digits"
	TaxCodeLength        Key = "tax_code_length"
	TaxCodeBad           Key = "tax_code_bad"
	TaxCodeCheckChar     Key = "tax_code_check_char"
	TaxCodeSurnameLetter Key = "tax_code_surname_letter"
	TaxCodeNameLetter    Key = "tax_code_name_letter"
	TaxCodeDigit         Key = "tax_code_digit"
	TaxCodeMonth         Key = "tax_code_month"
	TaxCodePlaceLetter   Key = "tax_code_place_letter"
	TaxCodeCheckLetter   Key = "tax_code_check_letter"
	TaxCodeDay           Key = "tax_code_day"
	TaxCodeDate          Key = "tax_code_date"

	IBANShort            Key = "iban_short"
	IBANCountryLetters   Key = "iban_country_letters"
	IBANCheckDigitsPlace Key = "iban_check_digits_place"
	IBANCountry          Key = "iban_country"
	IBANLength           Key = "iban_length"
	IBANBad              Key = "iban_bad"
	IBANCheckDigits      Key = "iban_check_digits"
	IBANCIN              Key = "iban_cin"
	IBANAccountShort     Key = "iban_account_short"
	IBANAccountChar      Key = "iban_account_char"
	IBANAccountExtra     Key = "iban_account_extra"
)

func init() {
	add(map[Key]entry{
		TaxCode11Digits: {[]Kind{KText},
			"tax code {0} has 11 digits: that is a legal-entity or provisional code, not a personal codice fiscale",
			"il codice fiscale {0} ha 11 cifre: è di una persona giuridica o provvisorio, non di una persona fisica"},
		TaxCodeLength: {[]Kind{KText, KInt},
			"tax code {0}: wrong length {1} (a personal codice fiscale has 16 characters)",
			"codice fiscale {0}: lunghezza {1} errata (il codice fiscale di una persona fisica ha 16 caratteri)"},
		TaxCodeBad: {[]Kind{KText, KMsg},
			"tax code {0}: {1}",
			"codice fiscale {0}: {1}"},
		TaxCodeCheckChar: {[]Kind{KText, KText, KText},
			"tax code {0}: check character should be {1}, not {2}",
			"codice fiscale {0}: il carattere di controllo dovrebbe essere {1}, non {2}"},
		TaxCodeSurnameLetter: {[]Kind{KInt, KText},
			"character {0} ({1}) of the surname part should be a letter",
			"il carattere {0} ({1}) della parte del cognome dovrebbe essere una lettera"},
		TaxCodeNameLetter: {[]Kind{KInt, KText},
			"character {0} ({1}) of the first-name part should be a letter",
			"il carattere {0} ({1}) della parte del nome dovrebbe essere una lettera"},
		TaxCodeDigit: {[]Kind{KInt, KText, KText},
			"character {0} ({1}) should be a digit or an omocodia letter ({2})",
			"il carattere {0} ({1}) dovrebbe essere una cifra o una lettera di omocodia ({2})"},
		TaxCodeMonth: {[]Kind{KText, KText},
			"invalid month letter {0} (valid: {1})",
			"lettera del mese {0} non valida (valide: {1})"},
		TaxCodePlaceLetter: {[]Kind{KText},
			"character 12 ({0}, birthplace letter) should be a letter",
			"il carattere 12 ({0}, lettera del luogo di nascita) dovrebbe essere una lettera"},
		TaxCodeCheckLetter: {[]Kind{KText},
			"check character {0} should be a letter",
			"il carattere di controllo {0} dovrebbe essere una lettera"},
		TaxCodeDay: {[]Kind{KText},
			"invalid day {0} (valid: 01-31 for men, 41-71 for women)",
			"giorno {0} non valido (validi: 01-31 per gli uomini, 41-71 per le donne)"},
		TaxCodeDate: {[]Kind{KInt, KMonth},
			"impossible date: day {0} of {1}",
			"data impossibile: giorno {0} di {1}"},

		IBANShort: {[]Kind{KText},
			"IBAN {0} is too short",
			"IBAN {0} troppo corto"},
		IBANCountryLetters: {[]Kind{KText},
			"IBAN {0} should start with a 2-letter country code",
			"l'IBAN {0} dovrebbe iniziare con il codice del paese di 2 lettere"},
		IBANCheckDigitsPlace: {[]Kind{KText},
			"IBAN {0}: characters 3-4 should be the check digits",
			"IBAN {0}: i caratteri 3-4 dovrebbero essere le cifre di controllo"},
		IBANCountry: {[]Kind{KText, KText},
			"IBAN {0}: unknown country code {1}",
			"IBAN {0}: codice del paese {1} sconosciuto"},
		IBANLength: {[]Kind{KText, KInt, KText, KInt},
			"IBAN {0}: wrong length {1} (a {2} IBAN has {3} characters)",
			"IBAN {0}: lunghezza {1} errata (un IBAN {2} ha {3} caratteri)"},
		IBANBad: {[]Kind{KText, KMsg},
			"IBAN {0}: {1}",
			"IBAN {0}: {1}"},
		IBANCheckDigits: {[]Kind{KText, KText},
			"IBAN {0}: check digits {1} are wrong (mod-97 check fails)",
			"IBAN {0}: cifre di controllo {1} errate (controllo mod-97 non superato)"},
		IBANCIN: {[]Kind{KText, KText, KText},
			"IBAN {0}: Italian CIN should be {1}, not {2}",
			"IBAN {0}: il CIN dovrebbe essere {1}, non {2}"},
		IBANAccountShort: {nil,
			"account part is too short",
			"numero di conto troppo corto"},
		IBANAccountChar: {[]Kind{KInt, KText, KTerm},
			"character {0} ({1}) of the account part should be {2}",
			"il carattere {0} ({1}) del numero di conto dovrebbe essere {2}"},
		IBANAccountExtra: {[]Kind{KInt},
			"account part has extra characters from position {0}",
			"il numero di conto ha caratteri in più dalla posizione {0}"},
	})
}
