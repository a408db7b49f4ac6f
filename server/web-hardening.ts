import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import type { AppConfig } from './config/config.js';

/**
 * Security headers (helmet) with a Content-Security-Policy that allows only this service's own
 * scripts, plus the inline scripts of the built index.html by their hash; CORS only for the
 * origins CORS_ORIGINS names.
 */
export function hardenWeb(app: NestExpressApplication, config: AppConfig, adminUi: string | undefined): void {
  const https = config.publicUrl.startsWith('https:');
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          scriptSrc: ["'self'", ...(adminUi ? inlineScriptHashes(adminUi) : [])],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          frameAncestors: ["'none'"],
          upgradeInsecureRequests: https ? [] : null,
        },
      },
      strictTransportSecurity: https ? { maxAge: 31_536_000 } : false,
    }),
  );
  if (config.corsOrigins.length > 0) app.enableCors({ origin: config.corsOrigins, credentials: true });
}

/** `'sha256-…'` sources for each inline `<script>` of the admin UI's index.html (Angular's style loader). */
export function inlineScriptHashes(adminUi: string): string[] {
  const index = join(adminUi, 'index.html');
  if (!existsSync(index)) return [];
  const html = readFileSync(index, 'utf8');
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    (match) => `'sha256-${createHash('sha256').update(match[1]!).digest('base64')}'`,
  );
}
