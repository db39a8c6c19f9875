import { describe, expect, it } from 'vitest';
import * as billing from '../../../lambdas/domain/billing';
import * as bookingRules from '../../../lambdas/domain/booking-rules';
import * as calendar from '../../../lambdas/domain/calendar';
import * as contract from '../../../lambdas/domain/contract';
import * as format from '../../../lambdas/domain/format';
import * as model from '../../../lambdas/domain/model';
import * as settlement from '../../../lambdas/domain/settlement';
import * as settlementPeriods from '../../../lambdas/domain/settlement-periods';
import * as stay from '../../../lambdas/domain/stay';
import * as timers from '../../../lambdas/domain/timers';
import * as usagePeriod from '../../../lambdas/domain/usage-period';
import * as uses from '../../../lambdas/domain/uses';
import * as availability from '../../../lambdas/modules/booking/rules/availability';
import * as cancellation from '../../../lambdas/modules/booking/rules/cancellation';
import * as search from '../../../lambdas/modules/catalog/rules/search';

const core = {
  ...billing,
  ...bookingRules,
  ...calendar,
  ...contract,
  ...format,
  ...model,
  ...settlement,
  ...settlementPeriods,
  ...stay,
  ...timers,
  ...usagePeriod,
  ...uses,
  ...availability,
  ...cancellation,
  ...search,
};

describe('the pure rules', () => {
  it.each([
    'localDateOf',
    'atLocal',
    'addDays',
    'daysBetween',
    'isoWeekday',
    'openIntervals',
    'isWithinBusinessHours',
    'closingTimeAfter',
    'isOnGrid',
    'ceilToGrid',
    'slotStarts',
    'dayGrid',
    'checkDuration',
    'checkBookingWindow',
    'checkBusinessHours',
    'checkPlanEligibility',
    'validateBooking',
    'checkRequestSpaceConfig',
    'usesFor',
    'planLimit',
    'checkAffordable',
    'usesSummary',
    'checkDailyLimit',
    'contractPeriod',
    'companyMonth',
    'cancellationOutcome',
    'checkInWindow',
    'checkCheckIn',
    'forcedCheckoutAt',
    'checkExtension',
    'checkoutReleaseFrom',
    'requestExpiresAt',
    'withTax',
    'reservedCharge',
    'openSpaceCharge',
    'optionsCharge',
    'settlementPeriodOf',
    'settlementPeriodDates',
    'settlementPeriodClosesAt',
    'nextSettlementPeriod',
    'isBusinessDay',
    'noticeSchedule',
    'partnerPayout',
    'noticeAmounts',
    'shareCompanyPayment',
    'vacancySymbol',
    'dayAvailability',
    'refuse',
  ])('exports the function %s', (name) => {
    expect(typeof (core as Record<string, unknown>)[name]).toBe('function');
  });

  it('has the constants of domain-rules.md', () => {
    expect({
      SLOT_MINUTES: core.SLOT_MINUTES,
      SLOT_MS: core.SLOT_MS,
      MAX_SLOTS_PER_BOOKING: core.MAX_SLOTS_PER_BOOKING,
      BASIC_MONTHLY_USES: core.BASIC_MONTHLY_USES,
      FREE_CANCELLATION_MS: core.FREE_CANCELLATION_MS,
      FORCED_CHECKOUT_DELAY_MS: core.FORCED_CHECKOUT_DELAY_MS,
      CONSUMPTION_TAX_RATE: core.CONSUMPTION_TAX_RATE,
      OK: core.OK,
    }).toEqual({
      SLOT_MINUTES: 15,
      SLOT_MS: 900_000,
      MAX_SLOTS_PER_BOOKING: 90,
      BASIC_MONTHLY_USES: 31,
      FREE_CANCELLATION_MS: 7_200_000,
      FORCED_CHECKOUT_DELAY_MS: 300_000,
      CONSUMPTION_TAX_RATE: 0.1,
      OK: { ok: true },
    });
    expect(core.HOLDING_STATUSES).toEqual(['requested', 'confirmed', 'checkedIn']);
  });
});
