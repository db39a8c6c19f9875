/**
 * The state machines, defined once: ASL files with `${Placeholders}` that CDK fills with function ARNs
 * and the local runner fills with local ones.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import type { WorkflowId } from '../../contracts/workflows';

export interface Workflow {
  /** Stable id: the state machine's name suffix and the key handlers start it by. */
  id: WorkflowId;
  file: string;
  /** Placeholder → the step handler (`stepEntry` in lambdas/routes.ts) its Task invokes. */
  tasks: Record<string, string>;
}

export const workflows: readonly Workflow[] = [
  { id: 'forced-checkout', file: 'forced-checkout.asl.json', tasks: { CloseStayFunctionArn: 'close-stay' } },
  { id: 'request-expiry', file: 'request-expiry.asl.json', tasks: { ExpireRequestFunctionArn: 'expire-request' } },
  { id: 'visit-end', file: 'visit-end.asl.json', tasks: { EndVisitFunctionArn: 'end-visit' } },
  { id: 'reminder', file: 'reminder.asl.json', tasks: { SendReminderFunctionArn: 'send-reminder' } },
  {
    id: 'export',
    file: 'export.asl.json',
    tasks: { RunExportFunctionArn: 'run-export', FailExportFunctionArn: 'fail-export' },
  },
];

/** The ASL text of a workflow, placeholders unfilled. */
export function aslOf(workflow: Workflow): string {
  return readFileSync(fileURLToPath(new URL(workflow.file, import.meta.url)), 'utf8');
}

/** The ASL with its placeholders filled (what the local runner runs; CDK uses definitionSubstitutions). */
export function fillAsl(asl: string, values: Record<string, string>): string {
  return asl.replace(/\$\{(\w+)\}/g, (match, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`No value for ${match}`);
    return value;
  });
}
