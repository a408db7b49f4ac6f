import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import express, { type NextFunction, type Request, type Response } from 'express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import type { AppConfig } from './config/config.js';
import { HttpErrorFilter } from './common/http-error.filter.js';
import { completeDocument } from './common/openapi-components.js';
import { refuseUnstorableInput } from './common/unstorable-input.js';
import { adminUiDir, serveAdminUi } from './admin-ui.js';
import { hardenWeb } from './web-hardening.js';
import { createEmbeddedCluster } from './database/embedded-cluster.js';
import { embeddedDatabaseDir } from './database/orm-config.js';

export const MAX_JSON_BODY = '1mb';
export const MAX_IMPORT_ARCHIVE = '20mb';

/** Builds the Nest application (used by main.ts and by the integration tests). */
export async function createApp(config: AppConfig): Promise<INestApplication> {
  if (!config.databaseUrl) await createEmbeddedCluster(embeddedDatabaseDir(config));
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  const ui = adminUiDir();
  hardenWeb(app, config, ui);
  app.use(cookieParser());
  app.use(express.json({ limit: MAX_JSON_BODY }));
  // A web form posts to its public address form-encoded.
  app.use('/f', express.urlencoded({ extended: false, limit: '64kb', parameterLimit: 100 }));
  // An import may come as the zip archive an export gives.
  app.use('/api/import', express.raw({ type: ['application/zip', 'application/octet-stream'], limit: MAX_IMPORT_ARCHIVE }));
  app.use(refuseUnstorableInput);
  if (ui) serveAdminUi(app, ui);
  const filter = new HttpErrorFilter();
  // Body parser failures happen before routing: answer them in the same error shape.
  app.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    filter.send(error, req, res);
  });
  app.useGlobalFilters(filter);

  const document = new DocumentBuilder()
    .setTitle('Stroom API')
    .setDescription('Rules service for CRM and marketing automation. JSON under /api; a bearer token or session cookie on every call but health and login.')
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => completeDocument(SwaggerModule.createDocument(app, document)), { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
