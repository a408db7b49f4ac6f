// Runs one flow script in QuickJS inside a worker thread (see script-sandbox.ts). Plain JavaScript:
// it is loaded as it is, from the sources and from dist/ (the build copies it).
import { parentPort, workerData } from 'node:worker_threads';
import { getQuickJS, shouldInterruptAfterDeadline } from 'quickjs-emscripten';

const { source, input, timeoutMs, memoryMb } = workerData;
const quickjs = await getQuickJS();
const runtime = quickjs.newRuntime();
runtime.setMemoryLimit(memoryMb * 1024 * 1024);
runtime.setMaxStackSize(512 * 1024);
runtime.setInterruptHandler(shouldInterruptAfterDeadline(Date.now() + timeoutMs));
const vm = runtime.newContext();
let result;
try {
  const code = `(() => {
    const freeze = (o) => { if (o && typeof o === 'object') { Object.values(o).forEach(freeze); Object.freeze(o); } return o; };
    const input = freeze(JSON.parse(${JSON.stringify(JSON.stringify(input))}));
    const result = (function (person, flow) { 'use strict';\n${source}\n})(input.person, input.flow);
    return result === undefined ? 'null' : JSON.stringify(result);
  })()`;
  const evaluated = vm.evalCode(code, 'script.js');
  if (evaluated.error) {
    const error = vm.dump(evaluated.error);
    evaluated.error.dispose();
    const message = typeof error === 'string' ? error : `${error?.name ?? 'Error'}: ${error?.message ?? String(error)}`;
    result = { ok: false, error: /interrupted/i.test(message) ? `stopped after ${timeoutMs} ms` : /out of memory/i.test(message) ? `stopped at its ${memoryMb} MB memory limit` : message };
  } else {
    const json = vm.getString(evaluated.value);
    evaluated.value.dispose();
    result = { ok: true, value: JSON.parse(json) };
  }
} catch (error) {
  result = { ok: false, error: `stopped: ${error?.message ?? String(error)}` };
} finally {
  vm.dispose();
  runtime.dispose();
}
parentPort.postMessage(result);
