# Side files of models with external data: every unsafe location (absolute,
# .., a symlink, a fifo), a tensor beyond its file, a missing, changed,
# unlisted and extra side file, and two models whose side files collide.
source "$SRC/tests/e2e/lib.sh"
mk() { "$PY" "$SRC/tests/e2e/generate/make_external_model.py" "$@"; }
readme() {
  { echo "# Models"; echo
    echo "| Model | Download | ONNX version | Opset version |"
    echo "|-------|----------|--------------|---------------|"
    echo "| A | [model](a.onnx) | 1.14 | ${1:-13} |"
    echo "| B | [model](b.onnx) | 1.14 | 13 |"; } > "$2/README.md"
}
mkdir -p pristine/f
readme 13 pristine/f
mk pristine/f/a.onnx a W=a.bin
mk pristine/f/b.onnx b W=shared.bin V=shared.bin
make_repo pristine
check generate 0 generate --repo pristine
git -C pristine add -A && git -C pristine commit -qm manifest
check validate_clean 0 validate --repo pristine

fresh() { rm -rf z; cp -a pristine z; }

fresh
mk z/f/a.onnx a W=/etc/passwd:0:16
check unsafe_absolute 1 generate --repo z --check
fresh
echo outside > z/outside.bin
mk z/f/a.onnx a W=../outside.bin:0:4 V=sub/../../outside.bin:0:4
check unsafe_dotdot 1 generate --repo z --check
fresh
ln -s a.bin z/f/link.bin
mkfifo z/f/fifo.bin
mk z/f/a.onnx a W=link.bin:0:16 V=fifo.bin:0:16
check unsafe_symlink_and_fifo 1 validate --repo z

fresh
mk z/f/a.onnx a W=a.bin:8:16 V=a.bin:17 U=a.bin:x
check range 1 validate --repo z

fresh
rm z/f/a.bin
check missing 1 validate --repo z

fresh
printf 'X' | dd of=z/f/a.bin bs=1 seek=3 conv=notrunc 2>/dev/null
echo more >> z/f/shared.bin
check changed 1 validate --repo z

fresh
"$PY" - z/ONNX_HUB_MANIFEST.json <<'PYEOF'
import json, sys
m = json.load(open(sys.argv[1]))
del m[0]["metadata"]["external_data"]
m[1]["metadata"]["external_data"].append({"path": "f/zzz.bin", "sha": "0" * 64, "bytes": 1})
open(sys.argv[1], "w").write(json.dumps(m, indent=4))
PYEOF
check unlisted_and_extra 1 validate --repo z

# A's row breaks, so its published entry (and its side file's old sha) is
# kept; B's regeneration reads the changed shared file: in the cache one
# would overwrite the other.
fresh
mk z/f/a.onnx a W=shared.bin
git -C z add -A && git -C z commit -qm "A shares the file"
check shared_ok 0 generate --repo z
git -C z add -A && git -C z commit -qm "manifest"
printf 'X' | dd of=z/f/shared.bin bs=1 seek=3 conv=notrunc 2>/dev/null
readme seven z/f
check collision 1 generate --repo z
