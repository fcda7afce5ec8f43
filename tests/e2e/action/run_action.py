"""Runs a composite action's steps as the Actions runner would, for the tests.

run_action.py ACTION_DIR CACHE_STORE [name=value ...]

Inputs are name=value arguments (action.yml's defaults fill the rest). The
github context comes from OHM_TEST_ACTION_REPOSITORY / OHM_TEST_ACTION_REF,
runner.temp from RUNNER_TEMP. Each `run` step runs with bash in the current
folder with its `env:` (expressions expanded), GITHUB_ACTION_PATH and a fresh
GITHUB_OUTPUT, whose name=value lines become the step's outputs. `if:` is
evaluated for the forms action.yml uses (==, !=, &&, ||, success()).
actions/cache/restore and actions/cache/save keep paths in CACHE_STORE/<key>,
so a second run sees what the first saved. As in a composite action, the first
failing step fails the run (its exit code is ours); each step's fate is
printed on stderr as "step <name>: ran (rc N)" or "step <name>: skipped".
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

import yaml

action_dir, store = sys.argv[1], sys.argv[2]
action = yaml.safe_load(open(os.path.join(action_dir, "action.yml")))
inputs = {k: str(v.get("default", "")) for k, v in action.get("inputs", {}).items()}
for arg in sys.argv[3:]:
    name, value = arg.split("=", 1)
    if name not in inputs:
        sys.exit(f"run_action.py: action.yml has no input {name}")
    inputs[name] = value
github = {
    "action_repository": os.environ.get("OHM_TEST_ACTION_REPOSITORY", ""),
    "action_ref": os.environ.get("OHM_TEST_ACTION_REF", ""),
}
runner = {"temp": os.environ["RUNNER_TEMP"]}
steps = {}  # id -> {"outputs": {...}, "outcome": ...}


def lookup(path):
    parts = path.split(".")
    if parts[0] == "inputs":
        return inputs[parts[1]]
    if parts[0] == "github":
        return github.get(parts[1], "")
    if parts[0] == "runner":
        return runner[parts[1]]
    if parts[0] == "steps":
        step = steps.get(parts[1], {"outputs": {}, "outcome": ""})
        return step["outputs"].get(parts[3], "") if parts[2] == "outputs" else step.get(parts[2], "")
    raise ValueError(f"unknown context {path}")


def expand(text):
    return re.sub(r"\$\{\{\s*([\w.-]+)\s*\}\}", lambda m: lookup(m.group(1)), str(text))


def condition(expr):
    py = re.sub(r"\b(inputs|github|runner|steps)\.[\w.-]+", lambda m: repr(lookup(m.group(0))), expr)
    py = py.replace("&&", " and ").replace("||", " or ").replace("success()", "True")
    return eval(py, {"__builtins__": {}}, {})


rc = 0
for index, step in enumerate(action["runs"]["steps"]):
    name = step.get("name", step.get("id", f"#{index}"))
    if "if" in step and not condition(step["if"]):
        print(f"step {name}: skipped", file=sys.stderr)
        continue
    outputs = {}
    if "uses" in step:
        uses, args = step["uses"], {k: expand(v) for k, v in step.get("with", {}).items()}
        saved = os.path.join(store, args["key"])
        if uses.startswith("actions/cache/restore@"):
            if os.path.isdir(saved):
                shutil.rmtree(args["path"], ignore_errors=True)
                shutil.copytree(saved, args["path"])
                outputs["cache-hit"] = "true"
        elif uses.startswith("actions/cache/save@"):
            if not os.path.isdir(saved):
                shutil.copytree(args["path"], saved)
        else:
            sys.exit(f"run_action.py: cannot run {uses}")
        step_rc = 0
    else:
        assert step.get("shell") == "bash", f"{name}: shell must be bash"
        with tempfile.NamedTemporaryFile("r", delete=False) as out:
            env = dict(os.environ, GITHUB_ACTION_PATH=action_dir, GITHUB_OUTPUT=out.name)
            env.update({k: expand(v) for k, v in step.get("env", {}).items()})
            step_rc = subprocess.run(["bash", "-e", "-c", expand(step["run"])], env=env).returncode
            for line in open(out.name):
                if "=" in line:
                    key, value = line.rstrip("\n").split("=", 1)
                    outputs[key] = value
            os.unlink(out.name)
    print(f"step {name}: ran (rc {step_rc})", file=sys.stderr)
    if "id" in step:
        steps[step["id"]] = {"outputs": outputs, "outcome": "success" if step_rc == 0 else "failure"}
    if step_rc != 0:
        rc = step_rc
        break
sys.exit(rc)
