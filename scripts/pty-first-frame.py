"""Time until a program shows something on a terminal (used by scripts/bench.ts).

usage: python3 pty-first-frame.py MARKER COMMAND [ARG...]

Runs COMMAND on a new pseudo-terminal (100x40, set before exec, so the program sees a real TTY of
that size from its first instruction) and prints the milliseconds from fork until MARKER appears in
its output, then kills it. With an empty MARKER it prints the time until the program exits (the
`node -e ''` baseline, measured the same way). Exit 1 if the marker never appears (10 s).
"""
import fcntl
import os
import pty
import select
import signal
import struct
import sys
import termios
import time

marker = sys.argv[1].encode()
argv = sys.argv[2:]
t0 = time.perf_counter()
pid, fd = pty.fork()
if pid == 0:
    fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack('HHHH', 40, 100, 0, 0))
    os.execvp(argv[0], argv)
buf = b''
found = None
deadline = t0 + 10
while time.perf_counter() < deadline:
    ready, _, _ = select.select([fd], [], [], 0.5)
    if not ready:
        continue
    try:
        chunk = os.read(fd, 65536)
    except OSError:  # the program exited and closed the terminal
        break
    if not chunk:
        break
    buf += chunk
    if marker and marker in buf:
        found = time.perf_counter()
        break
end = found if found is not None else time.perf_counter()
try:
    os.kill(pid, signal.SIGKILL)
except ProcessLookupError:
    pass
os.waitpid(pid, 0)
if marker and found is None:
    sys.stderr.write(f'marker {marker!r} not seen; output was:\n{buf.decode(errors="replace")[-2000:]}\n')
    sys.exit(1)
print(f'{(end - t0) * 1000:.3f}')
