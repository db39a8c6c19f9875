/** The schema of a timer task's input (`TimerTaskInput` of workflows.ts): the step handlers parse with it. */
import * as z from 'zod';
import type { TimerTaskInput } from './workflows';

export const timerTaskInput: z.ZodType<TimerTaskInput> = z.strictObject({
  reservationId: z.string().uuid(),
  dueAt: z.iso.datetime({ offset: true }),
});
