// Runs `qpdf --check` (qpdf compiled to WebAssembly) on the PDF read from stdin in a process of its
// own: the Emscripten runtime installs process-wide handlers and sets process.exitCode.
'use strict';
const { readFileSync } = require('node:fs');
const createQpdf = require('@jspawn/qpdf-wasm');

const wasm = readFileSync(require.resolve('@jspawn/qpdf-wasm/qpdf.wasm'));
createQpdf({
  noInitialRun: true,
  // instantiated here: the runtime would fetch() a file path, which Node's fetch cannot read
  instantiateWasm(imports, fertig) {
    WebAssembly.instantiate(wasm, imports).then((r) => fertig(r.instance, r.module));
    return {};
  },
}).then((qpdf) => {
  qpdf.FS.writeFile('/p.pdf', readFileSync(0));
  process.exitCode = qpdf.callMain(['--check', '/p.pdf']);
});
