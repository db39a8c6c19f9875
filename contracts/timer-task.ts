/** The schema of a timer task's input (`TimerTaskInput` of workflows.ts): the step handlers parse with it. */
import * as z from 'zod';
import type { ExportTaskInput, TimerTaskInput, VisitTimerInput } from './workflows';

export const timerTaskInput: z.ZodType<TimerTaskInput> = z.strictObject({
  reservationId: z.string().uuid(),
  dueAt: z.iso.datetime({ offset: true }),
});

/** The schema of the visit-end task's input (`VisitTimerInput`). */
export const visitTimerInput: z.ZodType<VisitTimerInput> = z.strictObject({
  visitId: z.string().uuid(),
  dueAt: z.iso.datetime({ offset: true }),
});

/** The schema of the export job's tasks' input (`ExportTaskInput`). */
export const exportTaskInput: z.ZodType<ExportTaskInput> = z.strictObject({
  partnerId: z.string().min(1).max(128),
  exportId: z.string().uuid(),
});
