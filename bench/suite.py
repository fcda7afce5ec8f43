"""The body of bench/run.sh: builds every input in a temp folder, runs the
parts, and prints one table of measurements taken side by side in this run,
each with its target and pass/FAIL, and the machine it ran on.

Usage: /usr/bin/python3 bench/suite.py BUILD_DIR [--quick] [--reps N] [--parts 1,3,...] [--markdown FILE]
"""
import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import part_content  # noqa: E402  (1, 2 and 4)
import part_external  # noqa: E402  (5)
import part_isolation  # noqa: E402  (6)
import part_pointer  # noqa: E402  (3)
from table import Table  # noqa: E402

SRC = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PARTS = {1: part_content, 3: part_pointer, 5: part_external, 6: part_isolation}


class Bench:
    """What every part needs: the binaries, a scratch folder, sizes and the table."""

    def __init__(self, build, quick, reps, work):
        self.build = build
        self.tool = os.path.join(build, "tools", "onnx-hub-manifest")
        self.driver = os.path.join(build, "bench", "ohm_checker_bench_driver")
        self.python = "/usr/bin/python3"
        self.quick = quick
        self.reps = reps
        self.work = work
        self.table = Table()
        # git without the user's or the system's configuration, with an identity.
        home = os.path.join(work, "home")
        os.makedirs(home)
        self.env = dict(os.environ, HOME=home, GIT_CONFIG_NOSYSTEM="1", LC_ALL="C")
        for key, value in (("user.name", "bench"), ("user.email", "bench@example.invalid"),
                           ("init.defaultBranch", "main"), ("commit.gpgsign", "false")):
            self.git(home, "config", "--global", key, value)

    def git(self, repo, *args):
        subprocess.run(["git", "-C", repo, *args], env=self.env, check=True, stdout=subprocess.DEVNULL)

    def scratch(self, name):
        path = os.path.join(self.work, name)
        os.makedirs(path)
        return path

    @staticmethod
    def warm(files):
        """Reads files once so every contender finds them in the page cache."""
        for f in files:
            with open(f, "rb") as fh:
                while fh.read(1 << 24):
                    pass


def machine(src, work):
    def out(*cmd):
        try:
            return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            return "?"

    cpu = next((ln.split(":", 1)[1].strip() for ln in open("/proc/cpuinfo") if ln.startswith("model name")), "?")
    mem_kb = int(next(ln.split()[1] for ln in open("/proc/meminfo") if ln.startswith("MemTotal")))
    df = out("df", "-h", "--output=source,fstype,size,avail", work).splitlines()[-1].split()
    dev = os.path.basename(df[0]).rstrip("0123456789")
    rota = out("cat", f"/sys/block/{dev}/queue/rotational")
    commit = out("git", "-C", src, "rev-parse", "--short", "HEAD")
    dirty = out("git", "-C", src, "status", "--porcelain", "--untracked-files=no")
    return [
        f"date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}",
        f"commit: {commit}{' (with uncommitted changes)' if dirty else ''}",
        f"CPU: {cpu}; nproc: {os.cpu_count()}",
        f"RAM: {mem_kb / (1 << 20):.1f} GiB",
        f"disk: {df[0]} ({df[1]}, {df[2]}, {df[3]} free, {'rotational' if rota == '1' else 'non-rotational'} as the kernel reports it), scratch in {work}",
        f"kernel: {platform.release()}; {out('openssl', 'version')}",
    ]


def loadavg():
    return " ".join(open("/proc/loadavg").read().split()[:3])


def main():
    p = argparse.ArgumentParser()
    p.add_argument("build")
    p.add_argument("--quick", action="store_true", help="small inputs, for trying the suite out")
    p.add_argument("--reps", type=int, help="runs of each command, the best kept (default 3, quick 2)")
    p.add_argument("--parts", default="1,3,5,6", help="which parts to run (1 runs 1, 2 and 4)")
    p.add_argument("--markdown", help="also write the table and the machine to this file")
    a = p.parse_args()
    build = os.path.abspath(a.build)
    reps = a.reps or (2 if a.quick else 3)
    work = tempfile.mkdtemp(prefix="ohm-bench-", dir=os.environ.get("TMPDIR", "/tmp"))
    try:
        bench = Bench(build, a.quick, reps, work)
        info = machine(SRC, work)
        load_before = loadavg()
        started = time.monotonic()
        for n in sorted(int(x) for x in a.parts.split(",")):
            print(f"[part {n}] {PARTS[n].__doc__.strip().splitlines()[0]}", file=sys.stderr, flush=True)
            PARTS[n].run(bench)
        minutes = (time.monotonic() - started) / 60
        info += [f"load average (1, 5, 15 min): {load_before} before, {loadavg()} after; "
                 f"each command run {reps} times (part 3's {max(reps, part_pointer.POINTER_REPS)}), the best kept; "
                 f"{minutes:.1f} min in all"
                 + ("; QUICK sizes (BENCH_QUICK=1)" if a.quick else "")]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    text = bench.table.markdown() + "\n\n" + "\n".join(f"- {x}" for x in info) + "\n"
    print(text)
    if a.markdown:
        with open(a.markdown, "w") as f:
            f.write(text)
    return 1 if any(r[4] == "FAIL" for r in bench.table.rows) else 0


if __name__ == "__main__":
    sys.exit(main())
