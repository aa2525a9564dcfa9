//go:build !linux

package svg

import "os/exec"

// KillWithParent does nothing here: the layout process ends when its
// layout is done, or when its parent kills it on cancellation.
func KillWithParent(*exec.Cmd) {}
