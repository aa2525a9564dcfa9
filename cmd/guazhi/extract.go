package main

func (e env) extract(args []string) error {
	return usagef("extract is not built yet")
}
