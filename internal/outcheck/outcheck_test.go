package outcheck_test

import (
	"testing"

	"github.com/guazhi/guazhi/internal/outcheck"
)

// TestHostile puts every hostile text in every place of the template and
// checks every format.
func TestHostile(t *testing.T) {
	for i, h := range outcheck.Hostile {
		t.Run(h, func(t *testing.T) {
			g, err := outcheck.Graph(h, "乙"+h, h+"丙"+outcheck.Hostile[(i+1)%len(outcheck.Hostile)])
			if err != nil {
				t.Fatal(err)
			}
			outcheck.Check(t, g)
		})
	}
}
