import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';

/** Paths the service answers itself; every other GET for a page is the admin UI's. */
const SERVICE_PATHS = /^\/(api|f|l|o|u|img)(\/|$)/;

/** The built admin UI (`npm install` builds it into admin-ui/dist/browser), found from here or dist/server. */
export function adminUiDir(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 4; up++) {
    const candidate = join(dir, 'admin-ui', 'dist', 'browser');
    if (existsSync(join(candidate, 'index.html'))) return candidate;
    dir = dirname(dir);
  }
  return undefined;
}

/**
 * Serves the admin UI's files on the service's own port, and its index.html for any other page
 * address, so that deep links (`/flows/12`, `/workflows/task-types`) survive a reload.
 */
export function serveAdminUi(app: NestExpressApplication, dir: string): void {
  // Built file names carry a content hash: they may be cached for long; index.html never.
  app.use(express.static(dir, { index: false, immutable: true, maxAge: '365d' }));
  app.use((request: Request, response: Response, next: NextFunction) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || SERVICE_PATHS.test(request.path) || !request.accepts('html')) return next();
    response.set('Cache-Control', 'no-cache').sendFile(join(dir, 'index.html'));
  });
}
