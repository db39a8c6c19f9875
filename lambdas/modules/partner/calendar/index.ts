/** The partner's space calendars: weekly hours, special open days, closures (api.md "Partner routes"). */
export { routes } from './routes';
export { applyCalendarEdit, type HeldBooking, strandedBookings } from './rules/edits';
export { type CalendarPorts, changeCalendar } from './service';
