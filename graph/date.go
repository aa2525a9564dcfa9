package graph

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is a possibly partial calendar date: YYYY, YYYY-MM or YYYY-MM-DD.
// Month and Day are zero when absent. The zero Date means "no date".
type Date struct {
	Year, Month, Day int
}

// The years a date may have. Secondments, agreements and their sources
// are modern; a year outside these is a typing error (0001 would also read
// as an open start in Gephi's Timesets).
const (
	MinYear = 1900
	MaxYear = 2100
)

// ParseDate parses YYYY, YYYY-MM or YYYY-MM-DD and rejects impossible dates.
func ParseDate(s string) (Date, error) {
	parts := strings.Split(s, "-")
	if len(parts) > 3 || len(parts[0]) != 4 {
		return Date{}, fmt.Errorf("date %q is not YYYY, YYYY-MM or YYYY-MM-DD", s)
	}
	var n [3]int
	for i, p := range parts {
		if (i > 0 && len(p) != 2) || p == "" {
			return Date{}, fmt.Errorf("date %q is not YYYY, YYYY-MM or YYYY-MM-DD", s)
		}
		v, err := strconv.Atoi(p)
		if err != nil || v < 0 || strings.ContainsAny(p, "+-") {
			return Date{}, fmt.Errorf("date %q is not YYYY, YYYY-MM or YYYY-MM-DD", s)
		}
		n[i] = v
	}
	d := Date{n[0], n[1], n[2]}
	if d.Year < MinYear || d.Year > MaxYear {
		return Date{}, fmt.Errorf("date %q: year %d is outside %d-%d", s, d.Year, MinYear, MaxYear)
	}
	if len(parts) >= 2 && (d.Month < 1 || d.Month > 12) {
		return Date{}, fmt.Errorf("date %q has no month %d", s, d.Month)
	}
	if len(parts) == 3 {
		last := Date{d.Year, d.Month, 0}.LastDay().Day()
		if d.Day < 1 || d.Day > last {
			return Date{}, fmt.Errorf("date %q has no day %d", s, d.Day)
		}
	}
	return d, nil
}

// IsZero reports whether the date is absent.
func (d Date) IsZero() bool { return d.Year == 0 }

// String renders the date as it was written: YYYY, YYYY-MM or YYYY-MM-DD.
func (d Date) String() string {
	if d.Year == 0 {
		return ""
	}
	return string(d.Append(make([]byte, 0, 10)))
}

// Append appends the date as String writes it.
func (d Date) Append(b []byte) []byte {
	if d.Year == 0 {
		return b
	}
	b = appendDigits(b, d.Year, 4)
	if d.Month == 0 {
		return b
	}
	b = appendDigits(append(b, '-'), d.Month, 2)
	if d.Day == 0 {
		return b
	}
	return appendDigits(append(b, '-'), d.Day, 2)
}

// appendDigits appends n zero-padded to width digits.
func appendDigits(b []byte, n, width int) []byte {
	s := strconv.Itoa(n)
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

// FirstDay is the first day of the period the date names.
func (d Date) FirstDay() time.Time {
	m, day := d.Month, d.Day
	if m == 0 {
		m = 1
	}
	if day == 0 {
		day = 1
	}
	return time.Date(d.Year, time.Month(m), day, 0, 0, 0, 0, time.UTC)
}

// LastDay is the last day of the period the date names.
func (d Date) LastDay() time.Time {
	switch {
	case d.Month == 0:
		return time.Date(d.Year, 12, 31, 0, 0, 0, 0, time.UTC)
	case d.Day == 0:
		return time.Date(d.Year, time.Month(d.Month)+1, 0, 0, 0, 0, 0, time.UTC)
	}
	return d.FirstDay()
}

// Compare orders dates by their first day, then by precision (coarser
// first).
func (d Date) Compare(e Date) int { return cmp.Compare(d.key(), e.key()) }

// key is a number that orders dates as Compare does: the first day as
// YYYYMMDD, then the precision, coarser first.
func (d Date) key() int64 {
	m, day, precision := d.Month, d.Day, int64(2)
	switch {
	case d.Month == 0:
		m, day, precision = 1, 1, 0
	case d.Day == 0:
		day, precision = 1, 1
	}
	return (int64(d.Year)*10000+int64(m)*100+int64(day))*10 + precision
}
