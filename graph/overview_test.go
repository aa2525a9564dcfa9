package graph_test

import (
	"testing"
	"testing/fstest"

	"github.com/guazhi/guazhi/graph"
	"github.com/guazhi/guazhi/kb"
)

const overviewKB = `name: ov
title: overview
sources:
  - {id: s, title: t, file: s.txt}
entities:
  - {id: bj, kind: body, name: 北京市, jurisdiction: beijing}
  - {id: dc, kind: body, name: 东城区, jurisdiction: beijing, parent: bj}
  - {id: dc-fgw, kind: body, name: 东城区发改委, jurisdiction: beijing, parent: dc}
  - {id: dc-swj, kind: body, name: 东城区商务局, jurisdiction: beijing, parent: dc}
  - {id: hb, kind: body, name: 河北省, jurisdiction: hebei}
  - {id: lf, kind: body, name: 廊坊市, jurisdiction: hebei, parent: hb}
  - {id: ga, kind: body, name: 固安县, jurisdiction: hebei, parent: lf}
  - {id: ga-fgw, kind: body, name: 固安县发改委, jurisdiction: hebei, parent: ga}
  - {id: co, kind: company, name: 公司, jurisdiction: beijing}
  - {id: a, kind: official, name: 甲, jurisdiction: beijing}
  - {id: b, kind: official, name: 乙, jurisdiction: beijing}
  - {id: c, kind: official, name: 丙, jurisdiction: hebei}
secondments:
  - {official: a, from: {body: dc-fgw, post: 科长}, to: {body: ga, post: 副县长}, start: 2015-07, evidence: [{source: s, quote: 甲}]}
  - {official: b, from: {body: dc-swj, post: 科长}, to: {body: ga-fgw, post: 副局长}, start: 2016-07, evidence: [{source: s, quote: 乙}]}
  - {official: c, from: {body: ga-fgw, post: 科长}, to: {body: dc-fgw, post: 副主任}, start: 2015-07, evidence: [{source: s, quote: 丙}]}
agreements:
  - {id: ag, title: 协议, parties: [ga, co], status: signed, evidence: [{source: s, quote: 丁}]}
  - {id: ag2, title: 协议二, parties: [ga-fgw, dc-fgw], status: signed, evidence: [{source: s, quote: 戊}]}
`

func TestOverview(t *testing.T) {
	g, err := kb.Parse(fstest.MapFS{"s.txt": {Data: []byte("甲乙丙丁戊")}}, kb.Input{Name: "ov.yaml", Data: []byte(overviewKB)})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		level  string
		groups int
		flows  map[string]int // "from>to" → secondments
		deals  map[string]int
	}{
		{graph.ByBody, 4, map[string]int{"dc-fgw>ga": 1, "dc-swj>ga-fgw": 1, "ga-fgw>dc-fgw": 1}, map[string]int{"ga": 1, "ga-fgw": 1, "dc-fgw": 1}},
		{graph.ByCounty, 2, map[string]int{"dc>ga": 2, "ga>dc": 1}, map[string]int{"ga": 2, "dc": 1}},
		{graph.ByCity, 2, map[string]int{"dc>lf": 2, "lf>dc": 1}, map[string]int{"lf": 2, "dc": 1}},
		{graph.ByProvince, 2, map[string]int{"bj>hb": 2, "hb>bj": 1}, map[string]int{"hb": 2, "bj": 1}},
	} {
		ov, err := g.Overview(tc.level)
		if err != nil {
			t.Fatal(err)
		}
		if len(ov.Groups) != tc.groups {
			t.Errorf("%s: %d groups, want %d", tc.level, len(ov.Groups), tc.groups)
		}
		got := map[string]int{}
		for _, f := range ov.Flows {
			got[f.From.ID+">"+f.To.ID] = len(f.Secondments)
		}
		if len(got) != len(tc.flows) {
			t.Errorf("%s: flows %v, want %v", tc.level, got, tc.flows)
		}
		for k, n := range tc.flows {
			if got[k] != n {
				t.Errorf("%s: flow %s carries %d, want %d (all: %v)", tc.level, k, got[k], n, got)
			}
		}
		for _, gr := range ov.Groups {
			if len(gr.Deals) != tc.deals[gr.ID] {
				t.Errorf("%s: %s has %d deals, want %d", tc.level, gr.ID, len(gr.Deals), tc.deals[gr.ID])
			}
		}
		if ov.Officials() != 3 || len(ov.Homeless) != 0 || ov.Agreements != 2 {
			t.Errorf("%s: officials %d, no home %d, agreements %d; want 3, 0, 2", tc.level, ov.Officials(), len(ov.Homeless), ov.Agreements)
		}
		if ov.Groups[0].Jurisdiction != "beijing" {
			t.Errorf("%s: first group %s, want Beijing's first", tc.level, ov.Groups[0].ID)
		}
	}
	if _, err := g.Overview("town"); err == nil {
		t.Error("unknown level: no error")
	}
}
