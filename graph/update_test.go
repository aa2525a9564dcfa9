package graph

// go test ./... -update passes -update to every package: this one has no
// golden files, and links the flag so as to accept it.
import _ "github.com/guazhi/guazhi/internal/golden"
