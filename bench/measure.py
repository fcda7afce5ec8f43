"""Wall time and peak memory of commands, measured side by side.

compare() runs a set of commands round-robin (A, B, C, A, B, C, ...) so a
neighbour's load falls on every contender alike, and keeps each command's
best wall time. Peak RSS is GNU time's %M (ru_maxrss: the largest single
process of the command's tree that was waited for). It comes from
/usr/bin/time, not from this process, because a child's ru_maxrss keeps the
size of the process that forked it (exec saves the old image's high-water
mark), and this one holds numpy and onnx. With tree, the process tree's
summed memory is also sampled from /proc every 20 ms (the tool's libonnx
workers count), in one extra run that is not timed. The sum is of each
process's PSS (proportional set size, /proc/PID/smaps_rollup): the tool and
its workers are one binary and share its libraries' pages, which a sum of
RSS would count once per process.
"""
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass

TIME = "/usr/bin/time"  # GNU time (Debian package time, in scripts/setup.sh)


@dataclass
class Result:
    seconds: float  # best wall time over the runs
    rss_kb: int  # largest ru_maxrss over the runs
    tree_kb: int = 0  # sampled peak of the tree's summed PSS (0: not sampled)
    cpu_seconds: float = 0.0  # user + system time of the best run, children included


@dataclass
class Run:
    seconds: float
    rss_kb: int
    tree_kb: int
    code: int
    cpu_seconds: float


class CommandFailed(RuntimeError):
    pass


def _pss_kb(pid):
    """A process's proportional set size in KB: its private pages, and its share of those it shares."""
    with open(f"/proc/{pid}/smaps_rollup") as f:
        for line in f:
            if line.startswith("Pss:"):
                return int(line.split()[1])
    raise ValueError("no Pss line")


def _tree_pss_kb(root):
    """Summed proportional set size of root's descendants (root is GNU time), from /proc."""
    parent, pss = {}, {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                stat = f.read()
        except OSError:
            continue  # the process ended while we looked
        pid = int(entry)
        parent[pid] = int(stat[stat.rfind(")") + 2:].split()[1])
    tree, frontier = {root}, [root]
    children = {}
    for pid, ppid in parent.items():
        children.setdefault(ppid, []).append(pid)
    while frontier:
        for child in children.get(frontier.pop(), []):
            if child not in tree:
                tree.add(child)
                frontier.append(child)
    for pid in tree - {root}:
        try:
            pss[pid] = _pss_kb(pid)
        except (OSError, ValueError, IndexError):
            continue  # the process ended while we looked
    return sum(pss.values())


def run_once(cmd, cwd=None, env=None, ok=(0,), sample=False, stdout_path=None):
    """Runs cmd once, returns a Run."""
    with tempfile.TemporaryFile() as err, tempfile.NamedTemporaryFile("r") as rss:
        out = open(stdout_path, "wb") if stdout_path else subprocess.DEVNULL
        try:
            start = time.monotonic()
            proc = subprocess.Popen([TIME, "-f", "%M %U %S", "-o", rss.name, *cmd], cwd=cwd, env=env, stdout=out, stderr=err)
            peak = 0
            while sample and proc.poll() is None:
                peak = max(peak, _tree_pss_kb(proc.pid))
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
        words = rss.read().split()  # "Command exited with non-zero status N" comes first
        return Run(seconds, int(words[-3]), peak, code, float(words[-2]) + float(words[-1]))


def compare(commands, reps=3, cwd=None, env=None, ok=(0,), tree=()):
    """commands: {name: argv}. Returns {name: Result}; names in `tree` also
    get one sampled run for the process tree's peak RSS."""
    results = {name: Result(float("inf"), 0) for name in commands}
    for _ in range(reps):
        for name, cmd in commands.items():
            run = run_once(cmd, cwd=cwd, env=env, ok=ok)
            r = results[name]
            if run.seconds < r.seconds:
                r.seconds, r.cpu_seconds = run.seconds, run.cpu_seconds
            r.rss_kb = max(r.rss_kb, run.rss_kb)
    for name in tree:
        run = run_once(commands[name], cwd=cwd, env=env, ok=ok, sample=True)
        results[name].rss_kb = max(results[name].rss_kb, run.rss_kb)
        results[name].tree_kb = run.tree_kb
    return results


if __name__ == "__main__":  # measure.py CMD...: one sampled run, for trying it out
    r = run_once(sys.argv[1:], ok=None, sample=True)
    print(f"{r.seconds:.3f} s ({r.cpu_seconds:.3f} s CPU), ru_maxrss {r.rss_kb} KB, tree PSS peak {r.tree_kb} KB, exit {r.code}")
