package ledger

import (
	"strings"
)

// Currency describes a currency or crypto asset: its code and how many
// decimals its smallest unit has (2 for EUR, 8 for BTC, 18 for ETH).
type Currency struct {
	Code   string
	Minor  int
	Crypto bool
}

// iso4217 maps the ISO 4217 codes to their minor units. It lists the
// currencies in circulation plus the legacy codes that still appear in the
// ECB historical file.
var iso4217 = map[string]int{
	"EUR": 2, "USD": 2, "GBP": 2, "CHF": 2, "JPY": 0, "BGN": 2, "CZK": 2, "DKK": 2,
	"HUF": 2, "PLN": 2, "RON": 2, "SEK": 2, "ISK": 0, "NOK": 2, "HRK": 2, "RUB": 2,
	"TRY": 2, "AUD": 2, "BRL": 2, "CAD": 2, "CNY": 2, "HKD": 2, "IDR": 2, "ILS": 2,
	"INR": 2, "KRW": 0, "MXN": 2, "MYR": 2, "NZD": 2, "PHP": 2, "SGD": 2, "THB": 2,
	"ZAR": 2, "UAH": 2, "RSD": 2, "ALL": 2, "MKD": 2, "BAM": 2, "MDL": 2, "GEL": 2,
	"AED": 2, "SAR": 2, "QAR": 2, "KWD": 3, "BHD": 3, "OMR": 3, "JOD": 3, "TND": 3,
	"MAD": 2, "EGP": 2, "NGN": 2, "KES": 2, "ARS": 2, "CLP": 0, "COP": 2, "PEN": 2,
	"UYU": 2, "VND": 0, "TWD": 2, "PKR": 2, "BDT": 2, "LKR": 2, "KZT": 2, "BYN": 2,
	"AZN": 2, "AMD": 2, "DZD": 2, "LYD": 3, "IQD": 3, "IRR": 2, "XAF": 0, "XOF": 0,
	// Legacy currencies still present, as N/A, in eurofxref-hist.csv.
	"CYP": 2, "EEK": 2, "LTL": 2, "LVL": 2, "MTL": 2, "ROL": 2, "SIT": 2, "SKK": 2,
	"TRL": 0, "ITL": 0, "DEM": 2, "FRF": 2, "ESP": 0,
}

// cryptoUnits maps crypto tickers to the decimals of their smallest unit.
// USDT is 6 on Ethereum and TRON (18 on BNB Smart Chain: keep full
// precision, the figure only decides display).
var cryptoUnits = map[string]int{
	"BTC": 8, "ETH": 18, "USDT": 6, "USDC": 6, "LTC": 8, "XMR": 12, "TRX": 6,
	"BCH": 8, "DOGE": 8, "DAI": 18, "SOL": 9, "XRP": 6, "BNB": 18, "ADA": 6,
	"DASH": 8, "ZEC": 8, "MATIC": 18, "POL": 18, "TON": 9, "BUSD": 18, "DOT": 10, "XLM": 7,
}

// currencyAliases maps symbols and common words to codes.
var currencyAliases = map[string]string{
	"€": "EUR", "EURO": "EUR", "EUROS": "EUR", "EURO€": "EUR",
	"$": "USD", "US$": "USD", "USDOLLAR": "USD", "DOLLAR": "USD", "DOLLARI": "USD",
	"£": "GBP", "STERLINA": "GBP", "STERLINE": "GBP", "POUND": "GBP",
	"CHF.": "CHF", "FRANCHI": "CHF",
	"¥": "JPY",
	"₿": "BTC", "XBT": "BTC", "BITCOIN": "BTC",
	"ETHER": "ETH", "ETHEREUM": "ETH",
	"TETHER": "USDT", "USDT-TRC20": "USDT", "USDTTRC20": "USDT", "USDT-ERC20": "USDT", "USDTERC20": "USDT", "USDT(TRC20)": "USDT", "USDT(ERC20)": "USDT",
	"LITECOIN": "LTC", "MONERO": "XMR", "TRON": "TRX",
}

// LookupCurrency normalises a currency cell (code, ticker or symbol, any
// case, surrounding spaces) and reports whether it is known. An empty
// cell is not known: the caller decides the default (EUR).
func LookupCurrency(s string) (Currency, bool) {
	code := strings.ToUpper(strings.TrimSpace(s))
	code = strings.ReplaceAll(code, " ", "")
	if alias, ok := currencyAliases[code]; ok {
		code = alias
	}
	if minor, ok := iso4217[code]; ok {
		return Currency{Code: code, Minor: minor}, true
	}
	if minor, ok := cryptoUnits[code]; ok {
		return Currency{Code: code, Minor: minor, Crypto: true}, true
	}
	return Currency{Code: code}, false
}

// MinorUnits returns the decimals of a currency's smallest unit, 2 when
// the code is unknown.
func MinorUnits(code string) int {
	if c, ok := LookupCurrency(code); ok {
		return c.Minor
	}
	return 2
}

// IsCrypto reports whether code is a known crypto ticker.
func IsCrypto(code string) bool {
	c, ok := LookupCurrency(code)
	return ok && c.Crypto
}
