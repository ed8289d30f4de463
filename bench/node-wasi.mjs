// node-wasi.mjs - Runs a WASI command module under Node.js for bench/run.
//
// usage: node --no-liftoff node-wasi.mjs FILE.wasm [ARGS...]
// Each WASI function is wrapped in a JS closure: Node 20's node:wasi crashes
// when its functions are handed to a module directly and the module grows
// its memory by 32 MiB or more. Prints compile and run times in ms to
// stderr as "node-wasi: compile_ms=X run_ms=Y".
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { performance } from 'node:perf_hooks';
import { WASI } from 'node:wasi';

const [file, ...args] = process.argv.slice(2);
const wasi = new WASI({ version: 'preview1', args: [basename(file), ...args], env: {},
                        returnOnExit: true });
const wrapped = {};
for (const [module, funcs] of Object.entries(wasi.getImportObject())) {
  wrapped[module] = {};
  for (const [name, f] of Object.entries(funcs))
    wrapped[module][name] = typeof f === 'function' ? (...a) => f(...a) : f;
}
const bytes = readFileSync(file);
const t0 = performance.now();
const module = await WebAssembly.compile(bytes);
const instance = await WebAssembly.instantiate(module, wrapped);
const t1 = performance.now();
const code = wasi.start(instance);
const t2 = performance.now();
process.stderr.write(`node-wasi: compile_ms=${(t1 - t0).toFixed(3)} run_ms=${(t2 - t1).toFixed(3)}\n`);
process.exitCode = code;
