package chunks

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"testing"
)

// TestEncodeOrder checks that the elements come out in order, whatever
// the number of goroutines and however n falls across chunks and rounds.
func TestEncodeOrder(t *testing.T) {
	for _, procs := range []int{1, 2, 3, 8} {
		for _, n := range []int{0, 1, Size - 1, Size, Size + 1, 3*Size + 7, 17 * Size} {
			t.Run(fmt.Sprintf("procs=%d/n=%d", procs, n), func(t *testing.T) {
				var out []string
				chunks := 0
				err := encodeOn(procs, n, func() *[]string {
					chunks++
					return new([]string)
				}, func(c *[]string, i int) {
					*c = append(*c, strconv.Itoa(i))
				}, func(c *[]string) error {
					out = append(out, *c...)
					*c = (*c)[:0]
					return nil
				})
				if err != nil {
					t.Fatal(err)
				}
				want := make([]string, n)
				for i := range want {
					want[i] = strconv.Itoa(i)
				}
				if !slices.Equal(out, want) {
					t.Errorf("got %d elements, not 0 to %d in order", len(out), n-1)
				}
				if most := max(1, min(procs, (n+Size-1)/Size)); chunks != most {
					t.Errorf("%d chunks, want %d", chunks, most)
				}
			})
		}
	}
}

// TestEncodeError checks that the first error of write stops Encode.
func TestEncodeError(t *testing.T) {
	errWrite := errors.New("write failed")
	writes, encoded := 0, 0
	err := encodeOn(2, 10*Size, func() *int { return new(int) }, func(c *int, i int) {
		*c++
	}, func(c *int) error {
		encoded += *c
		*c = 0
		if writes++; writes == 3 {
			return errWrite
		}
		return nil
	})
	if !errors.Is(err, errWrite) {
		t.Errorf("Encode() = %v, want %v", err, errWrite)
	}
	if writes != 3 || encoded != 3*Size {
		t.Errorf("%d writes of %d elements, want 3 of %d", writes, encoded, 3*Size)
	}
}
