package extract

import (
	"fmt"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"
)

// floods are inputs of any content that extract must read in linear time:
// a trigger or a date repeated without a sentence
// break, and ordinary text with sentence breaks.
var floods = []struct {
	name string
	unit string
}{
	{"guaren", "挂任"},
	{"guazhi", "挂职"},
	{"jiang-guaren", "将挂任"},
	{"date", "2015年10月12日"},
	{"posts", "北京市大兴区副区长王明挂任廊坊市副市长、"},
	{"arrival", "时任北京市大兴区副区长的喻华锋来到廊坊,挂职任市委常委、副市长"},
	{"arrival-run-on", "时任到廊坊于2015年7月24日到廊坊挂职,任"},
	{"signing", "大兴区与廊坊市签署了《合作协议》,"},
	{"mixed", "北京市发改委副主任李强,此次将挂任河北省发改委副主任;大兴区与廊坊市签署了《合作协议》。去年7月,石家庄市代表团到北京市大兴区进行了考察。挂职锻炼的意义在于经历。\n"},
}

// flood repeats unit to at least n bytes.
func flood(unit string, n int) string {
	return strings.Repeat(unit, n/len(unit)+1)
}

// BenchmarkExtract drafts from floods of growing size: time per byte
// stays flat when extract is linear.
//
//	go test ./extract -run '^$' -bench Extract -benchtime 1x
func BenchmarkExtract(b *testing.B) {
	for _, f := range floods {
		for _, size := range benchSizes {
			text := flood(f.unit, size)
			b.Run(fmt.Sprintf("%s/%dKiB", f.name, size>>10), func(b *testing.B) {
				b.SetBytes(int64(len(text)))
				for b.Loop() {
					if _, err := Draft(Article{Name: "flood.txt", Text: text}, Options{}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// TestFloodLinear drafts 4 MiB of each flood under a generous bound of
// processor time (the target is 2 s; the quadratic extractor took minutes).
// Processor time, not the wall clock, so that a loaded machine does not
// fail it; GUAZHI_FLOOD_BOUND overrides the bound for slow machines.
func TestFloodLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("drafts 36 MiB of text")
	}
	bound := 10 * time.Second
	if s := os.Getenv("GUAZHI_FLOOD_BOUND"); s != "" {
		d, err := time.ParseDuration(s)
		if err != nil {
			t.Fatalf("GUAZHI_FLOOD_BOUND: %v", err)
		}
		bound = d
	}
	for _, f := range floods {
		text := flood(f.unit, 4<<20)
		start, cpu := time.Now(), cpuTime()
		if _, err := Draft(Article{Name: "flood.txt", Text: text}, Options{}); err != nil {
			t.Fatal(err)
		}
		took, used := time.Since(start), cpuTime()-cpu
		t.Logf("%s: 4 MiB in %v (%v of CPU)", f.name, took.Round(time.Millisecond), used.Round(time.Millisecond))
		if used > bound {
			t.Errorf("%s: 4 MiB took %v of CPU, want under %v", f.name, used, bound)
		}
	}
}

var benchSizes = []int{40 << 10, 320 << 10, 4 << 20}

// cpuTime is the user and system time the process has used: on a loaded
// machine it measures the work where the wall clock measures the load.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// FuzzDraft: any valid text drafts without error into a draft that loads,
// every quote verbatim in the text.
//
//	go test ./extract -run '^$' -fuzz FuzzDraft -fuzztime 10s
func FuzzDraft(f *testing.F) {
	for _, fl := range floods {
		f.Add(fl.unit + fl.unit)
	}
	f.Add("京冀\n新华社北京2017年1月6日电\n河北省發改委副主任楊志明，此次將掛任北京市發改委副主任；交通委副主任王刚分别挂任。\n")
	f.Add("来自北京的挂职副市长钱卫东已到任。钱卫东在廊坊市挂职一年。同时担任廊坊市副市长和北京市大兴区副区长的他说。")
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		a := Article{Name: "fuzz.txt", Text: text}
		res, err := Draft(a, Options{})
		if strings.TrimSpace(text) == "" {
			if err == nil {
				t.Fatal("a blank article drafts")
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		for _, fact := range res.Facts {
			if !strings.Contains(text, fact.Quote) {
				t.Fatalf("quote not verbatim: %q", fact.Quote)
			}
		}
		load(t, a, res)
	})
}
