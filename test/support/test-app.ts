import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { AppModule } from '../../src/app.module';
import { AppConfig } from '../../src/config/app-config';
import { createTestDatabase, TestDatabase } from './test-database';
import { testConfig } from './test-config';

export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  database: TestDatabase;
  close(): Promise<void>;
}

/** The real AppModule on a fresh database of the suite's driver, listening on an ephemeral port. */
export async function startTestApp(env: NodeJS.ProcessEnv = {}, database?: TestDatabase): Promise<TestApp> {
  const db = database ?? (await createTestDatabase());
  const config = testConfig(db.config, env);
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.register(config)] }).compile();
  const app = moduleRef.createNestApplication({ logger: ['error'] });
  await app.listen(0, '127.0.0.1');
  return {
    app,
    config,
    database: db,
    close: async () => {
      await app.close();
      if (!database) await db.drop();
    },
  };
}
