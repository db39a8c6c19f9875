/**
 * One logger, metrics and tracer per process, and the one middleware order every handler kind gets:
 * logger → metrics → tracer. HTTP, step, IoT and stream handlers are all wrapped here.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { Tracer } from '@aws-lambda-powertools/tracer';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy, { type MiddyfiedHandler } from '@middy/core';
import type { Context } from 'aws-lambda';

const serviceName = process.env.POWERTOOLS_SERVICE_NAME ?? 'coworking';

/** Level, sampling and namespace come from the environment. */
export const logger = new Logger({ serviceName });
export const metrics = new Metrics({ serviceName, namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? 'Coworking' });
export const tracer = new Tracer({ serviceName });

/** A handler body wrapped in logger → metrics → tracer; more middleware (parsing, errors) can be `.use`d after. */
export function instrument<E, R>(
  body: (event: E, context: Context) => Promise<R>,
): MiddyfiedHandler<E, R, Error, Context> {
  return middy<E, R, Error, Context>(body)
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(logMetrics(metrics, { throwOnEmptyMetrics: false }))
    .use(captureLambdaHandler(tracer, { captureResponse: false }));
}
