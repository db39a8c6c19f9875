/**
 * Settlement (api.md "Settlement"): companies' payments and partners' offsets per period, and the payment notices the
 * settlement job issues. What other modules may use of it.
 */
export { CompanyPaymentRepository } from './data/company-payment';
export { NoticeRecordsRepository } from './data/notice-records';
export { PartnerOffsetRepository } from './data/partner-offset';
export { PartnerSettlementRepository } from './data/partner-settlement';
export { PaymentNoticeRepository } from './data/payment-notice';
export { SettlementRunRepository } from './data/settlement-run';
export { settlementDeps } from './deps';
export { routes } from './routes';
export { japaneseDate, yen } from './rules/notice-document';
export {
  duePeriods,
  noticeIdOf,
  type PaymentNotice,
  parseNoticeId,
  paymentNotice,
  paymentNoticeIssued,
  SETTLEMENT_LOOK_BACK_PERIODS,
} from './rules/notices';
export { type SettlementPorts, type SettlementSummary, settlePeriods } from './service';
