import { afterAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, spawnService, waitForHealth } from './support/service-process.js';

const dataDir = mkdtempSync(join(tmpdir(), 'stroom-process-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the service as a process (npm start)', () => {
  it.each([
    ['PORT', 'abc'],
    ['CLOCK', 'weird'],
  ])('stops at once with one clear line when %s=%s', async (variable, value) => {
    const service = spawnService({ [variable]: value, DATA_DIR: dataDir });
    expect(await service.exited).toBe(1);
    const lines = service.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^Invalid configuration: ${variable} .*\\(got "${value.replace(/[/]/g, '\\/')}"\\)$`));
  });

  it.each([
    ['DATABASE_URL', 'postgres//app:s3cr3t@broken'],
    ['ADMIN_API_TOKEN', 's3cr3t-but-short'.slice(0, 12)],
  ])('stops with one line naming %s and its rule, never its secret value', async (variable, value) => {
    const service = spawnService({ [variable]: value, DATA_DIR: dataDir });
    expect(await service.exited).toBe(1);
    const lines = service.output().trim().split('\n');
    expect(lines).toEqual([expect.stringMatching(new RegExp(`^Invalid configuration: ${variable} must .*its value is not shown`))]);
    expect(service.output()).not.toContain('s3cr3t');
  });

  // The machine's own Node (outside the project) is older than the one the project brings.
  const olderNode = ['/usr/bin/node', '/usr/local/bin/node'].find((path) => existsSync(path) && Number(execFileSync(path, ['-p', 'process.versions.node.split(".")[0]']).toString()) < 24);
  (olderNode ? it : it.skip)('started on an older Node, stops with one line saying which Node it needs and that npm start brings it', async () => {
    const service = spawnService({ DATA_DIR: dataDir }, olderNode);
    expect(await service.exited).toBe(1);
    expect(service.output().trim().split('\n')).toEqual([expect.stringMatching(/^Stroom needs Node 24 \(this is Node \d+\.\d+\.\d+\); start it with `npm start`/)]);
  });

  it('starts on the embedded database within 20 s, prints the first password once, and shuts down cleanly on SIGTERM, finishing an in-flight request', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const env = { PORT: String(port), DATA_DIR: dataDir, ADMIN_API_TOKEN: 'process-test-token-0123456789' };
    const first = spawnService(env);
    const took = await waitForHealth(url, 20_000);
    expect(took).toBeLessThan(20_000);
    expect(first.output()).toMatch(/Created administrator admin@stroom\.local with password: \S+/);
    const health = await (await fetch(`${url}/api/health`)).json();
    expect(health).toEqual({ status: 'ok', database: 'embedded' });

    // Send half a request, SIGTERM, then the rest: the request completes before the process exits.
    const body = JSON.stringify({ firstName: 'Onderweg', email: 'onderweg@example.nl' });
    const answer = new Promise<number>((ok, fail) => {
      const req = request(`${url}/api/persons`, {
        method: 'POST',
        headers: { authorization: `Bearer ${env.ADMIN_API_TOKEN}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      }, (res) => {
        res.resume();
        ok(res.statusCode ?? 0);
      });
      req.on('error', fail);
      req.write(body.slice(0, 10));
      setTimeout(() => {
        first.child.kill('SIGTERM');
        setTimeout(() => req.end(body.slice(10)), 300);
      }, 200);
    });
    expect(await answer).toBe(201);
    expect(await first.exited).toBe(0);

    const second = spawnService(env);
    try {
      await waitForHealth(url, 20_000);
      expect(second.output()).not.toMatch(/Created administrator/);
      const persons = (await (await fetch(`${url}/api/persons?email=onderweg@example.nl`, { headers: { authorization: `Bearer ${env.ADMIN_API_TOKEN}` } })).json()) as { total: number };
      expect(persons.total).toBe(1);
    } finally {
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    }
  });

  it('on a fresh data folder with the demo data, peaks below 400 MB while it starts and stays below 300 MB resident once idle', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stroom-memory-'));
    const port = await freePort();
    const service = spawnService({ PORT: String(port), DATA_DIR: dir, SEED_DEMO: 'on' });
    try {
      await waitForHealth(`http://127.0.0.1:${port}`, 120_000);
      const megabytes = (field: string) => Number(readFileSync(`/proc/${service.child.pid}/status`, 'utf8').match(new RegExp(`${field}:\\s+(\\d+) kB`))![1]) / 1024;
      let idle = 0;
      for (let sample = 0; sample < 40; sample++) {
        await new Promise((r) => setTimeout(r, 250));
        idle = Math.max(idle, megabytes('VmRSS'));
      }
      expect(idle).toBeLessThan(300);
      expect(megabytes('VmHWM')).toBeLessThan(400);
    } finally {
      service.child.kill('SIGTERM');
      await service.exited;
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
