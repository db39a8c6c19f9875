/** A partner's accounts and profile as its full operators see them, and a new partner as the back office does. */
import type {
  OperatorAccountResponse,
  PartnerCreatedResponse,
  PartnerProfileResponse,
} from '../../../../contracts/http/partner-accounts';
import { toZonedIso } from '../../../domain/format';
import { SERVICE_TIME_ZONE } from '../../../domain/model';
import type { OperatorAccount } from '../../../platform/operator-accounts';
import type { PartnerRecord } from '../../catalog';

export const accountView = (account: OperatorAccount): OperatorAccountResponse => ({
  operatorId: account.operatorId,
  partnerId: account.partnerId,
  version: account.version,
  email: account.email,
  name: account.name,
  role: account.operatorRole,
  status: account.status,
  createdAt: toZonedIso(account.createdAt, SERVICE_TIME_ZONE),
});

export const partnerView = (partner: PartnerRecord): PartnerProfileResponse => ({
  partnerId: partner.partnerId,
  version: partner.version,
  name: partner.name,
  paymentNoticeEmails: partner.paymentNoticeEmails,
});

export const partnerCreatedView = (created: {
  partner: PartnerRecord;
  admin: OperatorAccount;
}): PartnerCreatedResponse => ({
  partner: { ...partnerView(created.partner), payoutRatePercent: created.partner.payoutRatePercent },
  admin: accountView(created.admin),
});
