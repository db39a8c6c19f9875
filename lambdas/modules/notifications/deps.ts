import { clock, mailer, memberContacts, tableContext, uuids } from '../../platform/deps';
import { OutboxStore } from '../../platform/outbox';
import { FacilityRepository, PartnerRepository, SpaceRepository } from '../catalog';
import type { NotificationPorts } from './service';

let cached: NotificationPorts | undefined;

/** The outbox consumer's repositories and ports over the process-wide table, made once. */
export function notificationDeps(): NotificationPorts {
  if (!cached) {
    const { doc, tableName } = tableContext();
    cached = {
      outbox: new OutboxStore(doc, tableName),
      partners: new PartnerRepository(doc, tableName),
      facilities: new FacilityRepository(doc, tableName),
      spaces: new SpaceRepository(doc, tableName),
      members: memberContacts(),
      mailer: mailer(),
      clock,
      claims: uuids,
    };
  }
  return cached;
}
