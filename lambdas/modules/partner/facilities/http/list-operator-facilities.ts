import { operatorFacilityListResponse } from '../../../../../contracts/http/partner-facilities';
import { httpHandler } from '../../../../platform/http';
import { catalogDeps } from '../../../catalog';
import { rows } from '../routes';
import { ownFacilities } from '../service';
import { operatorFacilityView } from '../views';

export const handler = httpHandler(
  rows.listOperatorFacilities,
  { response: { status: 200, body: operatorFacilityListResponse } },
  async ({ identity }) => {
    const facilities = await ownFacilities(catalogDeps(), identity);
    return { items: facilities.map((f) => operatorFacilityView(f, [])) };
  },
);
