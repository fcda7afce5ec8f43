// Loads each model named in a list file (one path per line) with
// onnxruntime-node and prints one JSON line per model: its input and output
// metadata, or the error that kept onnxruntime from loading it.
// Usage: node ort_io_ports.js NODE_MODULES_DIR LIST_FILE
'use strict';
const fs = require('fs');
const path = require('path');

const ort = require(path.join(process.argv[2], 'onnxruntime-node'));
ort.env.logLevel = 'fatal';
const files = fs.readFileSync(process.argv[3], 'utf8').split('\n').filter((f) => f.length > 0);

function ports(names, metadata) {
  return names.map((name, i) => {
    const m = metadata[i] || {};
    return { name, isTensor: !!m.isTensor, type: m.type, shape: m.shape };
  });
}

(async () => {
  for (const file of files) {
    let line;
    try {
      const session = await ort.InferenceSession.create(file, { graphOptimizationLevel: 'disabled', logSeverityLevel: 4 });
      line = {
        file,
        inputs: ports(session.inputNames, session.inputMetadata),
        outputs: ports(session.outputNames, session.outputMetadata),
      };
      await session.release();
    } catch (e) {
      line = { file, error: String(e && e.message ? e.message : e).split('\n')[0] };
    }
    process.stdout.write(JSON.stringify(line) + '\n');
  }
})();
