/** Settlement as the API shows it (contracts/http/settlement.ts). */

import type {
  companyPaymentResponse,
  noticeOffsetResponse,
  PaymentNoticeResponse,
  partnerOffsetResponse,
} from '../../../contracts/http/settlement';
import type * as z from '../../../contracts/zod';
import { toZonedIso } from '../../domain/format';
import { SERVICE_TIME_ZONE } from '../../domain/model';
import type { CompanyPayment } from './data/company-payment';
import type { PartnerOffset } from './data/partner-offset';
import type { PaymentNotice } from './rules/notices';

export const companyPaymentView = (payment: CompanyPayment): z.infer<typeof companyPaymentResponse> => ({
  paymentId: payment.paymentId,
  companyId: payment.companyId,
  companyName: payment.companyName,
  month: payment.period,
  amount: payment.amount,
  recordedAt: toZonedIso(payment.recordedAt, SERVICE_TIME_ZONE),
});

export const partnerOffsetView = (offset: PartnerOffset): z.infer<typeof partnerOffsetResponse> => ({
  offsetId: offset.offsetId,
  partnerId: offset.partnerId,
  month: offset.period,
  amount: offset.amount,
  reason: offset.reason,
  recordedAt: toZonedIso(offset.recordedAt, SERVICE_TIME_ZONE),
});

/** A notice as its partner reads it (api.md `PaymentNotice`, with `offsetsDue` and `carriedOver`). */
export const paymentNoticeView = (notice: PaymentNotice): PaymentNoticeResponse => ({
  id: notice.noticeId,
  partnerId: notice.partnerId,
  period: { from: notice.dates.from, to: notice.dates.to },
  issuedAt: toZonedIso(notice.issuedAt, SERVICE_TIME_ZONE),
  dueDate: notice.dueDate,
  gross: notice.gross,
  paidByCompanies: notice.paidByCompanies,
  ratePercent: notice.ratePercent,
  payout: notice.payout,
  offsetsDue: notice.offsetsDue,
  offsets: notice.offsets,
  net: notice.net,
  carriedOver: notice.carriedOver,
  status: notice.status,
  ...(notice.status === 'paid' && notice.paidOn !== undefined ? { paidOn: notice.paidOn } : {}),
});

/** An offset as a notice's list of offsets gives it (api.md "Partner routes": no partner id, the notice names it). */
export const noticeOffsetView = (offset: PartnerOffset): z.infer<typeof noticeOffsetResponse> => ({
  offsetId: offset.offsetId,
  month: offset.period,
  amount: offset.amount,
  reason: offset.reason,
  recordedAt: toZonedIso(offset.recordedAt, SERVICE_TIME_ZONE),
});
