/**
 * Contracts of a space's calendar (api.md "Partner routes": calendar; domain-rules §2): weekly hours, special open
 * days and closures, as partners set them and as members see them on each space. Times are `HH:mm` (`24:00` as a
 * closing time); that they lie on the 15-minute grid and close after they open are rules (422
 * `INVALID_SPACE_CONFIG` naming the field), not types.
 */
import * as z from '../zod';
import { id, isoDate, localDate, localTime } from './common';

/** The weekdays of `hours`, Monday first (ISO weekday = index + 1). */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type WeekdayName = (typeof WEEKDAYS)[number];

const title = z.nullable(z.string().check(z.trim(), z.minLength(1), z.maxLength(100)));
const range = z.strictObject({ open: localTime, close: localTime });

/** `PUT …/calendar/hours`: the week's regular hours; a weekday left out or `null` is closed. */
export const hoursBody = z.strictObject(
  Object.fromEntries(WEEKDAYS.map((day) => [day, z.optional(z.nullable(range))])) as Record<
    WeekdayName,
    z.ZodMiniOptional<z.ZodMiniNullable<typeof range>>
  >,
);
export type HoursBody = z.infer<typeof hoursBody>;

/** `PUT …/calendar/special-days/{date}`: a day open with these hours (reservable spaces only). */
export const specialDayBody = z.strictObject({ title: z.optional(title), open: localTime, close: localTime });

/** `POST …/calendar/closures`: a temporary closure, all day without times, else `[from, to)`. */
export const closureBody = z
  .strictObject({ title: z.optional(title), date: localDate, from: z.optional(localTime), to: z.optional(localTime) })
  .check(
    z.refine((b) => (b.from === undefined) === (b.to === undefined), {
      message: 'from and to go together (neither = all day)',
      path: ['from'],
    }),
  );
export type ClosureBody = z.infer<typeof closureBody>;

export const calendarPath = z.strictObject({ spaceId: id });
export const specialDayPath = z.strictObject({ spaceId: id, date: localDate });
export const closurePath = z.strictObject({ spaceId: id, closureId: id });
/** `GET …/calendar?from=&to=`: special days and closures of these dates (default: from today on). */
export const calendarQuery = z.strictObject({ from: z.optional(localDate), to: z.optional(localDate) }).check(
  z.refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    message: 'from is after to',
    path: ['from'],
  }),
);

const weekHours = z.strictObject(
  Object.fromEntries(WEEKDAYS.map((day) => [day, z.nullable(range)])) as Record<
    WeekdayName,
    z.ZodMiniNullable<typeof range>
  >,
);
/** A closure as an answer shows it: all day, or `[from, to)`; with the fields `shape` adds. */
const closureOf = <T extends z.core.$ZodLooseShape>(shape: T) =>
  z.union([
    z.strictObject({ ...shape, allDay: z.literal(true) }),
    z.strictObject({ ...shape, allDay: z.literal(false), from: localTime, to: localTime }),
  ]);

/** A space's calendar as members see it (no partner titles; closures of the coming month, 004 §2-5-3). */
export const memberCalendarResponse = z.strictObject({
  hours: weekHours,
  specialDays: z.array(z.strictObject({ date: isoDate, open: localTime, close: localTime })),
  closures: z.array(closureOf({ date: isoDate })),
});

/** `GET …/calendar` and the answer of every calendar change: its own version (the calendar routes' ETag). */
export const calendarResponse = z.strictObject({
  spaceId: z.string(),
  version: z.number().check(z.int(), z.gte(1)),
  timeZone: z.string(),
  hours: weekHours,
  specialDays: z.array(
    z.strictObject({ date: isoDate, title: z.nullable(z.string()), open: localTime, close: localTime }),
  ),
  closures: z.array(closureOf({ closureId: z.string(), date: isoDate, title: z.nullable(z.string()) })),
});

/** `POST …/calendar/closures` → 201: the closure made, and the calendar with it. */
export const closureCreatedResponse = z.extend(calendarResponse, { closureId: z.string() });

export type CalendarResponse = z.infer<typeof calendarResponse>;
export type MemberCalendarResponse = z.infer<typeof memberCalendarResponse>;
