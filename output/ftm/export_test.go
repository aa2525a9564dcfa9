package ftm

// Hooks for the external tests.
var MakeID = makeID

// typeNames are the model's names of the property types.
var typeNames = map[propType]string{
	nameType: "name", stringType: "string", textType: "text", urlType: "url",
	dateType: "date", entityType: "entity", countryType: "country", numberType: "number",
}

// Props returns the declared type of each property the writer sets, by
// the model's names of types.
func Props() map[string]string {
	out := map[string]string{}
	for k, t := range props {
		out[k] = typeNames[t]
	}
	return out
}

// MaxLen returns the declared greatest length of each type, by name.
func MaxLen() map[string]int {
	out := map[string]int{}
	for t, n := range maxLen {
		out[typeNames[t]] = n
	}
	return out
}
