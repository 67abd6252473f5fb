"""Runs a command on a new pseudo-terminal and types Ctrl-C into it when asked.

usage: on_a_terminal.py TRIGGER_FILE TIMEOUT_SECONDS COMMAND...

The command's output is copied to stdout. Once TRIGGER_FILE exists, the interrupt character (0x03)
is written to the terminal, so the terminal driver sends SIGINT to the command's process group,
exactly as pressing Ctrl-C does. The last line printed is "EXIT <status>", with status -N when the
command was killed by signal N.
"""
import fcntl
import os
import pty
import select
import struct
import sys
import termios
import time

trigger, timeout, argv = sys.argv[1], float(sys.argv[2]), sys.argv[3:]
pid, fd = pty.fork()
if pid == 0:
    os.execv(argv[0], argv)
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
deadline = time.time() + timeout
typed = False
out = bytearray()
while True:
    ready, _, _ = select.select([fd], [], [], 0.1)
    if ready:
        try:
            data = os.read(fd, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        out += data
    if not typed and os.path.exists(trigger):
        os.write(fd, b"\x03")
        typed = True
    if time.time() > deadline:
        os.kill(pid, 9)
        break
_, status = os.waitpid(pid, 0)
sys.stdout.buffer.write(bytes(out))
print("\nEXIT %d" % os.waitstatus_to_exitcode(status))
