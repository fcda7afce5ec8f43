#!/usr/bin/python3
"""Writes the seeds of corpus/ that are made from other files (the rest are
plain copies of samples, test models and tests/fixtures/crash_models):

    /usr/bin/python3 tests/fuzz/make_corpus.py

- fuzz_tarball: each crash model inside a .tar.gz, as the zoo ships models;
- fuzz_zoo: the sample zoo as one record file, and the same zoo with its
  tinynet-12 model (plain and in its archive) replaced by a crash model;
- fuzz_http: hub responses (first byte: the size the manifest gives, see
  fuzz_http.cc) for a good file, a pointer, a short/long body, errors.
"""
import hashlib
import io
import os
import tarfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SAMPLES = os.path.join(ROOT, "samples")
CRASH = os.path.join(ROOT, "tests", "fixtures", "crash_models")
CORPUS = os.path.join(HERE, "corpus")


def write(target, name, data):
    os.makedirs(os.path.join(CORPUS, target), exist_ok=True)
    with open(os.path.join(CORPUS, target, name), "wb") as f:
        f.write(data)


def tar_gz(members):
    buf = io.BytesIO()
    # Fixed mtime and owner: the same bytes on every run.
    with tarfile.open(fileobj=buf, mode="w:gz", format=tarfile.USTAR_FORMAT) as tar:
        for name, data in members:
            info = tarfile.TarInfo(name)
            info.size, info.mtime, info.mode = len(data), 0, 0o644
            tar.addfile(info, io.BytesIO(data))
    raw = bytearray(buf.getvalue())
    raw[4:8] = b"\0\0\0\0"  # gzip header mtime
    return bytes(raw)


def zoo_records(files):
    return b"".join(path.encode() + b"\0" + data + b"\0" for path, data in files)


def sample_files():
    out = []
    for folder, _, names in sorted(os.walk(SAMPLES)):
        for name in sorted(names):
            path = os.path.join(folder, name)
            out.append((os.path.relpath(path, SAMPLES), open(path, "rb").read()))
    return out


crash = sorted(n for n in os.listdir(CRASH) if n.endswith(".onnx"))
for name in crash:
    stem = name[: -len(".onnx")]
    data = open(os.path.join(CRASH, name), "rb").read()
    write("fuzz_tarball", "crash_" + stem + ".tar.gz", tar_gz([(stem + "/" + name, data)]))

samples = sample_files()
write("fuzz_zoo", "samples.zoo", zoo_records(samples))
tinynet = "vision/classification/tinynet/model/tinynet-12"
# Two of them: every run of a crash zoo costs a worker process.
for name in ("gathernd_batch_dims.onnx", "splittosequence_zero.onnx"):
    data = open(os.path.join(CRASH, name), "rb").read()
    files = []
    for path, content in samples:
        if path == tinynet + ".onnx":
            content = data
        elif path == tinynet + ".tar.gz":
            content = tar_gz([("tinynet-12/tinynet-12.onnx", data)])
        files.append((path, content))
    write("fuzz_zoo", "crash_" + name[: -len(".onnx")] + ".zoo", zoo_records(files))

hello = b"hello\n"
pointer = (b"version https://git-lfs.github.com/spec/v1\noid sha256:" + hashlib.sha256(hello).hexdigest().encode() +
           b"\nsize 6\n")
known6 = bytes([6 << 1 | 1])
unknown = bytes([0])
http = {
    "ok.http": known6 + b"HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\n" + hello,
    "ok_unknown_size.http": unknown + b"HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\n" + hello,
    "ok_chunked.http": known6 + b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nhel\r\n3\r\nlo\n\r\n0\r\n\r\n",
    "ok_no_length.http": known6 + b"HTTP/1.0 200 OK\r\n\r\n" + hello,
    "pointer.http": known6 + b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n" % len(pointer) + pointer,
    "short_body.http": known6 + b"HTTP/1.1 200 OK\r\nContent-Length: 60\r\n\r\n" + hello,
    "long_body.http": known6 + b"HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\n" + hello * 300,
    "wrong_length.http": known6 + b"HTTP/1.1 200 OK\r\nContent-Length: 4000\r\n\r\n" + hello * 700,
    "wrong_bytes.http": known6 + b"HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nhellO\n",
    "not_found.http": known6 + b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n",
    "server_error.http": known6 + b"HTTP/1.1 503 Busy\r\nRetry-After: 1\r\n\r\n",
    "redirect.http": known6 + b"HTTP/1.1 302 Found\r\nLocation: /elsewhere\r\n\r\n",
    "gzip.http": known6 + b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: 6\r\n\r\n" + hello,
    "garbage.http": known6 + b"\x00\xffHTTP/9 what\r\n\r\n",
}
for name, data in http.items():
    write("fuzz_http", name, data)
