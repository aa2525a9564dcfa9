package svg

import (
	"os/exec"
	"syscall"
)

// KillWithParent makes cmd's process die with the process that starts it,
// so that a layout is not left running when guazhi is interrupted.
func KillWithParent(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
