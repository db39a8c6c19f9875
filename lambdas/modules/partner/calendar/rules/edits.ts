/**
 * A partner's changes of a space's calendar (004 §2-5; domain-rules §2) and the bookings a change would strand.
 * Pure: the service reads, these decide, the service writes.
 *
 * Choices where the manual is silent:
 * - Times lie on the 15-minute grid and a range closes after it opens (`24:00` closes at midnight); a breach is
 *   422 `INVALID_SPACE_CONFIG` naming the field.
 * - Special days and closures are for today or later; a special day replaces the one of its date (PUT).
 * - Entries older than {@link KEEP_PAST_DAYS} days are dropped on every change, and a calendar keeps at most
 *   {@link MAX_DATED_ENTRIES} special days and as many closures, so that a space's item stays small.
 */

import type { FieldProblem } from '../../../../../contracts/errors';
import type { WeekdayName } from '../../../../../contracts/http/calendar';
import { WEEKDAYS } from '../../../../../contracts/http/calendar';
import { addDays, floorToGrid, isWithinBusinessHours, minutesOfDay, SLOT_MINUTES } from '../../../../domain/calendar';
import type {
  Calendar,
  Closure,
  Instant,
  LocalDate,
  LocalTime,
  SpaceCalendar,
  SpaceType,
  WeeklyHours,
} from '../../../../domain/model';

/** Past special days and closures are kept this long (for the partner's history), then dropped. */
export const KEEP_PAST_DAYS = 366;
/** Most special days, and most closures, one space keeps. */
export const MAX_DATED_ENTRIES = 400;

type Range = { open: LocalTime; close: LocalTime };

/** One change of a calendar, as the calendar routes ask for it. */
export type CalendarEdit =
  | { kind: 'hours'; hours: Partial<Record<WeekdayName, Range | null>> }
  | { kind: 'specialDay'; date: LocalDate; title?: string | null; open: LocalTime; close: LocalTime }
  | { kind: 'removeSpecialDay'; date: LocalDate }
  | {
      kind: 'closure';
      closureId: string;
      title?: string | null;
      date: LocalDate;
      from?: LocalTime;
      to?: LocalTime;
    }
  | { kind: 'removeClosure'; closureId: string };

export type EditOutcome =
  | { ok: true; calendar: SpaceCalendar }
  | { ok: false; code: 'INVALID_SPACE_CONFIG'; problems: FieldProblem[] }
  | { ok: false; code: 'NOT_FOUND'; what: string };

/** The id a closure is named by: its own, or (closures loaded without one) one made of its date and times. */
export function closureIdOf(closure: Closure): string {
  if (closure.closureId) return closure.closureId;
  const times = closure.allDay === true ? 'allday' : `${closure.from}-${closure.to}`.replaceAll(':', '');
  return `${closure.date}-${times}`;
}

/** Problems of one time range: both times on the 15-minute grid, close after open. */
export function rangeProblems(
  field: string,
  open: LocalTime,
  close: LocalTime,
  names = ['open', 'close'],
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const [openName, closeName] = names;
  for (const [name, time] of [
    [openName, open],
    [closeName, close],
  ] as const) {
    if (minutesOfDay(time) % SLOT_MINUTES !== 0) {
      problems.push({ field: `${field}.${name}`, message: 'Times are in 15-minute steps' });
    }
  }
  if (minutesOfDay(close) <= minutesOfDay(open)) {
    problems.push({ field: `${field}.${closeName}`, message: `Must be after ${openName}` });
  }
  return problems;
}

const refuse = (problems: FieldProblem[]): EditOutcome => ({ ok: false, code: 'INVALID_SPACE_CONFIG', problems });

/** Drops special days and closures older than {@link KEEP_PAST_DAYS} days. */
function pruned(calendar: SpaceCalendar, today: LocalDate): SpaceCalendar {
  const oldest = addDays(today, -KEEP_PAST_DAYS);
  return {
    regularHours: calendar.regularHours,
    specialOpenDays: calendar.specialOpenDays.filter((d) => d.date >= oldest),
    closures: calendar.closures.filter((c) => c.date >= oldest),
  };
}

/**
 * The calendar with `edit` on it, or why not: a rule broken (422 `INVALID_SPACE_CONFIG`, each field named) or the
 * special day or closure to remove is not there (404). `today` is the facility's date.
 */
export function applyCalendarEdit(
  calendar: SpaceCalendar,
  edit: CalendarEdit,
  context: { spaceType: SpaceType; today: LocalDate },
): EditOutcome {
  const base = pruned(calendar, context.today);
  const notPast = (field: string, date: LocalDate): FieldProblem[] =>
    date < context.today ? [{ field, message: `Must be today (${context.today}) or later` }] : [];
  switch (edit.kind) {
    case 'hours': {
      const problems: FieldProblem[] = [];
      const regularHours: WeeklyHours[] = [];
      WEEKDAYS.forEach((day, i) => {
        const range = edit.hours[day];
        if (!range) return;
        problems.push(...rangeProblems(`body.${day}`, range.open, range.close));
        regularHours.push({ weekday: i + 1, open: range.open, close: range.close });
      });
      return problems.length > 0 ? refuse(problems) : { ok: true, calendar: { ...base, regularHours } };
    }
    case 'specialDay': {
      const problems = [
        ...(context.spaceType === 'openSpace'
          ? [{ field: 'path.spaceId', message: 'Special open days are for reservable spaces only' }]
          : []),
        ...notPast('path.date', edit.date),
        ...rangeProblems('body', edit.open, edit.close),
      ];
      const others = base.specialOpenDays.filter((d) => d.date !== edit.date);
      if (others.length >= MAX_DATED_ENTRIES) {
        problems.push({ field: 'path.date', message: `A space keeps at most ${MAX_DATED_ENTRIES} special days` });
      }
      if (problems.length > 0) return refuse(problems);
      const day = { date: edit.date, open: edit.open, close: edit.close, title: edit.title ?? null };
      const specialOpenDays = [...others, day].sort((a, b) => a.date.localeCompare(b.date));
      return { ok: true, calendar: { ...base, specialOpenDays } };
    }
    case 'removeSpecialDay': {
      if (!base.specialOpenDays.some((d) => d.date === edit.date))
        return { ok: false, code: 'NOT_FOUND', what: 'Special day' };
      return {
        ok: true,
        calendar: { ...base, specialOpenDays: base.specialOpenDays.filter((d) => d.date !== edit.date) },
      };
    }
    case 'closure': {
      const timed = edit.from !== undefined && edit.to !== undefined;
      const problems = [
        ...notPast('body.date', edit.date),
        ...(timed ? rangeProblems('body', edit.from as LocalTime, edit.to as LocalTime, ['from', 'to']) : []),
      ];
      if (base.closures.length >= MAX_DATED_ENTRIES) {
        problems.push({ field: 'body.date', message: `A space keeps at most ${MAX_DATED_ENTRIES} closures` });
      }
      if (base.closures.some((c) => closureIdOf(c) === edit.closureId)) {
        throw new Error(`Closure id ${edit.closureId} is taken`);
      }
      if (problems.length > 0) return refuse(problems);
      const closure: Closure = timed
        ? {
            closureId: edit.closureId,
            title: edit.title ?? null,
            date: edit.date,
            from: edit.from as LocalTime,
            to: edit.to as LocalTime,
          }
        : { closureId: edit.closureId, title: edit.title ?? null, date: edit.date, allDay: true };
      const closures = [...base.closures, closure].sort((a, b) => a.date.localeCompare(b.date));
      return { ok: true, calendar: { ...base, closures } };
    }
    case 'removeClosure': {
      if (!base.closures.some((c) => closureIdOf(c) === edit.closureId))
        return { ok: false, code: 'NOT_FOUND', what: 'Closure' };
      return {
        ok: true,
        calendar: { ...base, closures: base.closures.filter((c) => closureIdOf(c) !== edit.closureId) },
      };
    }
  }
}

/** A held booking of the space, as a calendar change sees it. */
export interface HeldBooking {
  number: string;
  start: Instant;
  end: Instant;
}

/**
 * The reservation numbers of the held bookings that `calendar` would leave outside open hours (domain-rules §2),
 * sorted. What has already passed of a stay (before the current 15-minute slot) is not checked again.
 */
export function strandedBookings(calendar: Calendar, holds: readonly HeldBooking[], now: Instant): string[] {
  const from = floorToGrid(now, calendar.timeZone);
  return holds
    .filter((h) => h.end > now && !isWithinBusinessHours(calendar, Math.max(h.start, from), h.end))
    .map((h) => h.number)
    .sort();
}
