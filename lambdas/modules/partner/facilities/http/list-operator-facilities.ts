import { facilitiesCsv } from '../../../../../contracts/csv/facilities.v1';
import {
  type OperatorFacilityListResponse,
  operatorFacilityListResponse,
} from '../../../../../contracts/http/partner-facilities';
import { csvAnswer } from '../../../../platform/csv';
import { httpHandler } from '../../../../platform/http';
import { catalogDeps } from '../../../catalog';
import { rows } from '../routes';
import { ownFacilities } from '../service';
import { operatorFacilityView } from '../views';

export const handler = httpHandler(
  rows.listOperatorFacilities,
  {
    response: {
      status: 200,
      body: operatorFacilityListResponse,
      csv: csvAnswer(facilitiesCsv, (answer: OperatorFacilityListResponse) => answer.items),
    },
  },
  async ({ identity }) => {
    const facilities = await ownFacilities(catalogDeps(), identity);
    return { items: facilities.map((f) => operatorFacilityView(f, [])) };
  },
);
