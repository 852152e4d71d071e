import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Express } from 'express';

/** Express answers without naming itself: no `X-Powered-By` on any response. */
@Injectable()
export class ExpressSettings implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    // An application context (the benchmark, the demo) has no HTTP server to configure.
    this.adapterHost.httpAdapter?.getInstance<Express>().disable('x-powered-by');
  }
}
