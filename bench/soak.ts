// Soak test: the built service on a fresh embedded database under mixed API traffic and flow work
// for a long time (30 minutes by default), its heap sampled after a full GC every 10 s. The heap
// must level off: the mean of the last quarter of the run may exceed the mean of the second
// quarter by at most 15 % (plus 8 MB of slack). Prints the samples and the verdict; exits 1 when
// the heap keeps growing.
//
//   npm run soak                      # 30 minutes
//   npm run soak -- --minutes 1.5     # the short mode CI may run
//   npm run soak -- --snapshots /tmp/heaps   # also writes heap snapshots at the start and the end
//
// Not part of `npm test`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, spawnService, waitForHealth } from '../test/support/service-process.js';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const minutes = Number(option('minutes') ?? 30);
const snapshotDir = option('snapshots');
const TOKEN = 'soak-admin-token-0123456789abcdef';
const WORKERS = 4;
/** Thirty samples at least, at most one every 10 s. */
const SAMPLE_MS = Math.round(Math.min(10_000, Math.max(1000, (minutes * 60_000) / 30)));

/** Prints `process.memoryUsage()` after a full GC every SAMPLE_MS, from inside the service. */
const SAMPLER_SOURCE = `setInterval(() => {
  globalThis.gc?.();
  const m = process.memoryUsage();
  process.stderr.write('SOAK-MEM ' + JSON.stringify({ at: Date.now(), rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, arrayBuffers: m.arrayBuffers }) + '\\n');
}, ${SAMPLE_MS}).unref();`;
const SAMPLER = `data:text/javascript;base64,${Buffer.from(SAMPLER_SOURCE).toString('base64')}`;

interface Sample {
  at: number;
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
}

const mb = (bytes: number) => Math.round(bytes / 1_048_576);

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'stroom-soak-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  process.env.SERVICE_NODE_OPTIONS = `--expose-gc --heapsnapshot-signal=SIGUSR2 --import=${SAMPLER}${snapshotDir ? ` --diagnostic-dir=${snapshotDir}` : ''}`;
  const service = spawnService({ PORT: String(port), DATA_DIR: dataDir, ADMIN_API_TOKEN: TOKEN, SEED_DEMO: 'on', LOG_LEVEL: 'error' });
  try {
    await waitForHealth(url, 120_000);
    const api = client(url);
    const setup = await prepare(api);
    if (snapshotDir) await snapshot(service.child.pid!, 'start');
    const started = Date.now();
    const until = started + minutes * 60_000;
    const counts = { calls: 0, errors: 0, slowest: 0, slowestCall: '' };
    const errors: string[] = [];
    await Promise.all(Array.from({ length: WORKERS }, (_, worker) => traffic(api, setup, worker, until, counts, errors)));
    if (snapshotDir) await snapshot(service.child.pid!, 'end');
    await new Promise((r) => setTimeout(r, SAMPLE_MS + 500));
    const samples = service.output().split('\n').filter((line) => line.startsWith('SOAK-MEM ')).map((line) => JSON.parse(line.slice(9)) as Sample);
    report(samples, started, counts, errors);
    const verdict = levelsOff(samples.filter((s) => s.at >= started));
    console.log(verdict.message);
    process.exitCode = verdict.ok && counts.errors === 0 ? 0 : 1;
  } finally {
    service.child.kill('SIGTERM');
    await service.exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

type Api = (method: string, path: string, body?: unknown) => Promise<{ status: number; body: any }>;

function client(url: string): Api {
  return async (method, path, body) => {
    const response = await fetch(url + path, {
      method,
      headers: { authorization: `Bearer ${TOKEN}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const json = response.headers.get('content-type')?.includes('application/json');
    return { status: response.status, body: json && text ? JSON.parse(text) : text };
  };
}

interface Setup {
  flowId: string;
  templateId: string;
}

async function prepare(api: Api): Promise<Setup> {
  const template = await api('POST', '/api/templates', { key: 'soak-welkom', name: 'Soak', channel: 'email', subject: 'Hallo {{ person.first_name }}', body: '<p>Beste {{ person.full_name }}, {% for i in (1..20) %}{{ i }} {% endfor %}<a href="https://example.nl/x">link</a></p>' });
  const source = `flow "Soak" {
  sender "Loket <info@loket.example>"
  reply_to "info@loket.example"
  trigger manual
  mail: send email "soak-welkom"
  run script """return { category: "Soak-" + person.first_name.length }""" timeout 200 ms
  wait 1 minutes
  update person {
    set category = "Soak-klaar"
  }
  send email "soak-welkom"
}
`;
  const flow = await api('POST', '/api/flows', { source });
  if (template.status !== 201 || flow.status !== 201) throw new Error(`setup failed: ${JSON.stringify([template.body, flow.body])}`);
  const started = await api('POST', `/api/flows/${flow.body.id}/start`);
  if (started.status >= 300) throw new Error(`start failed: ${JSON.stringify(started.body)}`);
  return { flowId: flow.body.id, templateId: template.body.id };
}

async function traffic(api: Api, setup: Setup, worker: number, until: number, counts: { calls: number; errors: number; slowest: number; slowestCall: string }, errors: string[]): Promise<void> {
  let n = 0;
  const call: Api = async (method, path, body) => {
    const t = Date.now();
    const res = await api(method, path, body);
    counts.calls += 1;
    if (Date.now() - t > counts.slowest) {
      counts.slowest = Date.now() - t;
      counts.slowestCall = `${method} ${path.replace(/\d+/g, ':id')}`;
    }
    if (res.status >= 500) {
      counts.errors += 1;
      if (errors.length < 10) errors.push(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    }
    return res;
  };
  while (Date.now() < until) {
    n += 1;
    const tag = `${worker}-${n}`;
    const person = await call('POST', '/api/persons', { firstName: `Soak${tag}`, lastName: 'Test', email: `soak-${tag}@example.nl` });
    const id = person.body?.id;
    if (id) {
      await call('PATCH', `/api/persons/${id}`, { category: `C${n % 7}` });
      await call('POST', `/api/flows/${setup.flowId}/participants`, { personIds: [id] });
    }
    await call('GET', `/api/persons?limit=50&offset=${(n * 13) % 200}`);
    await call('GET', `/api/persons?q=soak${worker}`);
    await call('GET', '/api/flows');
    await call('GET', `/api/flows/${setup.flowId}/participants?limit=20`);
    await call('GET', `/api/flows/${setup.flowId}/stats`);
    await call('POST', `/api/templates/${setup.templateId}/preview`, id ? { personId: id } : {});
    await call('GET', '/api/messages?limit=20');
    await call('GET', '/api/change-events?limit=20');
    if (n % 10 === 0 && id) await call('POST', `/api/flows/${setup.flowId}/simulate`, { personId: id, days: 3 });
    if (n % 25 === 0) await call('GET', '/api/export');
    if (n % 25 === 0) await call('GET', '/api/export?format=json');
    if (n % 5 === 0 && id) await call('DELETE', `/api/persons/${id}`);
    await call('GET', '/api/health');
  }
}

async function snapshot(pid: number, label: string): Promise<void> {
  process.kill(pid, 'SIGUSR2');
  await new Promise((r) => setTimeout(r, 15_000));
  console.log(`heap snapshot (${label}) written to ${snapshotDir} (Heap.*.heapsnapshot)`);
}

function report(samples: Sample[], started: number, counts: { calls: number; errors: number; slowest: number; slowestCall: string }, errors: string[]): void {
  console.log(`${counts.calls} calls in ${minutes} minutes, ${counts.errors} answered 5xx, slowest ${counts.slowest} ms (${counts.slowestCall})`);
  for (const error of errors) console.log(`  ${error}`);
  console.log('minute  heap used (MB, after GC)  heap total  rss  external');
  let lastMinute = -1;
  for (const s of samples) {
    const minute = Math.floor((s.at - started) / 60_000);
    if (minute === lastMinute && s !== samples.at(-1)) continue;
    lastMinute = minute;
    console.log(`${String(minute).padStart(6)}  ${String(mb(s.heapUsed)).padStart(24)}  ${String(mb(s.heapTotal)).padStart(10)}  ${String(mb(s.rss)).padStart(4)}  ${String(mb(s.external)).padStart(8)}`);
  }
}

/** Whether the heap levels off: the last quarter's mean against the second quarter's. */
export function levelsOff(samples: readonly Sample[]): { ok: boolean; message: string } {
  if (samples.length < 8) return { ok: false, message: `too few heap samples (${samples.length}) to judge` };
  const quarter = Math.floor(samples.length / 4);
  const mean = (part: readonly Sample[]) => part.reduce((sum, s) => sum + s.heapUsed, 0) / part.length;
  const second = mean(samples.slice(quarter, 2 * quarter));
  const last = mean(samples.slice(-quarter));
  const allowed = second * 1.15 + 8 * 1_048_576;
  const ok = last <= allowed;
  return { ok, message: `heap used after GC: second quarter ${mb(second)} MB, last quarter ${mb(last)} MB (at most ${mb(allowed)} MB allowed): ${ok ? 'levels off' : 'KEEPS GROWING'}` };
}

await main();
