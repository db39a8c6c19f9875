import type * as z from '../../contracts/zod';
import { instrument } from './instrument';

/**
 * Wraps a Step Functions task (or scheduled) body: instrumented, the input parsed with its schema. A bad
 * input or any failure throws, so that the state machine's Retry and Catch see it.
 */
export function stepHandler<I, O>(schema: z.ZodMiniType<I>, body: (input: I) => Promise<O>) {
  return instrument(async (event: unknown) => body(schema.parse(event)));
}
