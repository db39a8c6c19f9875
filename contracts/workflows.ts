/**
 * The timers' wire: which state machines there are, the environment variable that carries each one's ARN, and what
 * a task is given and answers. No zod here (the task input's schema is `timer-task.ts`), so that what only starts
 * timers carries no schema code.
 */

/** The environment variable that carries each state machine's ARN to the functions that start it. */
export const WORKFLOW_ARN_ENV = {
  'forced-checkout': 'FORCED_CHECKOUT_STATE_MACHINE_ARN',
  'request-expiry': 'REQUEST_EXPIRY_STATE_MACHINE_ARN',
  'visit-end': 'VISIT_END_STATE_MACHINE_ARN',
  reminder: 'REMINDER_STATE_MACHINE_ARN',
  export: 'EXPORT_STATE_MACHINE_ARN',
} as const;
export type WorkflowId = keyof typeof WORKFLOW_ARN_ENV;

/** The input of the reservations' timers (what the ASL's Parameters pass to a task): which reservation, and when to act. */
export interface TimerTaskInput {
  reservationId: string;
  /** ISO 8601 with an offset. */
  dueAt: string;
}

/** The input of a drop-in visit's end timer: which visit, and when its limit or the space's closing ends it. */
export interface VisitTimerInput {
  visitId: string;
  /** ISO 8601 with an offset. */
  dueAt: string;
}

/** The input of an export job: the partner's job to run (its request is in its item). */
export interface ExportTaskInput {
  partnerId: string;
  exportId: string;
}

/** What each workflow's executions are started with. */
export interface WorkflowInputs {
  'forced-checkout': TimerTaskInput;
  'request-expiry': TimerTaskInput;
  'visit-end': VisitTimerInput;
  reminder: TimerTaskInput;
  export: ExportTaskInput;
}

/**
 * What a timer task answers its state machine: done (with what happened: `reminded` when the reminder was written, or
 * found written by an earlier try), or wait until `dueAt` and ask again.
 */
export type TimerAnswer =
  | { action: 'done'; outcome: 'forcedCheckout' | 'noShow' | 'autoCancelled' | 'reminded' | 'nothing' | 'missing' }
  | { action: 'wait'; reservationId: string; dueAt: string };

/**
 * What the visit-end task answers: the visit ended at its limit or at closing, or was already over; or wait until
 * `dueAt` (woken before it: the task's clock and the Wait state's differ by a moment).
 */
export type VisitTimerAnswer =
  | { action: 'done'; outcome: 'limitReached' | 'closedAtClosing' | 'nothing' | 'missing' }
  | { action: 'wait'; visitId: string; dueAt: string };
