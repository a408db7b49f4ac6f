import './node-version.js';
import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/config.js';

let config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  throw error;
}

const SHUTDOWN_GRACE_MS = 25_000;

if (config.database === 'embedded') {
  const { sizeHeapForEmbeddedDatabase } = await import('./database/embedded-heap.js');
  sizeHeapForEmbeddedDatabase();
}

const { createApp } = await import('./app.js');
const app = await createApp(config);
await app.listen(config.port, config.host);
process.stdout.write(`Stroom listening on http://${config.host}:${config.port} (database: ${config.database})\n`);

// On SIGTERM/SIGINT: stop accepting connections, let in-flight requests finish, close the database, exit 0.
let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`${signal}: shutting down\n`);
    const force = setTimeout(() => {
      process.stderr.write('Shutdown took too long; exiting\n');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`Shutdown failed: ${(error as Error).message}\n`);
        process.exit(1);
      },
    );
  });
}
