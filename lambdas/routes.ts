/**
 * The route table, defined once and gathered from the modules' rows. CDK makes one function and one API route
 * per row; the local gateway serves the same rows; tests derive authorization and cost expectations from it.
 * The other functions (Step Functions tasks, the door-event handler, Cognito triggers) are listed here too.
 */
import { routes as admin } from './modules/admin';
import { routes as booking } from './modules/booking';
import { routes as catalog } from './modules/catalog';
import { routes as dropin } from './modules/dropin';
import { routes as membership } from './modules/membership';
import { routes as partnerAccounts } from './modules/partner/accounts';
import { routes as partnerCalendar } from './modules/partner/calendar';
import { routes as partnerCongestion } from './modules/partner/congestion';
import { routes as partnerExports } from './modules/partner/exports';
import { routes as partnerFacilities } from './modules/partner/facilities';
import { routes as partnerQrPoster } from './modules/partner/qr-poster';
import { routes as partnerReception } from './modules/partner/reception';
import { routes as partnerSales } from './modules/partner/sales';
import { routes as partnerSpaces } from './modules/partner/spaces';
import { routes as partnerUsage } from './modules/partner/usage';
import { routes as requests } from './modules/requests';
import { routes as settlement } from './modules/settlement';
import { routes as stay } from './modules/stay';
import { routes as tickets } from './modules/tickets';
import type { Route } from './platform/route';

export type { Caller, HttpMethod, Route, TableAction } from './platform/route';
export { needsIfMatch, tableActionsOf, tableCommandsOf } from './platform/route';

export const routes: readonly Route[] = [
  ...catalog,
  ...booking,
  ...membership,
  ...stay,
  ...dropin,
  ...tickets,
  ...requests,
  ...partnerFacilities,
  ...partnerSpaces,
  ...partnerCalendar,
  ...partnerCongestion,
  ...partnerReception,
  ...partnerUsage,
  ...partnerQrPoster,
  ...partnerSales,
  ...admin,
  ...partnerAccounts,
  ...settlement,
  ...partnerExports,
];

/** Source file of a route's handler, relative to the project root. */
export const handlerEntry = (route: Route): string => `lambdas/modules/${route.module}/http/${route.id}.ts`;

/** Step Functions tasks and scheduled steps, by name, with the module that owns each. */
export const STEP_MODULES = {
  'close-stay': 'stay',
  'sweep-stays': 'stay',
  'expire-request': 'requests',
  'send-reminder': 'booking',
  'end-visit': 'dropin',
  'sweep-visits': 'dropin',
  'settle-periods': 'settlement',
  'run-export': 'partner/exports',
  'fail-export': 'partner/exports',
} as const;
export type StepName = keyof typeof STEP_MODULES;

/** Source file of a step handler, relative to the project root. */
export const stepEntry = (step: string): string => {
  const module = STEP_MODULES[step as StepName];
  if (!module) throw new Error(`No step named ${step}`);
  return `lambdas/modules/${module}/steps/${step}.ts`;
};

/** Source file of the outbox consumer (DynamoDB Streams → Lambda, outbox INSERTs only). */
export const OUTBOX_CONSUMER_ENTRY = 'lambdas/modules/notifications/streams/send-outbox.ts';

/** Source file of the door-event handler (IoT topic rule → Lambda). */
export const DOOR_EVENT_ENTRY = 'lambdas/modules/stay/iot/door-event.ts';
/** Source files of the Cognito triggers. */
export const PRE_TOKEN_GENERATION_ENTRY = 'lambdas/modules/membership/auth/pre-token-generation.ts';
export const POST_CONFIRMATION_ENTRY = 'lambdas/modules/membership/auth/post-confirmation.ts';
