import { companyPaymentBody, companyPaymentResponse } from '../../../../contracts/http/settlement';
import { httpHandler } from '../../../platform/http';
import { settlementDeps } from '../deps';
import { rows } from '../routes';
import { recordCompanyPayment } from '../service';
import { companyPaymentView } from '../views';

export const handler = httpHandler(
  rows.recordCompanyPayment,
  { body: companyPaymentBody, response: { status: 201, body: companyPaymentResponse } },
  async ({ body, identity, now }) =>
    companyPaymentView(await recordCompanyPayment(settlementDeps(), identity, body, now)),
);
