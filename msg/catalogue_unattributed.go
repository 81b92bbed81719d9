package msg

// Why a payment is attributed to nobody (the Unattributed sheet's
// reason, the JSON's by_reason groups).
const (
	UnattribUnknownSuspect     Key = "unattrib_unknown_suspect"
	UnattribUnknownFileSuspect Key = "unattrib_unknown_file_suspect"
	UnattribSharedReference    Key = "unattrib_shared_reference"
	UnattribSharedAccount      Key = "unattrib_shared_account"
	UnattribSharedIdentifier   Key = "unattrib_shared_identifier"
	UnattribSharedName         Key = "unattrib_shared_name"
	UnattribNoHolder           Key = "unattrib_no_holder"
	UnattribNearSwapped        Key = "unattrib_near_swapped"
	UnattribNearCheck          Key = "unattrib_near_check"
	UnattribNoMatch            Key = "unattrib_no_match"
	UnattribOther              Key = "unattrib_other"
)

func init() {
	add(map[Key]entry{
		UnattribUnknownSuspect: {[]Kind{KText},
			"the suspect column names {0}, who is not among the suspects",
			"la colonna dell'indagato indica {0}, che non è tra gli indagati"},
		UnattribUnknownFileSuspect: {[]Kind{KText},
			"the file's suspect in the case file ({0}) is not among the suspects",
			"l'indagato del file nel file del caso ({0}) non è tra gli indagati"},
		UnattribSharedReference: {[]Kind{KText},
			"{0} is the tax code of more than one suspect",
			"{0} è il codice fiscale di più indagati"},
		UnattribSharedAccount: {[]Kind{KText},
			"payee account {0} belongs to more than one suspect",
			"il conto del beneficiario {0} appartiene a più indagati"},
		UnattribSharedIdentifier: {[]Kind{KText},
			"payee {0} is an identifier of more than one suspect",
			"il beneficiario {0} è un identificativo di più indagati"},
		UnattribSharedName: {[]Kind{KText},
			"payee name {0} is the name of more than one suspect",
			"il beneficiario {0} ha lo stesso nome di più indagati (omonimi)"},
		UnattribNoHolder: {nil,
			"no payee on the row and no holder for the file (suspect: in the case file)",
			"nessun beneficiario sulla riga e nessun intestatario per il file (suspect: nel file del caso)"},
		UnattribNearSwapped: {[]Kind{KText, KText},
			"{0} differs from {1}, a suspect's identifier, only by two adjacent characters swapped: possibly a typo, check it",
			"{0} differisce da {1}, identificativo di un indagato, solo per due caratteri vicini scambiati: forse un errore di battitura, da verificare"},
		UnattribNearCheck: {[]Kind{KText, KText},
			"{0} differs from {1}, a suspect's identifier, only by its check digits: possibly a typo, check it",
			"{0} differisce da {1}, identificativo di un indagato, solo per le cifre di controllo: forse un errore di battitura, da verificare"},
		UnattribNoMatch: {nil,
			"payee and payee account match no suspect's identifier or name",
			"beneficiario e conto non corrispondono ad alcun identificativo o nome degli indagati"},
		UnattribOther: {[]Kind{KText}, "{0}", "{0}"},
	})
}
