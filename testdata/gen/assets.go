package main

import (
	"time"

	"github.com/shopspring/decimal"
)

// asset is one planted seizure record.
type asset struct {
	line                     int
	id, owner, typeIT, kind  string // kind is the asset type of docs/rules.md
	desc                     string
	value, qty               decimal.Decimal
	hasValue, hasQty         bool
	cur                      string
	date                     time.Time
	country, measure, status string
	share                    decimal.Decimal // fraction; shown as a percent
	ownerID                  string          // suspect id the owner resolves to, "" for a non-suspect
}

func (a *asset) monetary() bool {
	switch a.kind {
	case "server", "domain", "platform", "telegram_channel", "smart_card", "other":
		return false
	}
	return true
}

func (a *asset) released() bool { return a.status == "dissequestrato" }

// eurValue values a monetary asset per docs/rules.md#seized-value: value converted on
// the seizure date, or quantity x price for crypto, times the share,
// rounded once.
func (a *asset) eurValue(rt *rates, on time.Time) (decimal.Decimal, bool) {
	if a.hasQty && a.kind == "crypto" {
		u, ok := lookup(rt.crypto, a.cur, on)
		if !ok {
			return decimal.Decimal{}, false
		}
		return a.qty.Mul(u.value).Mul(a.share).Round(2), true
	}
	v := a.value.Mul(a.share)
	if a.cur == "EUR" {
		return v.Round(2), true
	}
	u, ok := rt.ecbRate(a.cur, on)
	if !ok {
		return decimal.Decimal{}, false
	}
	return v.DivRound(u.value, 2), true
}

const decree = "Decreto di sequestro preventivo GIP Napoli n. 11226/17"

func (g *gen) assets() []*asset {
	c := g.cast
	one := decimal.NewFromInt(1)
	d6, d5 := day(2020, 11, 6), day(2020, 11, 5)
	money := func(id, owner, typeIT, kind, desc, value, cur, country string, date time.Time) *asset {
		return &asset{id: id, owner: owner, ownerID: owner, typeIT: typeIT, kind: kind, desc: desc, value: eur(value), hasValue: true,
			cur: cur, date: date, country: country, measure: decree, status: "sequestrato", share: one}
	}
	coin := func(id, owner, desc, qty, cur, country string, date time.Time) *asset {
		return &asset{id: id, owner: owner, ownerID: owner, typeIT: "criptovalute", kind: "crypto", desc: desc, qty: eur(qty), hasQty: true,
			cur: cur, date: date, country: country, measure: decree, status: "sequestrato", share: one}
	}
	takedown := func(id, owner, typeIT, kind, desc, qty, country string) *asset {
		return &asset{id: id, owner: owner, ownerID: owner, typeIT: typeIT, kind: kind, desc: desc, qty: eur(qty), hasQty: true,
			date: d6, country: country, measure: "Oscuramento / sequestro preventivo", status: "sequestrato", share: one}
	}
	s := c.byID
	list := []*asset{
		money("R001", "S01", "conto corrente", "bank_account", "Conto corrente Banca Esempio "+s["S01"].ibans[0], "1412350.22", "EUR", "IT", d6),
		money("R002", "S02", "conto corrente", "bank_account", "Konto in USD "+s["S02"].ibans[0], "250000.00", "USD", "DE", d6),
		coin("R003", "S01", "Wallet BTC "+c.btc["S01"], "45.5", "BTC", "IT", d6),
		coin("R004", "S05", "Wallet USDT-TRC20 "+c.tron["S05"], "85000", "USDT", "UA", d5),
		coin("R005", "S02", "Wallet ETH "+c.eth["S02"], "140.25", "ETH", "DE", d6),
		money("R006", "S03", "contanti", "cash", "Contanti rinvenuti in abitazione", "185000.00", "EUR", "IT", d6),
		money("R007", "S01", "immobile", "real_estate", "Appartamento in Napoli, foglio 12 part. 345 sub 6", "1850000.00", "EUR", "IT", d6),
		money("R008", s["S04"].taxCode, "veicolo", "vehicle", "Autovettura Audi Q7 targa GF123XY", "62000.00", "EUR", "IT", d5),
		money("R009", "S03", "quote societarie", "company", "Quote di Esposito Digital S.r.l. (valore dell'intera società)", "200000.00", "EUR", "IT", d6),
		money("R010", "S02", "titoli", "securities", "Dossier titoli presso Beispielbank AG", "95000.00", "EUR", "DE", d6),
		money("R011", "S07", "preziosi", "valuables", "Tre orologi di pregio", "48500.00", "EUR", "IT", d6),
		money("R012", c.strawman.taxCode, "conto corrente", "bank_account", "Conto intestato a prestanome (FERRI LUIGI, non indagato)", "35000.00", "EUR", "IT", d6),
		money("R013", "S10", "conto corrente", "bank_account", "Current account "+s["S10"].ibans[0], "42000.00", "GBP", "GB", d6),
		money("R014", "S06", "contanti", "cash", "Contanti (confisca definitiva)", "12350.00", "EUR", "IT", d5),
		takedown("R015", "S02", "server", "server", "Server IPTV head-end e restream (DE, NL, FR, RO)", "3200", "DE"),
		takedown("R016", "S05", "server", "server", "Server di restream", "2300", "UA"),
		takedown("R017", "S01", "dominio", "domain", "Domini e siti di vendita abbonamenti", "2100", "IT"),
		takedown("R018", "S02", "dominio", "domain", "Domini dei pannelli rivenditori", "400", "NL"),
		takedown("R019", "S03", "piattaforma", "platform", "Piattaforma IPTV e pannello rivenditori", "1", "IT"),
		takedown("R020", "S04", "canale telegram", "telegram_channel", "Canali Telegram di vendita", "200", "IT"),
		takedown("R021", "S13", "canale telegram", "telegram_channel", "Canali Telegram di assistenza", "150", "IT"),
		takedown("R022", "S01", "smart card", "smart_card", "Smart card pay-TV usate per la decodifica", "40", "IT"),
	}
	list[6].share = eur("0.5")
	list[7].ownerID = "S04"
	list[8].share = eur("0.6")
	list[11].ownerID = ""
	list[12].status = "dissequestrato"
	list[13].status = "confiscato"
	list[13].measure = "Confisca per equivalente"
	return list
}

var assetHeader = []string{"N. reperto", "Intestatario", "Tipologia", "Descrizione", "Valore stimato", "Quantità", "Valuta", "Data sequestro", "Paese", "Provvedimento", "Quota di possesso", "Stato"}

func (g *gen) assetsXLSX(list []*asset) []byte {
	const sh = "Sequestri"
	f := newWorkbook(sh)
	ds := dateStyle(f)
	pct, _ := f.NewStyle(pctFormat)
	setRow(f, sh, 1, toAny(assetHeader))
	for i, a := range list {
		row := i + 2
		a.line = row
		var value, qty any = "", ""
		if a.hasValue {
			value = a.value.InexactFloat64()
		}
		if a.hasQty {
			qty = a.qty.InexactFloat64()
		}
		setRow(f, sh, row, []any{a.id, a.owner, a.typeIT, a.desc, value, qty, a.cur, a.date, a.country, a.measure, a.share.InexactFloat64(), a.status})
		styleCell(f, sh, 8, row, ds)
		styleCell(f, sh, 11, row, pct)
	}
	f.SetColWidth(sh, "D", "D", 60)
	f.SetColWidth(sh, "J", "J", 45)
	return saveWorkbook(f)
}
