// Opens one model in an onnxruntime-node session (graph optimizations off:
// the read, not the rewrite), prints its input names and closes it; for
// bench/part_content.py. Usage: node ort_session.js NODE_MODULES_DIR MODEL
'use strict';
const path = require('path');

const ort = require(path.join(process.argv[2], 'onnxruntime-node'));
ort.env.logLevel = 'fatal';

(async () => {
  const session = await ort.InferenceSession.create(process.argv[3], {
    graphOptimizationLevel: 'disabled',
    logSeverityLevel: 4,
  });
  process.stdout.write(session.inputNames.join(' ') + '\n');
  await session.release();
})().catch((e) => {
  process.stderr.write(String(e && e.message ? e.message : e) + '\n');
  process.exit(1);
});
