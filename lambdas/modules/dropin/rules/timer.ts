/** The timer of a drop-in visit (domain-rules §6): it wakes at the visit's automatic end. Pure. */
import type { VisitTimerInput } from '../../../../contracts/workflows';
import { automaticEnd, type Visit } from './visit';

/** The visit-end execution to start for a visit in: named after the visit, so a repeated start is the same one. */
export function visitEndTimer(
  visit: Pick<Visit, 'visitId' | 'limitEndsAt' | 'closesAt'>,
): { workflow: 'visit-end'; name: string; input: VisitTimerInput } | null {
  const end = automaticEnd(visit);
  if (end === null) return null;
  return {
    workflow: 'visit-end',
    name: `visit-${visit.visitId}`,
    input: { visitId: visit.visitId, dueAt: new Date(end.at).toISOString() },
  };
}
