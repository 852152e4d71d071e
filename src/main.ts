import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { ConfigError, loadConfig } from './config/load-config';
import { StaticDataError } from './modules/static-data/domain/static-data.errors';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.create(AppModule.register(config), { bufferLogs: false });
  app.enableShutdownHooks();
  await app.listen(config.http.port, config.http.host);
  const where = config.database.driver === 'sqlite' ? `SQLite at ${config.database.path}` : 'PostgreSQL';
  new Logger('Bootstrap').log(`Ladder bot serving HTTP on http://${config.http.host}:${config.http.port} (health: /health/ready), database: ${where}`);
}

bootstrap().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof StaticDataError) {
    console.error(`Cannot start: ${error.message}`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
