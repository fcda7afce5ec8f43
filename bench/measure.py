"""Wall time and peak memory of commands, measured side by side.

compare() runs a set of commands round-robin (A, B, C, A, B, C, ...) so a
neighbour's load falls on every contender alike, and keeps each command's
best wall time. Peak RSS is GNU time's %M (ru_maxrss: the largest single
process of the command's tree that was waited for). It comes from
/usr/bin/time, not from this process, because a child's ru_maxrss keeps the
size of the process that forked it (exec saves the old image's high-water
mark), and this one holds numpy and onnx. With tree, the process tree's
summed RSS is also sampled from /proc every 20 ms (the tool's libonnx
workers count), in one extra run that is not timed.
"""
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass

PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024
TIME = "/usr/bin/time"  # GNU time (Debian package time, in scripts/setup.sh)


@dataclass
class Result:
    seconds: float  # best wall time over the runs
    rss_kb: int  # largest ru_maxrss over the runs
    tree_kb: int = 0  # sampled peak of the tree's summed RSS (0: not sampled)


class CommandFailed(RuntimeError):
    pass


def _tree_rss_kb(root):
    """Summed resident set of root's descendants (root is GNU time), from /proc."""
    parent, rss = {}, {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                stat = f.read()
            with open(f"/proc/{entry}/statm") as f:
                pages = int(f.read().split()[1])
        except (OSError, ValueError, IndexError):
            continue  # the process ended while we looked
        pid = int(entry)
        parent[pid] = int(stat[stat.rfind(")") + 2:].split()[1])
        rss[pid] = pages * PAGE_KB
    tree, frontier = {root}, [root]
    children = {}
    for pid, ppid in parent.items():
        children.setdefault(ppid, []).append(pid)
    while frontier:
        for child in children.get(frontier.pop(), []):
            if child not in tree:
                tree.add(child)
                frontier.append(child)
    return sum(rss.get(pid, 0) for pid in tree if pid != root)


def run_once(cmd, cwd=None, env=None, ok=(0,), sample=False, stdout_path=None):
    """Runs cmd once: (seconds, ru_maxrss KB, sampled tree KB, exit code)."""
    with tempfile.TemporaryFile() as err, tempfile.NamedTemporaryFile("r") as rss:
        out = open(stdout_path, "wb") if stdout_path else subprocess.DEVNULL
        try:
            start = time.monotonic()
            proc = subprocess.Popen([TIME, "-f", "%M", "-o", rss.name, *cmd], cwd=cwd, env=env, stdout=out, stderr=err)
            peak = 0
            while sample and proc.poll() is None:
                peak = max(peak, _tree_rss_kb(proc.pid))
                time.sleep(0.02)
            code = proc.wait()
            seconds = time.monotonic() - start
        finally:
            if stdout_path:
                out.close()
        if ok is not None and code not in ok:
            err.seek(0)
            tail = err.read().decode(errors="replace")[-2000:]
            raise CommandFailed(f"exit code {code} (expected {ok}): {' '.join(map(str, cmd))}\n{tail}")
        lines = rss.read().split()  # "Command exited with non-zero status N" comes first
        return seconds, int(lines[-1]), peak, code


def compare(commands, reps=3, cwd=None, env=None, ok=(0,), tree=()):
    """commands: {name: argv}. Returns {name: Result}; names in `tree` also
    get one sampled run for the process tree's peak RSS."""
    results = {name: Result(float("inf"), 0) for name in commands}
    for _ in range(reps):
        for name, cmd in commands.items():
            seconds, rss, _, _ = run_once(cmd, cwd=cwd, env=env, ok=ok)
            r = results[name]
            r.seconds, r.rss_kb = min(r.seconds, seconds), max(r.rss_kb, rss)
    for name in tree:
        _, rss, peak, _ = run_once(commands[name], cwd=cwd, env=env, ok=ok, sample=True)
        results[name].rss_kb = max(results[name].rss_kb, rss)
        results[name].tree_kb = peak
    return results


if __name__ == "__main__":  # measure.py CMD...: one sampled run, for trying it out
    s, rss, peak, code = run_once(sys.argv[1:], ok=None, sample=True)
    print(f"{s:.3f} s, ru_maxrss {rss} KB, tree peak {peak} KB, exit {code}")
