import { describe, expect, it } from '@jest/globals';
import { useTestApp } from './support/lifecycle.js';
import { ADMIN_TOKEN } from './support/test-app.js';

const context = useTestApp();

async function upload(content: Buffer | string, name: string, token = ADMIN_TOKEN, type = 'application/pdf') {
  const form = new FormData();
  form.append('file', new Blob([content], { type }), name);
  const res = await fetch(`${context.app.url}/api/files`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  return { status: res.status, body: (await res.json()) as any };
}

describe('files', () => {
  it('uploads, lists, downloads and deletes an attachment', async () => {
    const made = await upload('%PDF-1.4 folder', 'Folder zonnepanelen.pdf');
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ name: 'Folder zonnepanelen.pdf', type: 'application/pdf', size: 15 });
    expect((await context.app.call('GET', '/api/files')).body.items.map((f: { id: string }) => f.id)).toContain(made.body.id);
    // `q` finds a file by part of its name (case-insensitive), for the designer's attachment picker.
    expect((await context.app.call('GET', '/api/files?q=ZONNE')).body.items.map((f: { id: string }) => f.id)).toEqual([made.body.id]);
    expect((await context.app.call('GET', '/api/files?q=offerte')).body).toMatchObject({ items: [], total: 0 });
    const download = await fetch(`${context.app.url}/api/files/${made.body.id}/content`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(await download.text()).toBe('%PDF-1.4 folder');
    expect((await context.app.call('DELETE', `/api/files/${made.body.id}`)).status).toBe(204);
    expect((await context.app.call('GET', `/api/files/${made.body.id}`)).status).toBe(404);
  });

  it('serves a file with the type its bytes show, never as a page or script of the service', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const cases: [Buffer | string, string, string, string][] = [
      ['<html><script>alert(document.cookie)</script></html>', 'plaatje.png', 'image/png', 'application/octet-stream'],
      ['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', 'logo.svg', 'image/svg+xml', 'application/octet-stream'],
      ['alert(1)', 'script.js', 'text/javascript', 'application/octet-stream'],
      [png, 'pagina.html', 'text/html', 'image/png'],
    ];
    for (const [content, name, claimed, served] of cases) {
      const made = await upload(content, name, ADMIN_TOKEN, claimed);
      expect(made.status).toBe(201);
      const download = await fetch(`${context.app.url}/api/files/${made.body.id}/content`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
      expect([name, download.headers.get('content-type')]).toEqual([name, served]);
      expect(download.headers.get('content-disposition')).toMatch(/^attachment;/);
      expect(download.headers.get('content-security-policy')).toMatch(/^sandbox; default-src 'none'/);
      expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('refuses a file over 25 MB with 413, and a request without a file with 400', async () => {
    const big = await upload(Buffer.alloc(25 * 1024 * 1024 + 1, 1), 'te-groot.pdf');
    expect(big.status).toBe(413);
    const none = await fetch(`${context.app.url}/api/files`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}` }, body: new FormData() });
    expect(none.status).toBe(400);
    expect(((await none.json()) as { message: string }).message).toContain('file');
  });
});
