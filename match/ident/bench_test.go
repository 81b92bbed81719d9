package ident

import "testing"

// Key and ParseTaxCode run once per payment row and per suspect row.

var keyInputs = []string{
	"IT60X0542811101000000123456",
	"IT60 X054 2811 1010 0000 0123 456",
	"0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed",
	"TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t",
	"bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
	"mario.rossi@example.it",
	"+393331234567",
	"4111111111111111",
}

func BenchmarkKey(b *testing.B) {
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		Key(keyInputs[n%len(keyInputs)])
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "rows/s")
}

func BenchmarkParseTaxCode(b *testing.B) {
	codes := []string{"CCCFBA85D03L219P", "MRTMRA83T56A269B", "RSSMRAQRCMNFNLRG", "ccc fba 85 d03 l219 p"}
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		if _, err := ParseTaxCode(codes[n%len(codes)]); err != nil {
			b.Fatal(err)
		}
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "rows/s")
}

func BenchmarkCheckIBAN(b *testing.B) {
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		if err := CheckIBAN("IT60X0542811101000000123456"); err != nil {
			b.Fatal(err)
		}
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "rows/s")
}
