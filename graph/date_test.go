package graph

import (
	"cmp"
	"testing"
)

func TestDateCompare(t *testing.T) {
	dates := []Date{{}, {Year: 2015, Month: 0, Day: 0}, {Year: 2015, Month: 1, Day: 0}, {Year: 2015, Month: 1, Day: 1}, {Year: 2015, Month: 1, Day: 2}, {Year: 2015, Month: 2, Day: 0}, {Year: 2015, Month: 12, Day: 31}, {Year: 2016, Month: 0, Day: 0}}
	for i, a := range dates {
		for j, b := range dates {
			if got, want := a.Compare(b), cmp.Compare(i, j); got != want {
				t.Errorf("%v.Compare(%v) = %d, want %d", a, b, got, want)
			}
		}
	}
}
