import { Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { InteractionEntry } from './context/interaction-entry';
import { InteractionRecorder } from './context/interaction-recorder';
import { InteractionExceptionFilter } from './filters/interaction-exception.filter';
import { AcknowledgeInterceptor } from './interceptors/acknowledge.interceptor';
import { InteractionMetricsInterceptor } from './interceptors/interaction-metrics.interceptor';
import { SingleFlightInterceptor } from './interceptors/single-flight.interceptor';

/**
 * The path of every interaction: context opened at entry, guards from memory, then (in this order)
 * metrics, single-flight, acknowledgement, the handler; errors become clear messages.
 */
@Module({
  providers: [
    InteractionEntry,
    InteractionRecorder,
    { provide: APP_INTERCEPTOR, useClass: InteractionMetricsInterceptor },
    { provide: APP_INTERCEPTOR, useClass: SingleFlightInterceptor },
    { provide: APP_INTERCEPTOR, useClass: AcknowledgeInterceptor },
    { provide: APP_FILTER, useClass: InteractionExceptionFilter },
  ],
})
export class InteractionPipelineModule {}
