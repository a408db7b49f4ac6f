import { afterAll, beforeAll } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from './test-database.js';
import { startTestApp, type TestApp } from './test-app.js';

export interface TestContext {
  db: TestDatabase;
  app: TestApp;
}

/** A fresh database and a running app for the test file; both gone afterwards. Read the fields inside tests. */
export function useTestApp(env: Record<string, string | undefined> = {}): TestContext {
  const context = {} as TestContext;
  beforeAll(async () => {
    context.db = await createTestDatabase();
    context.app = await startTestApp({ DATABASE_URL: context.db.url, ...env });
    // Every answer a test gets must be one the OpenAPI document describes.
    await context.app.validateAnswers();
  });
  afterAll(async () => {
    await context.app?.close();
    await context.db?.drop();
  });
  return context;
}
