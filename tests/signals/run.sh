#!/bin/sh
# SPDX-License-Identifier: MIT
# Signals in the wizard: whatever catchable signal ends it, the terminal is
# given back as it was (modes, normal screen, cursor), and no core dump can
# hold what the person typed. Drives the real binary on a pseudo-terminal.
# Usage: run.sh BINARY
bin=${1:-./remedies}
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
export LANG=C.UTF-8 REMEDIES_TODAY=2026-11-27 TERM=xterm-256color
unset LC_ALL LC_MESSAGES
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
guide=$(pwd)/tests/guides/mini.yaml
cd "$tmp" || exit 1
ulimit -c unlimited 2>/dev/null
exec /usr/bin/python3 - "$bin" "$guide" <<'PY'
import os, pty, signal, sys, termios, time, select

binary, guide = sys.argv[1], sys.argv[2]
passed = failed = 0
core_test = open("/proc/sys/kernel/core_pattern").read().strip() == "core"
if not core_test:
    print("SKIP: core_pattern is not 'core': cannot look for a core file here")

def run(sig, keys=b""):
    pid, fd = pty.fork()
    if pid == 0:
        os.execv(binary, [binary, "-g", guide])
    before = termios.tcgetattr(fd)
    out = b""
    deadline = time.time() + 10
    # wait until the wizard is up: alternate screen on and the first page drawn
    while b"\x1b[?1049h" not in out or b"Welcome" not in out.replace(b"\x1b", b""):
        r, _, _ = select.select([fd], [], [], 0.2)
        if r:
            try:
                out += os.read(fd, 65536)
            except OSError:
                break
        if time.time() > deadline:
            break
    up = b"\x1b[?1049h" in out
    during = termios.tcgetattr(fd)
    if keys:
        os.write(fd, keys)
        time.sleep(0.3)
    mark = len(out)
    os.kill(pid, sig)
    while True:
        r, _, _ = select.select([fd], [], [], 5)
        if not r:
            break
        try:
            d = os.read(fd, 65536)
        except OSError:
            break
        if not d:
            break
        out += d
    _, status = os.waitpid(pid, 0)
    after = termios.tcgetattr(fd)
    os.close(fd)
    return up, before, during, after, out[mark:], status

def check(name, cond, why):
    global passed, failed
    if cond:
        passed += 1
    else:
        failed += 1
        print("FAIL: %s: %s" % (name, why))

for name in ("INT", "TERM", "HUP", "QUIT", "USR1", "USR2", "ALRM", "VTALRM", "PROF",
             "SEGV", "ABRT"):
    sig = getattr(signal, "SIG" + name)
    for f in os.listdir("."):
        if f.startswith("core"):
            os.unlink(f)
    # "s" opens the save dialog; typed text is what a core would hold
    up, before, during, after, tail, status = run(sig, b"s" + b"client-maria-lopez")
    check(name, up, "the wizard did not start")
    check(name, during != before, "the wizard did not change the terminal modes (test is void)")
    check(name, after == before, "terminal modes not restored")
    check(name, b"\x1b[?1049l" in tail, "still on the alternate screen")
    check(name, b"\x1b[?25h" in tail or b"\x1b[?12l\x1b[?25h" in tail, "cursor left hidden")
    if os.WIFEXITED(status):
        check(name, os.WEXITSTATUS(status) == 128 + sig, "exit %d, not %d" % (os.WEXITSTATUS(status), 128 + sig))
    else:
        check(name, os.WTERMSIG(status) == sig, "ended by signal %d" % os.WTERMSIG(status))
    if core_test:
        cores = [f for f in os.listdir(".") if f.startswith("core")]
        check(name, not cores, "a core file was written: %s" % cores)

print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
PY
