import { Client } from 'discord.js';
import request from 'supertest';
import { E2e, startE2e } from './support/e2e';
import { testDriver } from './support/test-database';

describe(`readiness once Discord is gone (${testDriver()})`, () => {
  let subject: E2e;

  beforeAll(async () => {
    subject = await startE2e();
  });

  afterAll(async () => {
    await subject.close();
  });

  it('reports not ready, naming Discord, once the gateway connection is gone', async () => {
    await request(subject.app.getHttpServer()).get('/health/ready').expect(200);
    await subject.app.get(Client).destroy();
    const response = await request(subject.app.getHttpServer()).get('/health/ready').expect(503);
    expect(response.body.error.discord.status).toBe('down');
    expect(response.body.info.database.status).toBe('up');
  });
});
