"""Time until a program shows something on a terminal (used by scripts/bench.ts).

usage: python3 pty-first-frame.py [--quit] MARKER COMMAND [ARG...]

Runs COMMAND on a new pseudo-terminal (100x40, set before exec, so the program sees a real TTY of
that size from its first instruction) and prints the milliseconds from fork until MARKER appears in
its output, then kills it. With an empty MARKER it prints the time until the program exits (the
`node -e ''` baseline, measured the same way). Exit 1 if the marker never appears (10 s).

--quit: once MARKER is seen, press Ctrl-C (twice) and wait (5 s at most) for the program to leave as a learner's
session does, instead of killing it: what it writes when it exits (lynx's compile cache) is then there for
the next run. The bench warms each interactive case this way; the timed runs are killed.
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

args = sys.argv[1:]
quit_ = bool(args) and args[0] == '--quit'
if quit_:
    args = args[1:]
marker = args[0].encode()
argv = args[1:]
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
if quit_ and found is not None:
    # the screen takes the keyboard (raw mode) just after its first frame: a Ctrl-C before that is the
    # terminal's SIGINT, which ends node without its exit handlers
    settle = time.perf_counter() + 0.5
    while time.perf_counter() < settle:
        if select.select([fd], [], [], 0.05)[0]:
            try:
                os.read(fd, 65536)
            except OSError:
                break
    # twice: a screen that asks before leaving (the quiz) takes the second Ctrl-C as yes
    os.write(fd, b'\x03')
    time.sleep(0.2)
    os.write(fd, b'\x03')
    leave_by = time.perf_counter() + 5
    while time.perf_counter() < leave_by:
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        try:  # keep draining the terminal so the program never blocks on a full pty
            if select.select([fd], [], [], 0.05)[0]:
                os.read(fd, 65536)
        except OSError:
            pass
    else:
        sys.stderr.write('did not leave within 5 s of Ctrl-C\n')
try:
    os.kill(pid, signal.SIGKILL)
except ProcessLookupError:
    pass
try:
    os.waitpid(pid, 0)
except ChildProcessError:  # already reaped above (--quit)
    pass
if marker and found is None:
    sys.stderr.write(f'marker {marker!r} not seen; output was:\n{buf.decode(errors="replace")[-2000:]}\n')
    sys.exit(1)
print(f'{(end - t0) * 1000:.3f}')
