import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import type * as z from 'zod';
import { logger, metrics, tracer } from './instrument';

/**
 * Wraps a Step Functions task body: logger → metrics → tracer, and the input parsed with its schema. A
 * bad input or any failure throws, so that the state machine's Retry and Catch see it.
 */
export function stepHandler<I, O>(schema: z.ZodType<I>, body: (input: I) => Promise<O>) {
  return middy(async (event: unknown) => body(schema.parse(event)))
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(logMetrics(metrics, { throwOnEmptyMetrics: false }))
    .use(captureLambdaHandler(tracer, { captureResponse: false }));
}
