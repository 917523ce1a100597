package extract

import (
	"strings"
	"testing"
	"time"
)

// TestLongInputsStayFast guards against work that grows with the square of
// a sentence or document: each large adversarial input must finish well
// within a generous bound.
func TestLongInputsStayFast(t *testing.T) {
	inputs := map[string]string{
		"names":   strings.Repeat("Ali Reza met Hassan Ali and Reza Hassan, ", 3000),
		"singles": strings.Repeat("Rouhani said Khamis met Velayati. ", 3000),
		"hes":     strings.Repeat("He met the Syrian president and his Iranian counterpart. ", 3000),
		"titles":  strings.Repeat("Syrian President ", 5000) + "Bashar al-Assad.",
		"quotes":  strings.Repeat("“ ", 10000),
		"commas":  strings.Repeat("Mr. X, ", 10000),
		"dots":    strings.Repeat("U.S. ", 10000),
	}
	for name, in := range inputs {
		start := time.Now()
		f := Extract(Document{Text: in, Published: "2020-01-01"})
		checkInvariants(t, in, f)
		if took := time.Since(start); took > 5*time.Second {
			t.Errorf("%s: %d bytes took %v", name, len(in), took)
		}
	}
}
