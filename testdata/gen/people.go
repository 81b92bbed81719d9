package main

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
)

// suspect is one planted suspect with every identifier the inputs show.
type suspect struct {
	id, surname, name string
	female            bool
	birth             time.Time // the true birth date, encoded in the tax code
	listedBirth       time.Time // the birth date written in suspects.xlsx
	place, placeName  string    // Belfiore code and name
	country, role     string
	upline            string
	taxCode           string // as listed ("" for foreigners without one)
	canonical         string // non-omocodic form of taxCode
	ibans, wallets    []string
	email, phone      string
	telegram          string
}

func (s *suspect) fullName() string { return strings.ToUpper(s.surname + " " + s.name) }

// cast holds everybody the generator invents, in a fixed order.
type cast struct {
	suspects []*suspect
	byID     map[string]*suspect
	// wallets by purpose, to write payments to them
	btc, eth, tron map[string]string // suspect id -> address
	unknownBTC     string
	paypal         map[string][]string // suspect id -> PayPal e-mails used as payee
	sharedPayPal   string              // listed for S11 and S12
	card06         string
	strawman       person // owns a seized account, is no suspect
}

func randBytes(r *rand.Rand, n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.IntN(256))
	}
	return b
}

func digits(r *rand.Rand, n int) string {
	var b strings.Builder
	for range n {
		b.WriteByte(byte('0' + r.IntN(10)))
	}
	return b.String()
}

func newCast(r *rand.Rand) *cast {
	c := &cast{byID: map[string]*suspect{}, btc: map[string]string{}, eth: map[string]string{}, tron: map[string]string{}, paypal: map[string][]string{}}
	add := func(s *suspect) {
		if s.listedBirth.IsZero() {
			s.listedBirth = s.birth
		}
		c.suspects = append(c.suspects, s)
		c.byID[s.id] = s
	}
	add(&suspect{id: "S01", surname: "Rossi", name: "Mario", birth: day(1978, 3, 14), place: "F839", placeName: "Napoli", country: "IT", role: "source"})
	add(&suspect{id: "S02", surname: "Keller", name: "Jonas", birth: day(1981, 9, 2), place: "Z112", placeName: "Berlin (DE)", country: "DE", role: "source"})
	add(&suspect{id: "S03", surname: "Esposito", name: "Gennaro", birth: day(1984, 11, 23), place: "F839", placeName: "Napoli", country: "IT", role: "platform", upline: "S01"})
	add(&suspect{id: "S04", surname: "D'Angelo", name: "Francesca", female: true, birth: day(1990, 6, 8), place: "H501", placeName: "Roma", country: "IT", role: "platform", upline: "S01"})
	add(&suspect{id: "S05", surname: "Kovalenko", name: "Dmytro", birth: day(1987, 1, 30), place: "Z138", placeName: "Kyiv (UA)", country: "UA", role: "platform", upline: "S02"})
	add(&suspect{id: "S06", surname: "Bianchi", name: "Luca", birth: day(1992, 4, 17), place: "F205", placeName: "Milano", country: "IT", role: "reseller", upline: "S03"})
	add(&suspect{id: "S07", surname: "Romano", name: "Alessandro", birth: day(1986, 12, 5), place: "H501", placeName: "Roma", country: "IT", role: "reseller", upline: "S03"})
	add(&suspect{id: "S08", surname: "Colombo", name: "Giulia", female: true, birth: day(1995, 2, 11), place: "L219", placeName: "Torino", country: "IT", role: "reseller", upline: "S04"})
	add(&suspect{id: "S09", surname: "García López", name: "Sergio", birth: day(1983, 8, 19), place: "Z131", placeName: "Valencia (ES)", country: "ES", role: "reseller", upline: "S05"})
	add(&suspect{id: "S10", surname: "Smith", name: "Oliver", birth: day(1979, 5, 27), place: "Z114", placeName: "Leeds (GB)", country: "GB", role: "reseller", upline: "S02"})
	add(&suspect{id: "S11", surname: "Ricci", name: "Salvatore", birth: day(1985, 7, 12), listedBirth: day(1985, 7, 21), place: "D969", placeName: "Genova", country: "IT", role: "reseller", upline: "S04"})
	add(&suspect{id: "S12", surname: "Greco", name: "Antonio", birth: day(1991, 10, 3), place: "A089", placeName: "Agrigento", country: "IT", role: "sub-reseller", upline: "S13"})
	add(&suspect{id: "S13", surname: "Marino", name: "Vincenzo", birth: day(1989, 3, 29), place: "I158", placeName: "San Severo", country: "IT", role: "sub-reseller", upline: "S12"})
	add(&suspect{id: "S14", surname: "Conti", name: "Anna", female: true, birth: day(1997, 9, 9), place: "G388", placeName: "Pavia", country: "IT", role: "sub-reseller", upline: "S06"})

	for _, s := range c.suspects {
		code := taxCode(s.surname, s.name, s.female, s.birth, s.place)
		s.canonical = code
		switch s.id {
		case "S02", "S05", "S10": // foreigners without an Italian tax code
			s.canonical = ""
		case "S07": // omocodic: the Agenzia substituted the last two digits
			s.taxCode = omocode(code, 2)
		default:
			s.taxCode = code
		}
		handle := strings.ToLower(cfLetters(s.name)[:3] + "_" + cfLetters(s.surname))
		s.telegram = "@" + handle
		s.email = strings.ToLower(cfLetters(s.name)+"."+cfLetters(s.surname)) + "@example.com"
		s.phone = "+39 3" + digits(r, 2) + " " + digits(r, 3) + " " + digits(r, 4)
		switch s.country {
		case "DE":
			s.phone = "+49 15" + digits(r, 1) + " " + digits(r, 7)
		case "GB":
			s.phone = "+44 7" + digits(r, 3) + " " + digits(r, 6)
		case "UA":
			s.phone = "+380 67 " + digits(r, 3) + " " + digits(r, 4)
		case "ES":
			s.phone = "+34 6" + digits(r, 2) + " " + digits(r, 3) + " " + digits(r, 3)
		}
	}
	c.plantAccounts(r)
	c.strawman = person{surname: "Ferri", name: "Luigi", birth: day(1960, 4, 22), place: "F839"}
	c.strawman.taxCode = taxCode("Ferri", "Luigi", false, c.strawman.birth, "F839")
	return c
}

// plantAccounts gives suspects their bank accounts, wallets and PayPal
// addresses. Every one is valid (check digits, checksums).
func (c *cast) plantAccounts(r *rand.Rand) {
	s := c.byID
	s["S01"].ibans = []string{ibanIT("03069", "09606", digits(r, 12))}
	s["S03"].ibans = []string{ibanIT("05034", "03401", digits(r, 12)), ibanIT("36081", "05138", digits(r, 12))}
	s["S02"].ibans = []string{iban("DE", digits(r, 8)+digits(r, 10))}
	s["S10"].ibans = []string{iban("GB", "NWBK"+digits(r, 6)+digits(r, 8))}
	s["S05"].ibans = []string{iban("UA", "322001"+"00000"+digits(r, 14))}
	s["S06"].ibans = []string{ibanIT("07601", "01600", digits(r, 12))}

	for _, id := range []string{"S01", "S02", "S04"} {
		c.btc[id] = base58Check(0x00, randBytes(r, 20))
	}
	for _, id := range []string{"S02", "S03"} {
		c.eth[id] = eip55(randBytes(r, 20))
	}
	c.tron["S05"] = base58Check(0x41, randBytes(r, 20))
	c.unknownBTC = base58Check(0x00, randBytes(r, 20))
	s["S01"].wallets = []string{c.btc["S01"]}
	s["S02"].wallets = []string{c.btc["S02"], c.eth["S02"]}
	s["S03"].wallets = []string{c.eth["S03"]}
	s["S04"].wallets = []string{c.btc["S04"]}
	// S05's TRON address is only in identifiers.csv.

	c.paypal["S07"] = []string{s["S07"].email, "alex.romano.shop@example.net"}
	c.paypal["S08"] = []string{s["S08"].email}
	c.paypal["S09"] = []string{"sergio.iptv@example.org"}
	c.paypal["S10"] = []string{s["S10"].email}
	c.sharedPayPal = "ultra.tv.shop@example.com"
	// The Postepay title row shows the last four digits, 1234.
	c.card06 = fixCardEnding("5333" + digits(r, 8))
}

// fixCardEnding returns a Luhn-valid card number ending in 1234, changing
// the 12th digit (not doubled by Luhn, so one of the ten values fits).
func fixCardEnding(prefix12 string) string {
	for d := 0; d < 10; d++ {
		if card := luhnComplete(prefix12[:11] + fmt.Sprint(d) + "123"); strings.HasSuffix(card, "1234") {
			return card
		}
	}
	panic("unreachable: Luhn digit covers 0-9")
}

var (
	maleNames   = []string{"Marco", "Giuseppe", "Francesco", "Andrea", "Paolo", "Stefano", "Davide", "Matteo", "Simone", "Roberto", "Fabio", "Lorenzo", "Claudio", "Domenico", "Emanuele", "Pietro", "Raffaele", "Ciro", "Niccolò", "Nicola"}
	femaleNames = []string{"Chiara", "Sara", "Valentina", "Elena", "Federica", "Martina", "Alessia", "Roberta", "Paola", "Ilaria", "Carmela", "Teresa", "Lucia", "Rosa", "Silvia"}
	surnames    = []string{"Bruno", "Gallo", "Costa", "Fontana", "Caruso", "Mancini", "Rizzo", "Lombardi", "Moretti", "Barbieri", "Santoro", "Mariani", "Rinaldi", "Ferrara", "Galli", "Martini", "Leone", "Longo", "Gentile", "Martinelli", "Vitale", "Serra", "Coppola", "De Santis", "Villa", "Cattaneo", "Marchetti", "Parisi", "Sala", "De Luca", "Fabbri", "Pellegrini", "Palumbo", "Sanna", "Farina", "Rizzi", "Monti", "Cirillo", "Testa", "Grasso"}
	placesIT    = []string{"F839", "H501", "F205", "L219", "D969", "A089", "G388", "I158", "A269", "G674"}
)

// person is an invented non-suspect (benefit recipient, household member).
type person struct {
	surname, name string
	female        bool
	birth         time.Time
	place         string
	taxCode       string
}

// randomPerson invents someone who shares no name and no birth date with
// any suspect, so that no accidental match can appear.
func (c *cast) randomPerson(r *rand.Rand, minYear, maxYear int) person {
	for {
		p := person{surname: surnames[r.IntN(len(surnames))], female: r.IntN(2) == 0}
		if p.female {
			p.name = femaleNames[r.IntN(len(femaleNames))]
		} else {
			p.name = maleNames[r.IntN(len(maleNames))]
		}
		p.birth = day(minYear+r.IntN(maxYear-minYear+1), 1+r.IntN(12), 1+r.IntN(28))
		p.place = placesIT[r.IntN(len(placesIT))]
		p.taxCode = taxCode(p.surname, p.name, p.female, p.birth, p.place)
		if !c.clashes(p) {
			return p
		}
	}
}

func (c *cast) clashes(p person) bool {
	for _, s := range c.suspects {
		if s.birth.Equal(p.birth) || s.listedBirth.Equal(p.birth) || strings.EqualFold(s.surname, p.surname) {
			return true
		}
	}
	return false
}

// customerName invents a paying customer (never a suspect's name).
func customerName(r *rand.Rand) string {
	n := maleNames
	if r.IntN(3) == 0 {
		n = femaleNames
	}
	return n[r.IntN(len(n))] + " " + surnames[r.IntN(len(surnames))]
}
