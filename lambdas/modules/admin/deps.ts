import { corporateCodeDigits, tableContext, uuids } from '../../platform/deps';
import { transact } from '../../platform/dynamo/transactions';
import { catalogDeps, DoorRegistry, PartnerRepository } from '../catalog';
import { CompanyRepository } from '../membership';
import type { AdminPorts } from './service';

let cached: AdminPorts | undefined;

/** The back office's repositories and ids, made once over the process-wide table. */
export function adminDeps(): AdminPorts {
  const { doc, tableName } = tableContext();
  cached ??= {
    ...catalogDeps(),
    partners: new PartnerRepository(doc, tableName),
    companies: new CompanyRepository(doc, tableName),
    doors: new DoorRegistry(doc, tableName),
    ids: uuids,
    corporateCodes: corporateCodeDigits,
    write: (items) => transact(doc, items),
  };
  return cached;
}
