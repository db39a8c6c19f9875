/**
 * One logger and one metrics instance per process, and the one middleware order every handler kind gets:
 * logger → metrics. HTTP, step, IoT and stream handlers are all wrapped here.
 *
 * Tracing needs no code here: every function has Lambda active tracing, so the Lambda service records each
 * invocation's segment (and its initialization, a cold start's, as its own subsegment) without an SDK in the bundle,
 * and the logger writes the invocation's `xray_trace_id`, `cold_start` and `service` into every line. The Powertools
 * Tracer would only add its annotations to that segment, at the price of the X-Ray SDK in every bundle (about
 * 100 KiB minified with its `semver`); no AWS SDK client is captured through it.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy, { type MiddyfiedHandler } from '@middy/core';
import type { Context } from 'aws-lambda';

const serviceName = process.env.POWERTOOLS_SERVICE_NAME ?? 'coworking';

/** Level, sampling and namespace come from the environment. */
export const logger = new Logger({ serviceName });
export const metrics = new Metrics({ serviceName, namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? 'Coworking' });

/** A handler body wrapped in logger → metrics; more middleware (parsing, errors) can be `.use`d after. */
export function instrument<E, R>(
  body: (event: E, context: Context) => Promise<R>,
): MiddyfiedHandler<E, R, Error, Context> {
  return middy<E, R, Error, Context>(body)
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(logMetrics(metrics, { throwOnEmptyMetrics: false }));
}
