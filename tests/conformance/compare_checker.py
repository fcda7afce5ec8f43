#!/usr/bin/python3
"""Compares our ONNX checker (ohm_checker_driver: the streaming reader with
payloads dropped, then libonnx's check_model) with python3-onnx's
onnx.checker.check_model, in both modes (default and full_check=True), on
every .onnx under --models plus the crafted models of --crafted-script and
the fixtures of --fixture-script. Verdict and first message line must agree.

A process that dies on a model (libonnx 1.12 divides by zero in some shape
inference functions: SIGFPE) is restarted at the next item. A python crash
means "no reference" for that item and is reported, never a failure. A crash
of ours is a failure unless the model is in KNOWN_CRASHES (libonnx crashing
in-process, until it runs behind a process boundary)."""
import argparse
import json
import os
import signal
import subprocess
import sys

# Crafted models on which libonnx itself crashes in our process too (our
# reader runs SPEC 5 shape inference in-process on every model it reads).
KNOWN_CRASHES = {
    "pool_stride_zero.onnx": "libonnx 1.12's MaxPool shape inference divides by the zero stride (SIGFPE)",
}


def run_resilient(cmd, listing, count, log):
    """Runs `cmd LIST START` until every item has an answer; the item a
    process died on gets {"crash": "SIGFPE"} and the next process starts after it."""
    answers = []
    # Under AddressSanitizer a SIGFPE inside libonnx would be caught and turned
    # into exit code 1; let it kill the process as it does in a plain build.
    env = dict(os.environ)
    env["ASAN_OPTIONS"] = ":".join(o for o in (env.get("ASAN_OPTIONS", ""), "handle_sigfpe=0") if o)
    with open(log, "ab") as err:
        while len(answers) < count:
            proc = subprocess.Popen(cmd + [listing, str(len(answers))], stdout=subprocess.PIPE, stderr=err, env=env)
            for line in proc.stdout:
                answers.append(json.loads(line))
            rc = proc.wait()
            if len(answers) < count:
                if rc >= 0:
                    raise RuntimeError("%s stopped at item %d with exit code %d" % (cmd[0], len(answers), rc))
                answers.append({"crash": signal.Signals(-rc).name})
    return answers


def models_under(folder):
    return sorted(os.path.join(d, f) for d, _, fs in os.walk(folder) for f in fs if f.endswith(".onnx"))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--driver", required=True)
    ap.add_argument("--reference", required=True, help="checker_reference.py")
    ap.add_argument("--python", default="/usr/bin/python3")
    ap.add_argument("--models", required=True)
    ap.add_argument("--crafted-script", required=True)
    ap.add_argument("--fixture-script")
    ap.add_argument("--work", required=True)
    args = ap.parse_args()

    testdata = models_under(args.models)
    if not testdata:
        print("no .onnx models under %s" % args.models)
        return 1
    os.makedirs(args.work, exist_ok=True)
    crafted_dir = os.path.join(args.work, "crafted")
    subprocess.run([args.python, args.crafted_script, crafted_dir], check=True)
    crafted = models_under(crafted_dir)
    fixtures = []
    if args.fixture_script:
        fixture_dir = os.path.join(args.work, "fixtures")
        subprocess.run([args.python, args.fixture_script, fixture_dir], check=True, stdout=subprocess.DEVNULL)
        fixtures = models_under(fixture_dir)
    models = testdata + crafted + fixtures
    items = [(mode, m) for m in models for mode in ("default", "full")]
    listing = os.path.join(args.work, "checker_items.txt")
    with open(listing, "w") as f:
        f.write("".join("%s\t%s\n" % it for it in items))

    ref = run_resilient([args.python, args.reference], listing, len(items), os.path.join(args.work, "python.log"))
    ours = run_resilient([args.driver], listing, len(items), os.path.join(args.work, "driver.log"))

    agree, no_reference, known_crashes, both_refuse, failures = 0, [], [], [], []
    for (mode, m), r, o in zip(items, ref, ours):
        item = "%s [%s]" % (m, mode)
        name = os.path.basename(m)
        if "crash" in o:
            if m in crafted and name in KNOWN_CRASHES:
                known_crashes.append("%s: ours %s: %s" % (item, o["crash"], KNOWN_CRASHES[name]))
            else:
                failures.append("%s: our process died (%s)" % (item, o["crash"]))
            if "crash" in r:
                no_reference.append("%s: python %s" % (item, r["crash"]))
            continue
        if "crash" in r:
            no_reference.append("%s: python %s (ours: %s)" % (item, r["crash"], json.dumps(o)))
            continue
        if "error" in o:
            # Our reader refused the file (truncated, corrupt): python must refuse it too.
            if r["passed"]:
                failures.append("%s: we could not read it (%s), python passes it" % (item, o["error"]))
            else:
                both_refuse.append(item)
            continue
        if "undecided" in o:
            failures.append("%s: undecided (%s); python: %s" % (item, o["undecided"], json.dumps(r)))
            continue
        if o["passed"] != r["passed"] or o["message"] != r["message"]:
            failures.append("%s:\n    ours:   %s\n    python: %s" % (item, json.dumps(o), json.dumps(r)))
            continue
        agree += 1

    # The crafted models must show what they were made for.
    for (mode, m), r in zip(items, ref):
        name = os.path.basename(m)
        if m not in crafted or "crash" in r or mode != ("default" if name.startswith("clean_") else "full"):
            continue
        if name.startswith("clean_") and not r["passed"]:
            failures.append("%s: a clean crafted model that python refuses: %s" % (m, r["message"]))
        if not name.startswith("clean_") and r["passed"]:
            failures.append("%s: a crafted fault that python accepts in full mode" % m)

    for line in failures:
        print("DIFF %s" % line)
    for line in no_reference:
        print("no reference (python crashed) %s" % line)
    for line in known_crashes:
        print("known in-process crash %s" % line)
    for item in both_refuse:
        print("both refuse to read %s" % item)
    print("%d items (%d models x 2 modes: %d from libonnx-testdata, %d crafted, %d fixtures): %d agree, "
          "%d differ, %d unreadable for both, %d without reference (python crashed), %d known crashes of ours"
          % (len(items), len(models), len(testdata), len(crafted), len(fixtures), agree, len(failures),
             len(both_refuse), len(no_reference), len(known_crashes)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
