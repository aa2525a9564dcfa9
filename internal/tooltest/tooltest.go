// Package tooltest finds the external programs that tests check guazhi's
// output against, skipping or failing when one is missing.
package tooltest

import (
	"os"
	"os/exec"
	"testing"
)

// Required reports whether missing tools fail tests instead of skipping
// them: GUAZHI_REQUIRE_TOOLS=1, as CI sets it.
func Required() bool { return os.Getenv("GUAZHI_REQUIRE_TOOLS") == "1" }

// Missing skips the test with a clear message, or fails it when tools are
// required.
func Missing(t testing.TB, what string) {
	t.Helper()
	if Required() {
		t.Fatalf("%s is missing and GUAZHI_REQUIRE_TOOLS=1", what)
	}
	t.Skipf("skipping: %s is missing (set GUAZHI_REQUIRE_TOOLS=1 to fail instead)", what)
}

// Look returns the path of the first of names found on PATH or as an
// absolute path, or calls Missing.
func Look(t testing.TB, names ...string) string {
	t.Helper()
	for _, n := range names {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	Missing(t, "the program "+names[0])
	return ""
}

// Python returns a python3 that can import every module given, or calls
// Missing. It tries python3 on PATH first, then Debian's /usr/bin/python3.
func Python(t testing.TB, modules ...string) string {
	t.Helper()
	for _, py := range []string{"python3", "/usr/bin/python3"} {
		p, err := exec.LookPath(py)
		if err != nil {
			continue
		}
		args := []string{"-c", "import sys"}
		for _, m := range modules {
			args[1] += "; import " + m
		}
		if exec.Command(p, args...).Run() == nil {
			return p
		}
	}
	Missing(t, "python3 with "+joinComma(modules))
	return ""
}

func joinComma(s []string) string {
	out := ""
	for i, x := range s {
		if i > 0 {
			out += ", "
		}
		out += x
	}
	return out
}
