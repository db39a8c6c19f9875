import { tableContext, uuids } from '../../platform/deps';
import { transact } from '../../platform/dynamo/transactions';
import { outboxStore } from '../../platform/outbox';
import { catalogDeps, PartnerRepository } from '../catalog';
import { salesLedger, salesRecordsOfPartner } from '../ledger';
import { CompanyRepository } from '../membership';
import { CompanyPaymentRepository } from './data/company-payment';
import { NoticeRecordsRepository } from './data/notice-records';
import { PartnerOffsetRepository } from './data/partner-offset';
import { PartnerSettlementRepository } from './data/partner-settlement';
import { PaymentNoticeRepository } from './data/payment-notice';
import { SettlementRunRepository } from './data/settlement-run';
import type { SettlementPorts } from './service';

let cached: SettlementPorts | undefined;

/** Settlement's repositories and ports over the process-wide table, made once. */
export function settlementDeps(): SettlementPorts {
  const { doc, tableName } = tableContext();
  cached ??= {
    companies: new CompanyRepository(doc, tableName),
    partners: new PartnerRepository(doc, tableName),
    facilities: catalogDeps().facilities,
    sales: (partnerId, range) => salesRecordsOfPartner(doc, tableName, partnerId, range),
    payments: new CompanyPaymentRepository(doc, tableName),
    offsets: new PartnerOffsetRepository(doc, tableName),
    runs: new SettlementRunRepository(doc, tableName),
    notices: new PaymentNoticeRepository(doc, tableName),
    noticeRecords: new NoticeRecordsRepository(doc, tableName),
    ledger: salesLedger(),
    states: new PartnerSettlementRepository(doc, tableName),
    outbox: outboxStore(),
    ids: uuids,
    write: (items) => transact(doc, items),
  };
  return cached;
}
