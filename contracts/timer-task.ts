/** The schema of a timer task's input (`TimerTaskInput` of workflows.ts): the step handlers parse with it. */
import type { ExportTaskInput, TimerTaskInput, VisitTimerInput } from './workflows';
import * as z from './zod';

export const timerTaskInput: z.ZodMiniType<TimerTaskInput> = z.strictObject({
  reservationId: z.string().check(z.uuid()),
  dueAt: z.iso.datetime({ offset: true }),
});

/** The schema of the visit-end task's input (`VisitTimerInput`). */
export const visitTimerInput: z.ZodMiniType<VisitTimerInput> = z.strictObject({
  visitId: z.string().check(z.uuid()),
  dueAt: z.iso.datetime({ offset: true }),
});

/** The schema of the export job's tasks' input (`ExportTaskInput`). */
export const exportTaskInput: z.ZodMiniType<ExportTaskInput> = z.strictObject({
  partnerId: z.string().check(z.minLength(1), z.maxLength(128)),
  exportId: z.string().check(z.uuid()),
});
