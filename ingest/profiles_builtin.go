package ingest

import "github.com/crosscheck/crosscheck/ledger"

// The built-in export profiles, one declaration per export. Header texts
// are those the exports write (public documentation, parser projects'
// fixtures); docs/directions.md lists them with their rules.

const (
	dirIn   = ledger.DirIncoming
	dirOut  = ledger.DirOutgoing
	dirBack = ledger.DirRefund
	dirNone = ledger.DirNotPayment
)

func when(field string, values ...string) Cond { return Cond{Field: field, Values: values} }

func rule(dir ledger.Direction, reason string, conds ...Cond) DirRule {
	return DirRule{If: conds, Dir: dir, Reason: reason}
}

// Rules shared by the Italian bank statements: fees and transfers
// between the holder's own accounts are not payments.
var italianBankRules = []DirRule{
	rule(dirNone, "bank fee or tax", when("description", "commissioni*", "comm.*", "imposta di bollo*", "canone*", "spese*", "competenze*", "interessi*")),
	rule(dirNone, "transfer between the holder's own accounts", when("description", "giroconto*", "*giroconto*", "girofondo*")),
}

// paypalRules decide a PayPal activity row (English and Italian
// wording): unfinished rows, memo rows, conversion legs, holds and
// transfers to or from the holder's own bank or card are not payments; a
// refund the holder pays nets income.
var paypalRules = []DirRule{
	rule(dirNone, "not completed", when("status", "pending", "denied", "failed", "canceled", "cancelled", "removed", "unclaimed", "expired", "voided",
		"in sospeso", "rifiutato", "rifiutata", "non riuscito", "annullato", "annullata", "rimosso", "non riscosso", "scaduto", "scaduta", "stornato dall'utente")),
	rule(dirNone, "balance impact Memo: no money moved", when("impact", "memo")),
	rule(dirNone, "currency conversion leg", when("type", "*currency conversion*", "*conversione di valuta*", "*conversione valuta*")),
	rule(dirNone, "hold or its release", when("type", "*hold*", "*blocco*", "*release*", "*sblocco*", "*authorization*", "*authorisation*", "*autorizzazione*", "*trattenut*")),
	rule(dirNone, "transfer to or from the holder's own bank or card", when("type", "*withdrawal*", "*prelievo*", "*bank deposit*", "*card deposit*", "*deposito*", "*transfer to bank*", "*trasferimento*", "*ricarica*", "*top up*", "*add funds*", "*aggiunta di fondi*")),
	rule(dirBack, "refund or reversal paid back by the holder", when("type", "*refund*", "*reversal*", "*chargeback*", "*rimborso*", "*storno*", "*riaccredito*"), when("impact", "debit", "addebito", "debito")),
	rule(dirBack, "refund or reversal paid back by the holder", when("type", "*refund*", "*reversal*", "*chargeback*", "*rimborso*", "*storno*", "*riaccredito*"), when("amount", "<0")),
	rule(dirNone, "refund of the holder's own purchase", when("type", "*refund*", "*reversal*", "*chargeback*", "*rimborso*", "*storno*", "*riaccredito*")),
	rule(dirIn, "balance impact", when("impact", "credit", "credito", "accredito")),
	rule(dirOut, "the holder's own payment, balance impact", when("impact", "debit", "addebito", "debito")),
}

// bitstampRules decide a Bitstamp transaction row, both export forms:
// deposits in, withdrawals out; trades, transfers between the holder's
// own accounts and the exchange's rewards are not payments.
var bitstampRules = []DirRule{
	rule(dirNone, "trade or conversion", when("type", "market", "*trade*", "*convert*", "*conversion*")),
	rule(dirNone, "transfer between the holder's own accounts", when("type", "*account transfer*", "*sub account*", "*inter account*")),
	rule(dirNone, "reward, staking or interest from the exchange", when("type", "*reward*", "*staking*", "*interest*", "*earn*", "*airdrop*", "*rebate*")),
	rule(dirIn, "deposit", when("type", "*deposit*")),
	rule(dirOut, "withdrawal or payment sent", when("type", "*withdrawal*", "*payment*")),
}

var builtinProfiles = []*Profile{
	{
		Name: "paypal-en", Title: "PayPal activity download (English; US or UK dates)",
		Signature: []string{"Date", "Time", "TimeZone|Time Zone", "Name", "Type", "Status", "Currency", "Gross", "Net", "Transaction ID"},
		Columns: map[string]string{
			"date": "Date", "time": "Time", "zone": "TimeZone|Time Zone", "amount": "Gross", "currency": "Currency",
			"counterparty": "Name", "payer_account": "From Email Address", "payee_account": "To Email Address",
			"reference": "Transaction ID", "description": "Item Title|Subject|Note", "type": "Type", "status": "Status",
			"impact": "Balance Impact",
		},
		Dates: DateFormat{Order: "auto"}, Channel: "PayPal", Rules: paypalRules, Sign: SignOwnAccount,
	},
	{
		Name: "paypal-it", Title: "PayPal: download delle attività (italiano)",
		Signature: []string{"Data", "Orario", "Fuso orario", "Nome", "Tipo", "Stato", "Valuta", "Lordo", "Netto", "Codice transazione"},
		Columns: map[string]string{
			"date": "Data", "time": "Orario", "zone": "Fuso orario", "amount": "Lordo", "currency": "Valuta",
			"counterparty": "Nome", "payer_account": "Indirizzo email mittente", "payee_account": "Indirizzo email destinatario",
			"reference": "Codice transazione", "description": "Titolo oggetto|Oggetto|Messaggio", "type": "Tipo", "status": "Stato",
			"impact": "Impatto sul saldo",
		},
		Dates: DateFormat{Order: "dmy"}, Notation: NotationItalian, Channel: "PayPal", Rules: paypalRules, Sign: SignOwnAccount,
	},
	{
		Name: "intesa-movimenti", Title: "Intesa Sanpaolo, Lista movimenti (xlsx)",
		Signature: []string{"Data contabile", "Data valuta", "Descrizione", "Accrediti", "Addebiti"},
		Columns: map[string]string{
			"date": "Data contabile", "credit": "Accrediti", "debit": "Addebiti", "description": "Descrizione+Descrizione estesa",
		},
		Dates: DateFormat{Order: "dmy"}, Notation: NotationItalian, Currency: "EUR", Channel: "Bonifico",
		Rules: italianBankRules, PayerFromDescription: true, Holder: []string{"Intestatario", "Titolare", "Conto", "Rapporto"},
	},
	{
		Name: "intesa-operazioni", Title: "Intesa Sanpaolo, Lista operazioni (xlsx)",
		Signature: []string{"Data", "Operazione", "Dettagli", "Conto o carta", "Contabilizzazione", "Importo"},
		Columns: map[string]string{
			"date": "Data", "amount": "Importo", "description": "Operazione+Dettagli", "status": "Contabilizzazione",
			"channel": "Conto o carta", "type": "Categoria",
		},
		Dates: DateFormat{Order: "dmy"}, Notation: NotationItalian, Currency: "EUR",
		Rules: append([]DirRule{
			rule(dirNone, "not yet booked", when("status", "non contabilizzato", "non contabilizzata", "in lavorazione")),
			rule(dirNone, "transfer between the holder's own accounts", when("type", "giroconti*", "giroconto*")),
		}, italianBankRules...),
		PayerFromDescription: true, Holder: []string{"Intestatario", "Titolare", "Conto", "Rapporto"},
	},
	{
		Name: "unicredit", Title: "UniCredit, movimenti conto corrente (CSV)",
		Signature: []string{"Data Registrazione", "Importo (EUR)|Importo"},
		Columns: map[string]string{
			"date": "Data Registrazione", "amount": "Importo (EUR)|Importo", "description": "Descrizione|Causale",
		},
		Dates: DateFormat{Order: "dmy"}, Notation: NotationItalian, Currency: "EUR",
		Rules: italianBankRules, PayerFromDescription: true, Holder: []string{"Intestatario", "Titolare", "Conto", "IBAN"},
	},
	{
		Name: "etherscan", Title: "Etherscan (and BscScan, PolygonScan...) address transactions export",
		Signature: []string{"Txhash|Transaction Hash", "UnixTimestamp", "From", "To", "Value_IN(*)", "Value_OUT(*)"},
		Columns: map[string]string{
			"date": "UnixTimestamp", "amount_in": "Value_IN(*)", "amount_out": "Value_OUT(*)",
			"payer_account": "From", "payee_account": "To", "reference": "Txhash|Transaction Hash",
			"status": "Status", "description": "Method", "type": "ErrCode",
		},
		Dates: DateFormat{Order: "unix"}, Notation: NotationEnglish, Channel: "on-chain",
		Rules: []DirRule{
			rule(dirNone, "failed transaction", when("status", "error*", "fail*", "reverted*")),
			rule(dirNone, "failed transaction", when("type", "*")),
		},
	},
	{
		Name: "etherscan-tokens", Title: "Etherscan ERC-20 (BEP-20...) token transfers export",
		Signature: []string{"Txhash|Transaction Hash", "UnixTimestamp", "From", "To", "TokenValue|Value", "TokenSymbol|Token Symbol"},
		Columns: map[string]string{
			"date": "UnixTimestamp", "amount": "TokenValue|Value", "currency": "TokenSymbol|Token Symbol",
			"payer_account": "From", "payee_account": "To", "reference": "Txhash|Transaction Hash", "description": "TokenName|Token Name",
		},
		Dates: DateFormat{Order: "unix"}, Notation: NotationEnglish, Channel: "on-chain", HolderAddress: true, Sign: SignIncoming,
	},
	{
		Name: "tronscan-trc20", Title: "Tronscan TRC-20 token transfers export",
		Signature: []string{"Token", "Amount", "From", "To", "Hash|Transaction Hash|TxID"},
		Columns: map[string]string{
			"date": "Time(UTC)|Block Time(UTC)|Block Time|Time|Date(UTC)", "amount": "Amount", "currency": "Token",
			"payer_account": "From", "payee_account": "To", "reference": "Hash|Transaction Hash|TxID", "status": "Status|Result",
		},
		Dates: DateFormat{Order: "ymd", Zone: "UTC"}, Notation: NotationEnglish, Channel: "on-chain", HolderAddress: true, Sign: SignIncoming,
		Rules: []DirRule{rule(dirNone, "failed transaction", when("status", "fail*", "revert*", "error*", "out of energy*"))},
	},
	{
		Name: "blockchair-outputs", Title: "Blockchair outputs (TSV), values in satoshi",
		Signature: []string{"block_id", "transaction_hash", "index", "time", "value", "recipient"},
		Columns: map[string]string{
			"date": "time", "amount": "value", "payee_account": "recipient", "reference": "transaction_hash+index",
		},
		Dates: DateFormat{Order: "ymd", Zone: "UTC"}, Notation: NotationEnglish, Currency: "BTC", Scale: 8,
		Channel: "on-chain", Sign: SignIncoming,
	},
	{
		Name: "binance", Title: "Binance transaction history",
		Signature: []string{"User_ID|User ID", "UTC_Time|UTC Time|Time", "Account", "Operation", "Coin", "Change"},
		Columns: map[string]string{
			"date": "UTC_Time|UTC Time|Time", "amount": "Change", "currency": "Coin", "type": "Operation", "description": "Remark",
		},
		Dates: DateFormat{Order: "ymd", Zone: "UTC"}, Notation: NotationEnglish, Channel: "Binance",
		Rules: []DirRule{
			rule(dirNone, "fee", when("type", "*fee*")),
			rule(dirNone, "transfer between the holder's own wallets", when("type", "*transfer*", "*wallet*")),
			rule(dirNone, "trade or conversion", when("type", "buy", "sell", "transaction *", "*trade*", "*convert*", "*exchange*", "*swap*", "*auto invest*", "*buy crypto*", "*sold*", "*spend*", "*revenue*")),
			rule(dirNone, "reward, interest or distribution from the exchange", when("type", "*interest*", "*savings*", "*staking*", "*distribution*", "*airdrop*", "*commission*", "*reward*", "*rebate*", "*cashback*", "*earn*", "*launchpool*", "*mining*", "*referral*")),
			rule(dirIn, "deposit", when("type", "deposit*"), when("amount", ">0")),
			rule(dirOut, "withdrawal", when("type", "withdraw*")),
		},
	},
	{
		// Header and values as Bitstamp's transaction export writes them
		// (BittyTax's Bitstamp parser and Rust and TypeScript tax tools'
		// fixtures): "Market","Jan. 05, 2021, 03:04 PM","Main Account",
		// "0.50000000 BTC","19.08 EUR",...: the amount carries its
		// currency, times are UTC.
		Name: "bitstamp", Title: "Bitstamp transactions export (amounts with their currency, dates such as Jan. 05, 2021, 03:04 PM)",
		Signature: []string{"Type", "Datetime", "Account", "Amount", "Value", "Rate", "Fee", "Sub Type"},
		Columns: map[string]string{
			"date": "Datetime", "amount": "Amount", "type": "Type", "description": "Sub Type",
		},
		Dates: DateFormat{Order: "mdy", Zone: "UTC"}, Notation: NotationEnglish, Channel: "Bitstamp", Sign: SignIncoming, Rules: bitstampRules,
	},
	{
		// The later "RFC 4180" form of the same export (a Rust tax tool's
		// Bitstamp reader): the currency in a column of its own, ISO times.
		Name: "bitstamp-rfc4180", Title: "Bitstamp transactions export, RFC 4180 form (ID, Amount currency, ISO times)",
		Signature: []string{"ID", "Account", "Type", "Subtype", "Datetime", "Amount", "Amount currency", "Value currency", "Rate currency", "Fee currency"},
		Columns: map[string]string{
			"date": "Datetime", "amount": "Amount", "currency": "Amount currency", "type": "Type", "description": "Subtype",
			"reference": "ID",
		},
		Dates: DateFormat{Order: "ymd", Zone: "UTC"}, Notation: NotationEnglish, Channel: "Bitstamp", Sign: SignIncoming, Rules: bitstampRules,
	},
	{
		// Stripe's payments export (Dashboard, Payments, Export), header as
		// written in the legacy and current downloads (public importers'
		// fixtures: "id,Description,Seller Message,Created (UTC),Amount,
		// Amount Refunded,Currency,..."): the payments a merchant received.
		Name: "stripe-payments", Title: "Stripe payments export (CSV)",
		Signature: []string{"id", "Description", "Seller Message", "Created (UTC)|Created date (UTC)", "Amount", "Amount Refunded", "Currency", "Status"},
		Columns: map[string]string{
			"date": "Created (UTC)|Created date (UTC)", "amount": "Amount", "currency": "Currency", "reference": "id",
			"description": "Description", "status": "Status", "type": "Mode",
			"payer": "Customer Description|Card Name", "payer_account": "Customer Email",
		},
		Dates: DateFormat{Order: "ymd", Zone: "UTC"}, Notation: NotationEnglish, Channel: "Stripe", Sign: SignRefund,
		Rules: []DirRule{
			rule(dirNone, "not completed", when("status", "failed", "canceled", "cancelled", "blocked", "incomplete", "requires*", "pending", "uncaptured", "expired")),
			rule(dirNone, "refunded in full: no money kept", when("status", "refunded")),
			rule(dirNone, "test mode: no money moved", when("type", "test")),
		},
	},
	{
		// Satispay's movements export (ofxstatement's Satispay plugins):
		// id, name, state, kind, date ("1 mar 2022. 09:44:27"), amount
		// (Italian notation, negative when sent), currency, extra info.
		Name: "satispay", Title: "Satispay movements export (CSV)",
		Signature: []string{"id", "name", "state", "kind", "date", "amount", "currency", "extra info"},
		Columns: map[string]string{
			"date": "date", "amount": "amount", "currency": "currency", "counterparty": "name", "status": "state",
			"type": "kind", "description": "extra info", "reference": "id",
		},
		Dates: DateFormat{Order: "dmy"}, Notation: NotationItalian, Channel: "Satispay", Sign: SignOwnAccount,
		Rules: []DirRule{
			rule(dirNone, "not approved", when("status", "pending", "canceled", "cancelled", "declined", "failed", "expired", "rejected", "refused", "annullato", "rifiutato")),
			rule(dirNone, "transfer to or from the holder's own bank, or a top-up", when("type", "*bank*", "*banca*", "*topup*", "*ricarica*")),
		},
	},
	{
		Name: "coinbase", Title: "Coinbase transactions report",
		Signature: []string{"Timestamp", "Transaction Type", "Asset", "Quantity Transacted"},
		Columns: map[string]string{
			"date": "Timestamp", "amount": "Quantity Transacted", "currency": "Asset", "type": "Transaction Type",
			"description": "Notes", "reference": "ID",
		},
		Dates: DateFormat{Order: "ymd", Zone: "UTC"}, Notation: NotationEnglish, Channel: "Coinbase",
		Rules: []DirRule{
			rule(dirIn, "received", when("type", "receive", "received")),
			rule(dirOut, "sent", when("type", "send", "sent")),
			rule(dirNone, "trade or conversion", when("type", "buy", "sell", "convert", "*trade*", "exchange deposit", "exchange withdrawal", "retail*")),
			rule(dirNone, "transfer from or to the holder's own bank", when("type", "deposit", "withdrawal", "pro deposit", "pro withdrawal")),
			rule(dirNone, "reward or interest from the exchange", when("type", "*reward*", "*earn*", "*staking*", "*income*", "*interest*", "*inflation*", "*airdrop*")),
		},
	},
	{
		Name: "kraken-ledgers", Title: "Kraken ledgers export",
		Signature: []string{"txid", "refid", "time", "type", "asset", "amount", "fee", "balance"},
		Columns: map[string]string{
			"date": "time", "amount": "amount", "currency": "asset", "type": "type", "reference": "txid", "description": "subtype",
		},
		Dates: DateFormat{Order: "ymd", Zone: "UTC"}, Notation: NotationEnglish, AssetCodes: true, Channel: "Kraken",
		Rules: []DirRule{
			rule(dirIn, "deposit", when("type", "deposit")),
			rule(dirOut, "withdrawal", when("type", "withdrawal")),
			rule(dirNone, "trade or conversion", when("type", "trade", "spend", "receive", "margin", "rollover", "settled", "sale", "conversion")),
			rule(dirNone, "transfer between the holder's own accounts", when("type", "transfer")),
			rule(dirNone, "reward, staking or adjustment", when("type", "staking", "earn", "dividend", "adjustment", "reward", "credit")),
		},
	},
	{
		Name: "revolut", Title: "Revolut account statement (CSV)",
		Signature: []string{"Type", "Product", "Started Date", "Completed Date", "Description", "Amount", "Currency", "State"},
		Columns: map[string]string{
			"date": "Completed Date", "amount": "Amount", "currency": "Currency", "type": "Type", "status": "State",
			"description": "Description", "channel": "Product",
		},
		Dates: DateFormat{Order: "ymd"}, Notation: NotationEnglish, PayerFromDescription: true,
		Rules: []DirRule{
			rule(dirNone, "not completed", when("status", "pending", "declined", "failed", "reverted", "cancelled", "canceled")),
			rule(dirNone, "currency exchange leg", when("type", "exchange")),
			rule(dirNone, "fee", when("type", "fee")),
			rule(dirNone, "refund of the holder's own purchase", when("type", "card_refund", "refund")),
			rule(dirNone, "top-up from the holder's own card", when("description", "top-up by*", "top up by*", "topup by*")),
		},
	},
	{
		Name: "n26", Title: "N26 transactions (CSV)",
		Signature: []string{"Booking Date|Date", "Partner Name|Payee", "Amount (EUR)", "Payment Reference|Payment reference"},
		Columns: map[string]string{
			"date": "Booking Date|Date", "amount": "Amount (EUR)", "counterparty": "Partner Name|Payee",
			"counterparty_account": "Partner Iban|Account number", "type": "Type|Transaction type", "description": "Payment Reference|Payment reference",
		},
		Dates: DateFormat{Order: "ymd"}, Notation: NotationEnglish, Currency: "EUR",
	},
	{
		Name: "wise", Title: "Wise (TransferWise) statement (CSV)",
		Signature: []string{"TransferWise ID", "Date", "Amount", "Currency", "Description", "Running Balance"},
		Columns: map[string]string{
			"date": "Date", "amount": "Amount", "currency": "Currency", "description": "Description", "reference": "TransferWise ID",
			"payer": "Payer Name", "payee": "Payee Name", "payee_account": "Payee Account Number", "type": "Exchange From",
		},
		Dates: DateFormat{Order: "dmy"}, Notation: NotationEnglish, PayerFromDescription: true,
		Rules: []DirRule{
			rule(dirNone, "currency conversion leg", when("description", "converted*", "*conversion*")),
			rule(dirNone, "currency conversion leg", when("type", "*")),
			rule(dirNone, "fee", when("description", "wise charges*", "*fee*")),
		},
	},
}
