/** What the back office's answers show. */
import type { CompanyResponse, DoorsResponse } from '../../../contracts/http/admin';
import type { Company, Facility, Space } from '../../domain/model';

export const companyView = (company: Company): CompanyResponse => ({
  companyId: company.companyId,
  name: company.name,
  corporateCode: company.corporateCode,
  monthlyCap: company.monthlyCap,
  version: company.version ?? 1,
});

/** A facility's doors and the spaces each opens, with the facility's version. */
export const doorsView = (facility: Facility, spaces: readonly Space[]): DoorsResponse => ({
  facilityId: facility.facilityId,
  version: facility.version,
  items: facility.doors.map((door) => ({
    doorId: door.doorId,
    name: door.name,
    keyType: door.keyType,
    spaceIds: spaces.filter((s) => s.doorIds.includes(door.doorId)).map((s) => s.spaceId),
  })),
});
