"""on_terminal.py TYPED COMMAND...: runs COMMAND with stdin, stdout and stderr on
a new pseudo-terminal, types TYPED into it, prints what the terminal received
and exits with COMMAND's exit code.

Unlike script(1), the terminal is set up before COMMAND starts: echo off (so
the typed text never lands at a racy place in the transcript) and no output
processing (so the transcript holds the bytes COMMAND wrote, "\\n" not "\\r\\n").
"""
import fcntl
import os
import pty
import subprocess
import sys
import termios

typed, argv = sys.argv[1].encode(), sys.argv[2:]
master, slave = pty.openpty()
attrs = termios.tcgetattr(slave)
attrs[1] &= ~termios.OPOST  # oflag
attrs[3] &= ~termios.ECHO  # lflag
termios.tcsetattr(slave, termios.TCSANOW, attrs)


def controlling_terminal():
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, start_new_session=True,
                        preexec_fn=controlling_terminal)
os.close(slave)
os.write(master, typed)
out = bytearray()
while True:
    try:
        chunk = os.read(master, 65536)
    except OSError:  # EIO: every holder of the terminal closed it
        break
    if not chunk:
        break
    out += chunk
sys.stdout.buffer.write(out)
sys.exit(proc.wait())
