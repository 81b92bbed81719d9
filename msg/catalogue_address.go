package msg

// Why an identifier other than a tax code or an IBAN fails its check: a
// crypto address, a card, an e-mail, a phone number (match/ident).
const (
	IdentEmpty        Key = "ident_empty"
	IdentKindUnknown  Key = "ident_kind_unknown"
	PayPalIDBad       Key = "paypal_id_bad"
	CardNotDigits     Key = "card_not_digits"
	CardLength        Key = "card_length"
	CardLuhn          Key = "card_luhn"
	EmailAt           Key = "email_at"
	EmailDomainDot    Key = "email_domain_dot"
	EmailSpaces       Key = "email_spaces"
	PhoneNotDigits    Key = "phone_not_digits"
	PhoneLength       Key = "phone_length"
	AddressEmpty      Key = "address_empty"
	AddressUnknown    Key = "address_unknown"
	AddressEIP55      Key = "address_eip55"
	Base58Char        Key = "base58_char"
	Base58CharAt      Key = "base58_char_at"
	Base58Short       Key = "base58_short"
	Base58Checksum    Key = "base58_checksum"
	Base58Length      Key = "base58_length"
	AddressIs         Key = "address_is"
	AddressBytes      Key = "address_bytes"
	AddressVersion    Key = "address_version"
	MoneroBlockLength Key = "monero_block_length"
	MoneroBlockOver8  Key = "monero_block_over8"
	MoneroBlockOver   Key = "monero_block_over"
	MoneroIs          Key = "monero_is"
	MoneroShort       Key = "monero_short"
	MoneroNetwork     Key = "monero_network"
	MoneroChecksum    Key = "monero_checksum"
	Bech32TooLong     Key = "bech32_too_long"
	Bech32CharRange   Key = "bech32_char_range"
	Bech32MixedCase   Key = "bech32_mixed_case"
	Bech32NoSeparator Key = "bech32_no_separator"
	Bech32DataShort   Key = "bech32_data_short"
	Bech32DataChar    Key = "bech32_data_char"
	Bech32Checksum    Key = "bech32_checksum"
	Bech32Padding     Key = "bech32_padding"
	Bech32PaddingBits Key = "bech32_padding_bits"
	SegwitHRP         Key = "segwit_hrp"
	SegwitNoVersion   Key = "segwit_no_version"
	SegwitVersion     Key = "segwit_version"
	SegwitProgram     Key = "segwit_program"
	SegwitV0Program   Key = "segwit_v0_program"
	SegwitV0Bech32    Key = "segwit_v0_bech32"
	SegwitBech32m     Key = "segwit_bech32m"
	SegwitIs          Key = "segwit_is"
)

func init() {
	add(map[Key]entry{
		IdentEmpty:       {[]Kind{KText}, "empty {0} identifier", "identificativo {0} vuoto"},
		IdentKindUnknown: {[]Kind{KText}, "unknown identifier kind {0}", "tipo di identificativo {0} sconosciuto"},
		PayPalIDBad: {[]Kind{KText},
			"PayPal id {0} should be an e-mail or letters and digits only",
			"l'ID PayPal {0} dovrebbe essere un'e-mail o solo lettere e cifre"},
		CardNotDigits: {[]Kind{KText}, "card number {0} should be digits only", "il numero di carta {0} dovrebbe contenere solo cifre"},
		CardLength:    {[]Kind{KText, KInt}, "card number {0} has {1} digits (13-19)", "il numero di carta {0} ha {1} cifre (13-19)"},
		CardLuhn: {[]Kind{KText},
			"card number {0}: Luhn check digit is wrong (typo?)",
			"numero di carta {0}: la cifra di controllo (Luhn) è errata (refuso?)"},
		EmailAt: {[]Kind{KText},
			"e-mail {0} should have one '@' after a name",
			"l'e-mail {0} dovrebbe avere una sola '@' dopo un nome"},
		EmailDomainDot: {[]Kind{KText, KText}, "e-mail {0}: domain {1} has no dot", "e-mail {0}: il dominio {1} non ha un punto"},
		EmailSpaces:    {[]Kind{KText}, "e-mail {0} contains spaces or separators", "l'e-mail {0} contiene spazi o separatori"},
		PhoneNotDigits: {[]Kind{KText},
			"phone number {0} should be 6-15 digits, with an optional leading +",
			"il numero di telefono {0} dovrebbe avere da 6 a 15 cifre, con un + iniziale facoltativo"},
		PhoneLength:  {[]Kind{KText, KInt}, "phone number {0} has {1} digits (6-15)", "il numero di telefono {0} ha {1} cifre (6-15)"},
		AddressEmpty: {nil, "empty address", "indirizzo vuoto"},
		AddressUnknown: {[]Kind{KText},
			"{0} is not a recognised crypto address (Bitcoin, Ethereum, TRON, Litecoin, Monero)",
			"{0} non è un indirizzo cripto riconosciuto (Bitcoin, Ethereum, TRON, Litecoin, Monero)"},
		AddressEIP55: {[]Kind{KText},
			"Ethereum address {0}: mixed-case EIP-55 checksum does not match (a letter's case is wrong: typo?)",
			"indirizzo Ethereum {0}: il controllo EIP-55 su maiuscole e minuscole non torna (una lettera ha il caso sbagliato: refuso?)"},
		Base58Char:     {[]Kind{KText}, "invalid base58 character {0}", "carattere base58 non valido {0}"},
		Base58CharAt:   {[]Kind{KText, KInt}, "invalid base58 character {0} at position {1}", "carattere base58 non valido {0} in posizione {1}"},
		Base58Short:    {nil, "too short for base58check", "troppo corto per base58check"},
		Base58Checksum: {nil, "base58check checksum mismatch (typo?)", "il controllo base58check non torna (refuso?)"},
		Base58Length: {[]Kind{KText, KInt},
			"{0}: wrong length {1} for a base58 address (26-35)",
			"{0}: lunghezza {1} errata per un indirizzo base58 (26-35)"},
		AddressIs:    {[]Kind{KText, KMsg}, "address {0}: {1}", "indirizzo {0}: {1}"},
		AddressBytes: {[]Kind{KText, KInt}, "address {0}: decodes to {1} bytes, an address has 21", "indirizzo {0}: decodificato dà {1} byte, un indirizzo ne ha 21"},
		AddressVersion: {[]Kind{KText, KText},
			"address {0}: version byte {1} is no Bitcoin, TRON or Litecoin address prefix",
			"indirizzo {0}: il byte di versione {1} non è un prefisso di indirizzo Bitcoin, TRON o Litecoin"},
		MoneroBlockLength: {[]Kind{KInt}, "invalid final block length {0}", "lunghezza {0} non valida per il blocco finale"},
		MoneroBlockOver8:  {nil, "block overflows 8 bytes", "il blocco supera 8 byte"},
		MoneroBlockOver:   {nil, "block overflows its size", "il blocco supera la sua dimensione"},
		MoneroIs:          {[]Kind{KText, KMsg}, "Monero address {0}: {1}", "indirizzo Monero {0}: {1}"},
		MoneroShort:       {[]Kind{KText}, "Monero address {0}: too short", "indirizzo Monero {0}: troppo corto"},
		MoneroNetwork: {[]Kind{KInt, KText, KInt},
			"Monero address {1}: network byte {0} does not fit a {2}-character address",
			"indirizzo Monero {1}: il byte di rete {0} non corrisponde a un indirizzo di {2} caratteri"},
		MoneroChecksum: {[]Kind{KText},
			"Monero address {0}: Keccak checksum mismatch (typo?)",
			"indirizzo Monero {0}: il controllo Keccak non torna (refuso?)"},
		Bech32TooLong:     {[]Kind{KInt, KInt}, "too long ({0} characters, at most {1})", "troppo lungo ({0} caratteri, al massimo {1})"},
		Bech32CharRange:   {[]Kind{KInt}, "character {0} out of range", "carattere {0} fuori intervallo"},
		Bech32MixedCase:   {nil, "mixed upper and lower case", "maiuscole e minuscole mescolate"},
		Bech32NoSeparator: {nil, "missing human-readable part or separator '1'", "manca la parte leggibile o il separatore '1'"},
		Bech32DataShort:   {nil, "data part shorter than the 6-character checksum", "parte dati più corta del controllo di 6 caratteri"},
		Bech32DataChar:    {[]Kind{KText}, "invalid data character {0}", "carattere dati non valido {0}"},
		Bech32Checksum:    {nil, "checksum mismatch (typo?)", "il controllo non torna (refuso?)"},
		Bech32Padding:     {nil, "too much padding", "riempimento eccessivo"},
		Bech32PaddingBits: {nil, "non-zero padding", "riempimento non a zero"},
		SegwitHRP: {[]Kind{KText},
			"human-readable part {0} is not bc, tb, bcrt or ltc",
			"la parte leggibile {0} non è bc, tb, bcrt o ltc"},
		SegwitNoVersion: {nil, "no witness version", "manca la versione witness"},
		SegwitVersion:   {[]Kind{KInt}, "witness version {0} above 16", "versione witness {0} oltre 16"},
		SegwitProgram:   {[]Kind{KInt}, "witness program of {0} bytes (2-40)", "programma witness di {0} byte (2-40)"},
		SegwitV0Program: {[]Kind{KInt}, "witness v0 program of {0} bytes (20 or 32)", "programma witness v0 di {0} byte (20 o 32)"},
		SegwitV0Bech32:  {nil, "witness v0 must use Bech32, not Bech32m", "witness v0 deve usare Bech32, non Bech32m"},
		SegwitBech32m:   {[]Kind{KInt}, "witness v{0} must use Bech32m, not Bech32", "witness v{0} deve usare Bech32m, non Bech32"},
		SegwitIs:        {[]Kind{KText, KMsg}, "segwit address {0}: {1}", "indirizzo segwit {0}: {1}"},
	})
}
