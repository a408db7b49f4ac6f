/**
 * The floor of the HTTP write path: node:http and bare `pg` (the service's pool size, 10) doing
 * what a `PATCH /api/quote-requests/:id {status}` must: in one transaction lock the record and read
 * its status, resolve the new status by name, update it and write the change event. It works on
 * copies of the two tables (`floor_quote_request`, `floor_change_event`), so the service running on
 * the same database does not consume its events. Prints its port when listening.
 *   node http-floor-server.js <databaseUrl>
 */
import { createServer } from 'node:http';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.argv[2], max: 10 });

async function changeStatus(id: string, status: string): Promise<{ id: string; status: string } | undefined> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const before = await client.query(`select q."id", s."name" as "status" from "floor_quote_request" q join "status" s on s."id" = q."status_id" where q."id" = $1 for update of q`, [id]);
    const to = await client.query(`select "id" from "status" where "name" = $1 and "kind" = 'quote_request'`, [status]);
    if (!before.rows[0] || !to.rows[0]) {
      await client.query('rollback');
      return undefined;
    }
    await client.query(`update "floor_quote_request" set "status_id" = $1, "updated_at" = now() where "id" = $2`, [to.rows[0].id, id]);
    await client.query(`insert into "floor_change_event" ("entity", "entity_id", "kind", "changes", "actor", "at", "attempts") values ('quote_request', $1, 'updated', $2, 'bench', now(), 0)`,
      [id, JSON.stringify({ status: { from: before.rows[0].status, to: status } })]);
    await client.query('commit');
    return { id, status };
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
}

const server = createServer((req, res) => {
  const id = req.url?.match(/^\/api\/quote-requests\/(\d+)$/)?.[1];
  if (req.method !== 'PATCH' || !id) {
    res.writeHead(404).end();
    return;
  }
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    const status = (JSON.parse(body || '{}') as { status?: unknown }).status;
    if (typeof status !== 'string') {
      res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'status: a text' }));
      return;
    }
    changeStatus(id, status).then(
      (record) => res.writeHead(record ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify(record ?? { message: 'not found' })),
      (error: Error) => res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ message: error.message })),
    );
  });
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`${(server.address() as { port: number }).port}\n`));
process.on('SIGTERM', () => server.close(() => void pool.end()));
