"""The zoos the benchmark builds, laid out like the ONNX Model Zoo: a root
README whose `Model Class` table links every model folder (index mode), and
in each folder a README with a model table."""
import hashlib
import json
import os
import shutil

from model_writer import MIB, write_model

HEADER = "|Model |Download |ONNX version |Opset version |\n|-|-|-|-|\n"

# Content-zoo model sizes in MiB: 43 models from 4 KB to 400 MB, 2.8 GiB in all
# (the larger models are fewer, as in a real zoo).
CONTENT_SIZES_MB = ([0.004, 0.016, 0.064, 0.25] * 2 + [0.5, 1, 2, 4] * 2 + [8, 12, 16, 24, 32, 40, 48, 64] * 2 +
                    [80, 96, 112, 128, 160, 192, 224, 256] + [300, 350, 400])


def write_index(root, folders):
    os.makedirs(root, exist_ok=True)
    with open(f"{root}/README.md", "w") as f:
        f.write("# Bench zoo\n\n|Model Class |Description |\n|-|-|\n")
        f.writelines(f"|<b>[{d}]({d})</b>| bench |\n" for d in folders)


def write_folder(root, folder, rows):
    """rows: (name, path relative to the folder, opset)."""
    os.makedirs(f"{root}/{folder}", exist_ok=True)
    with open(f"{root}/{folder}/README.md", "w") as f:
        f.write(f"# {folder}\n\n" + HEADER)
        f.writelines(f"|{name} |[model]({path}) |1.14 |{opset} |\n" for name, path, opset in rows)


def content_zoo(root, scale=1.0, per_folder=8):
    """Models with random weights (one initializer per 256 KB, at most 256),
    sizes CONTENT_SIZES_MB * scale. Returns the model files, largest last."""
    folders, files = [], []
    sizes = sorted(CONTENT_SIZES_MB)
    for start in range(0, len(sizes), per_folder):
        folder = f"vision/family{start // per_folder:02d}"
        rows = []
        for i, size_mb in enumerate(sizes[start:start + per_folder], start):
            os.makedirs(f"{root}/{folder}/model", exist_ok=True)
            path = f"{root}/{folder}/model/m{i:02d}-13.onnx"
            write_model(path, int(size_mb * scale * MIB), max(1, min(256, int(size_mb * scale * 4))), seed=i)
            rows.append((f"M{i}", f"model/m{i:02d}-13.onnx", 13))
            files.append(path)
        write_folder(root, folder, rows)
        folders.append(folder)
    write_index(root, folders)
    return files


POINTERS_PER_FOLDER = 10  # 1,000 README folders at 10,000 models


def pointer_zoo(root, models, per_folder=POINTERS_PER_FOLDER):
    """models Git LFS pointers, per_folder to a README."""
    folders = []
    for start in range(0, models, per_folder):
        folder = f"validated/family{start // per_folder:05d}"
        os.makedirs(f"{root}/{folder}/model", exist_ok=True)
        rows = []
        for i in range(start, min(models, start + per_folder)):
            oid = hashlib.sha256(f"model {i}".encode()).hexdigest()
            with open(f"{root}/{folder}/model/model{i:05d}.onnx", "w") as f:
                f.write(f"version https://git-lfs.github.com/spec/v1\noid sha256:{oid}\nsize {1000 + i}\n")
            rows.append((f"Model {i}", f"model/model{i:05d}.onnx", 13))
        write_folder(root, folder, rows)
        folders.append(folder)
    write_index(root, folders)


def change_one_pointer(root, models, per_folder=POINTERS_PER_FOLDER):
    """Changes the size of the middle model's pointer; returns its path."""
    i = models // 2
    path = f"{root}/validated/family{i // per_folder:05d}/model/model{i:05d}.onnx"
    text = open(path).read()
    with open(path, "w") as f:
        f.write(text.replace(f"size {1000 + i}\n", f"size {10000 + i}\n"))
    return path


def add_ports(manifest):
    """Gives every entry io_ports, as the manifest of a zoo whose content was
    once here has them (a pointer-only run reuses them by model_sha)."""
    entries = json.load(open(manifest))
    for e in entries:
        e["metadata"]["io_ports"] = {
            "inputs": [{"name": "x", "shape": ["N", 3, 224, 224], "type": "tensor(float)"}],
            "outputs": [{"name": "y", "shape": ["N", 1000], "type": "tensor(float)"}]}
    with open(manifest, "w") as f:
        f.write(json.dumps(entries, indent=4))


def testdata_zoo(root, source="/usr/share/libonnx-testdata/data"):
    """Every model of libonnx-testdata, copied, one README per kind (node, simple, ...).
    Returns the model files."""
    import onnx  # only here: the other zoos need no protobuf parse
    folders, files = [], []
    for kind in sorted(os.listdir(source)):
        tests = sorted(t for t in os.listdir(f"{source}/{kind}") if os.path.isfile(f"{source}/{kind}/{t}/model.onnx"))
        rows = []
        for t in tests:
            os.makedirs(f"{root}/{kind}/{t}", exist_ok=True)
            shutil.copyfile(f"{source}/{kind}/{t}/model.onnx", f"{root}/{kind}/{t}/model.onnx")
            m = onnx.load(f"{root}/{kind}/{t}/model.onnx", load_external_data=False)
            opset = next((o.version for o in m.opset_import if o.domain in ("", "ai.onnx")), 1)
            rows.append((t, f"{t}/model.onnx", opset))
            files.append(f"{root}/{kind}/{t}/model.onnx")
        if rows:
            write_folder(root, kind, rows)
            folders.append(kind)
    write_index(root, folders)
    return files


def external_zoo(root, size_bytes, tensors=8):
    """One model whose size_bytes of weights live in a side file (ONNX
    external data). Returns (model, side file)."""
    os.makedirs(f"{root}/big/model", exist_ok=True)
    model = f"{root}/big/model/big-13.onnx"
    write_model(model, size_bytes, tensors, seed=7, external="big-13.weights")
    write_folder(root, "big", [("Big", "model/big-13.onnx", 13)])
    write_index(root, ["big"])
    return model, f"{root}/big/model/big-13.weights"
