/**
 * The timers' wire: which state machines there are, the environment variable that carries each one's ARN, and what
 * a task is given and answers. No zod here (the task input's schema is `timer-task.ts`), so that what only starts
 * timers carries no schema code.
 */

/** The environment variable that carries each state machine's ARN to the functions that start it. */
export const WORKFLOW_ARN_ENV = {
  'forced-checkout': 'FORCED_CHECKOUT_STATE_MACHINE_ARN',
  'request-expiry': 'REQUEST_EXPIRY_STATE_MACHINE_ARN',
} as const;
export type WorkflowId = keyof typeof WORKFLOW_ARN_ENV;

/** The input of both timers (what the ASL's Parameters pass to a task): which reservation, and when to act. */
export interface TimerTaskInput {
  reservationId: string;
  /** ISO 8601 with an offset. */
  dueAt: string;
}

/** What a timer task answers its state machine: done (with what happened), or wait until `dueAt` and ask again. */
export type TimerAnswer =
  | { action: 'done'; outcome: 'forcedCheckout' | 'noShow' | 'autoCancelled' | 'nothing' | 'missing' }
  | { action: 'wait'; reservationId: string; dueAt: string };
