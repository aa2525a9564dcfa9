package golden

import (
	"os/exec"
	"strings"
	"testing"
)

// TestEveryPackageLinks: the test binary of every package of the module
// links this package, so that `go test ./... -update` is accepted by all of
// them (a package with no golden files links it with an update_test.go,
// as extract does).
func TestEveryPackageLinks(t *testing.T) {
	const self = "github.com/guazhi/guazhi/internal/golden"
	cmd := exec.Command("go", "list", "-test", "-f", "{{.ImportPath}} {{join .Deps \" \"}}", "./...")
	cmd.Dir = "../.."
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	n := 0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		pkg, deps, _ := strings.Cut(line, " ")
		if !strings.HasSuffix(pkg, ".test") { // only the test binaries' main packages
			continue
		}
		n++
		if !strings.Contains(" "+deps+" ", " "+self+" ") {
			t.Errorf("%s does not link %s: add an update_test.go that imports it, as extract's does", strings.TrimSuffix(pkg, ".test"), self)
		}
	}
	if n < 10 {
		t.Fatalf("found %d test binaries only", n)
	}
}
