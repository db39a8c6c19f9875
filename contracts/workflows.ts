/** Inputs of the Step Functions task handlers (what the ASL's Parameters pass). */
import * as z from 'zod';

export const timerTaskInput = z.strictObject({
  reservationId: z.string().uuid(),
  dueAt: z.iso.datetime({ offset: true }),
});
export type TimerTaskInput = z.infer<typeof timerTaskInput>;

/** The environment variable that carries each state machine's ARN to the functions that start it. */
export const WORKFLOW_ARN_ENV = {
  'forced-checkout': 'FORCED_CHECKOUT_STATE_MACHINE_ARN',
  'request-expiry': 'REQUEST_EXPIRY_STATE_MACHINE_ARN',
} as const;
export type WorkflowId = keyof typeof WORKFLOW_ARN_ENV;

/** What a timer task answers its state machine: done (with what happened), or wait until `dueAt` and ask again. */
export type TimerAnswer =
  | { action: 'done'; outcome: 'forcedCheckout' | 'noShow' | 'autoCancelled' | 'nothing' | 'missing' }
  | { action: 'wait'; reservationId: string; dueAt: string };
