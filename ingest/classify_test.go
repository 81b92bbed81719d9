package ingest

import (
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/ledger"
)

// TestClassifyRealHeaders runs init's classification over headers laid
// out as real exports write them (synthetic rows). A file may be left out
// (""), but never filed under a kind it is not: a payment export is
// payments or nothing, whatever single column it shares with a suspects
// list or a seizure record.
func TestClassifyRealHeaders(t *testing.T) {
	const (
		pay   = ledger.KindPayments
		none  = ledger.Kind("")
		sus   = ledger.KindSuspects
		ast   = ledger.KindAssets
		ben   = ledger.KindBenefits
		hh    = ledger.KindHousehold
		ids   = ledger.KindIdentifiers
		rates = ledger.KindRates
	)
	for _, tc := range []struct {
		name, file, text string
		allowed          []ledger.Kind
	}{
		{"paypal english", "Download.CSV", `"Date","Time","TimeZone","Name","Type","Status","Currency","Gross","Fee","Net","From Email Address","To Email Address","Transaction ID","Shipping Address","Address Status","Item Title","Item ID","Shipping and Handling Amount","Insurance Amount","Sales Tax","Option 1 Name","Option 1 Value","Option 2 Name","Option 2 Value","Reference Txn ID","Invoice Number","Custom Number","Quantity","Receipt ID","Balance","Address Line 1","Address Line 2/District/Neighborhood","Town/City","State/Province/Region/County/Territory/Prefecture/Republic","Zip/Postal Code","Country","Contact Phone Number","Subject","Note","Country Code","Balance Impact"
"10/13/2020","10:01:02","PDT","Ann Lee","Express Checkout Payment","Completed","USD","15.00","-0.74","14.26","ann@example.test","seller@example.test","1AB23456CD789012E","","","IPTV 1 month","","0.00","","0.00","","","","","","","","1","","14.26","","","","","","","","","","","Credit"
"10/13/2020","10:01:02","PDT","","General Currency Conversion","Completed","USD","-14.26","0.00","-14.26","","","2AB23456CD789012E","","","","","0.00","","0.00","","","","","1AB23456CD789012E","","","1","","0.00","","","","","","","","","","","Debit"
`, []ledger.Kind{pay, none}},
		{"paypal italian", "Scarica.CSV", `"Data","Orario","Fuso orario","Nome","Tipo","Stato","Valuta","Lordo","Tariffa","Netto","Indirizzo email mittente","Indirizzo email destinatario","Codice transazione","Indirizzo di spedizione","Stato indirizzo","Titolo oggetto","Codice oggetto","Importo spedizione e imballaggio","Importo assicurazione","IVA","Nome opzione 1","Valore opzione 1","Nome opzione 2","Valore opzione 2","Codice transazione di riferimento","Numero fattura","Numero personalizzato","Quantità","Codice ricevuta","Saldo","Indirizzo","Indirizzo 2","Città","Provincia","CAP","Paese","Numero di telefono del contatto","Oggetto","Messaggio","Codice paese","Impatto sul saldo"
"13/10/2020","10:01:02","CEST","Luca Bianchi","Pagamento Express Checkout","Completata","EUR","12,50","-0,69","11,81","luca@example.test","mario@example.test","1AB23456CD789012E","","","IPTV","","0,00","","0,00","","","","","","","","1","","11,81","","","","","","","","","","","Accredito"
`, []ledger.Kind{pay, none}},
		{"coinbase report", "coinbase.csv", `Transactions
User,Mario Rossi,5f1e0000aaaa
ID,Timestamp,Transaction Type,Asset,Quantity Transacted,Price Currency,Price at Transaction,Subtotal,Total (inclusive of fees and/or spread),Fees and/or Spread,Notes
65a0000000000000000000a1,2020-10-13 10:00:00 UTC,Receive,BTC,0.015,EUR,€9742.10,€146.13,€146.13,€0.00,Received 0.015 BTC from an external account
65a0000000000000000000a2,2020-10-14 10:00:00 UTC,Sell,BTC,-0.015,EUR,€9711.53,€145.67,€143.50,€2.17,Sold 0.015 BTC for €143.50 EUR
`, []ledger.Kind{pay, none}},
		{"binance history", "binance.csv", `User_ID,UTC_Time,Account,Operation,Coin,Change,Remark
12345678,2020-10-13 10:00:00,Spot,Deposit,USDT,150.00000000,
12345678,2020-10-13 11:00:00,Spot,Transaction Related,USDT,-150.00000000,
`, []ledger.Kind{pay, none}},
		{"etherscan address export", "export-0xde0b.csv", `"Txhash","Blockno","UnixTimestamp","DateTime (UTC)","From","To","ContractAddress","Value_IN(ETH)","Value_OUT(ETH)","CurrentValue @ $3000/Eth","TxnFee(ETH)","TxnFee(USD)","Historical $Price/Eth","Status","ErrCode","Method"
"0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060","11040000","1602583200","2020-10-13 10:00:00","0x1111111111111111111111111111111111111111","0xde0b295669a9fd93d5f28d9ec85e40f4cb697bae","","0.5","0","1500","0.00042","0.15","365.12","","","Transfer"
`, []ledger.Kind{pay, none}},
		{"blockchair outputs", "outputs.tsv", "block_id\ttransaction_hash\tindex\ttime\tvalue\tvalue_usd\trecipient\ttype\tscript_hex\tis_from_coinbase\tis_spendable\tspending_block_id\n653000\t" + strings.Repeat("ab", 32) + "\t0\t2020-10-13 10:00:00\t1500000\t171.38\tbc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq\twitness_v0_keyhash\t0014\t0\t1\t\n", []ledger.Kind{pay, none}},
		{"kraken ledgers", "ledgers.csv", `"txid","refid","time","type","subtype","aclass","asset","amount","fee","balance"
"L4UESK-KG3EQ-UFO4T5","QCCAY6-6Y2ZT-RY2MP2","2020-10-13 10:00:00","deposit","","currency","XXBT",0.0150000000,0.0000000000,0.0150000000
`, []ledger.Kind{pay, none}},
		{"revolut statement", "account-statement.csv", `Type,Product,Started Date,Completed Date,Description,Amount,Fee,Currency,State,Balance
TRANSFER,Current,2020-10-13 10:00:00,2020-10-13 10:00:05,Payment from Luca Bianchi,12.50,0.00,EUR,COMPLETED,112.50
CARD_PAYMENT,Current,2020-10-14 09:00:00,2020-10-15 01:00:00,Amazon,-30.00,0.00,EUR,COMPLETED,82.50
`, []ledger.Kind{pay, none}},
		{"n26 export", "n26.csv", `"Date","Payee","Account number","Transaction type","Payment reference","Amount (EUR)","Amount (Foreign Currency)","Type Foreign Currency","Exchange Rate"
"2020-10-13","Luca Bianchi","DE89370400440532013000","Income","abbonamento","12.5","","",""
`, []ledger.Kind{pay, none}},
		{"wise statement", "statement.csv", `"TransferWise ID",Date,Amount,Currency,Description,"Payment Reference","Running Balance","Exchange From","Exchange To","Exchange Rate","Payer Name","Payee Name","Payee Account Number",Merchant,"Card Last Four Digits","Card Holder Full Name",Attachment,Note,"Total fees"
TRANSFER-123456,13-10-2020,12.50,EUR,"Received money from Luca Bianchi",abbonamento,112.50,,,,"Luca Bianchi",,,,,,,,0.00
`, []ledger.Kind{pay, none}},
		{"unicredit csv", "ListaMovimenti.csv", "Data Registrazione;Data valuta;Descrizione;Importo (EUR);\n13.10.2020;13.10.2020;BONIFICO A VOSTRO FAVORE DA ROSSI MARIO;12,50;\n", []ledger.Kind{pay}},
		{"intesa lista movimenti", "movimenti.csv", preamble(27) + "Intestatario;ROSSI MARIO\nData contabile;Data valuta;Descrizione;Accrediti;Addebiti;Descrizione estesa\n13/10/2020;13/10/2020;BONIFICO;12,50;;BONIFICO A VOSTRO FAVORE\n", []ledger.Kind{pay}},
		{"bancoposta", "bancoposta.csv", "Data contabile;Data valuta;Addebiti;Accrediti;Descrizione operazioni\n13/10/2020;13/10/2020;;12,50;POSTAGIRO DA ROSSI\n", []ledger.Kind{pay}},
		{"suspects list", "indagati.csv", "Id indagato;Codice fiscale;Cognome;Nome;Data di nascita;Ruolo;Referente;IBAN\nS01;RSSMRA80A01H501U;Rossi;Mario;01/01/1980;source;;IT60X0542811101000000123456\n", []ledger.Kind{sus}},
		{"foreign suspects", "suspects.csv", "ID,Surname,Name,Date of birth,Country,Wallet\nS02,Keller,Jonas,02/03/1985,DE,bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq\n", []ledger.Kind{sus}},
		{"staff list: one id column", "staff.csv", "ID;Reparto;Stipendio\n7;vendite;1500\n", []ledger.Kind{none}},
		{"seizure records", "sequestri.csv", "N. reperto;Intestatario;Tipologia;Descrizione;Valore stimato;Valuta;Data sequestro\nR1;S01;conto corrente;c/c Intesa;10000;EUR;05/11/2020\n", []ledger.Kind{ast}},
		{"shop inventory", "magazzino.csv", "Codice;Tipo;Quantità;Prezzo;Descrizione\nA1;cavo HDMI;3;9,90;cavo\n", []ledger.Kind{none}},
		{"inventory with an owner", "inventario.csv", "Titolare;Tipo;Quantità;Valore\nRossi;decoder;3;90\nRossi;cavo;2;10\n", []ledger.Kind{none}},
		{"benefit payments", "inps.csv", "Protocollo domanda;Codice fiscale richiedente;Cognome;Nome;Data di nascita;Mese competenza;Importo erogato\nINPS-RDC-1;RSSMRA80A01H501U;Rossi;Mario;01/01/1980;2020-05;500,00\n", []ledger.Kind{ben}},
		{"household", "nuclei.csv", "Protocollo domanda;Codice fiscale;Cognome;Nome;Parentela\nINPS-RDC-1;RSSLCU05A01H501X;Rossi;Luca;figlio\n", []ledger.Kind{hh}},
		{"identifiers", "identificativi.csv", "Indagato;Tipo;Valore\nS01;iban;IT60X0542811101000000123456\nS01;telegram;@mario\n", []ledger.Kind{ids}},
		{"kinds of transfer are not identifiers", "registro.csv", "Indagato;Tipo;Valore\nS01;bonifico;100\nS01;contanti;50\n", []ledger.Kind{none}},
		{"ecb sdmx", "data.csv", "KEY,FREQ,CURRENCY,CURRENCY_DENOM,EXR_TYPE,EXR_SUFFIX,TIME_PERIOD,OBS_VALUE\nEXR.D.USD.EUR.SP00.A,D,USD,EUR,SP00,A,2020-10-13,1.1765\n", []ledger.Kind{rates}},
		{"coingecko", "btc-eur-max.csv", "snapped_at,price,market_cap,total_volume\n2020-10-13 00:00:00 UTC,9742.1,1,1\n", []ledger.Kind{rates}},
		{"banca d'italia", "cambi.csv", "Paese,Valuta,Codice ISO,Codice UIC,Quotazione,Convenzione di cambio,Data di riferimento (CET)\nSTATI UNITI,Dollaro USA,USD,001,1.1765,Quantita' di valuta estera per 1 Euro,2020-10-13\n", []ledger.Kind{rates}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cls, err := Classify(writeBytes(t, tc.file, []byte(tc.text)))
			if err != nil {
				t.Fatal(err)
			}
			if len(cls) != 1 {
				t.Fatalf("%d tables", len(cls))
			}
			c := cls[0]
			for _, k := range tc.allowed {
				if c.Kind == k {
					if c.Kind == "" && c.Reason == "" {
						t.Fatal("left out without a reason")
					}
					return
				}
			}
			t.Fatalf("classified %q (%v; %s), allowed %q", c.Kind, c.Matched, c.Reason, tc.allowed)
		})
	}
}
