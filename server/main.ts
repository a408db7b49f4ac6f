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

const { createApp } = await import('./app.js');
const app = await createApp(config);
await app.listen(config.port, config.host);
process.stdout.write(`Stroom listening on http://${config.host}:${config.port} (database: ${config.database})\n`);
