import { clock, mailer, memberContacts, tableContext, uuids } from '../../platform/deps';
import { outboxStore } from '../../platform/outbox';
import { reservationRepository } from '../booking';
import { catalogDeps, PartnerRepository } from '../catalog';
import type { NotificationPorts } from './service';

let cached: NotificationPorts | undefined;

/** The outbox consumer's repositories and ports over the process-wide table, made once. */
export function notificationDeps(): NotificationPorts {
  if (!cached) {
    const { doc, tableName } = tableContext();
    const { facilities, spaces } = catalogDeps();
    cached = {
      outbox: outboxStore(),
      partners: new PartnerRepository(doc, tableName),
      facilities,
      spaces,
      reservations: reservationRepository(),
      members: memberContacts(),
      mailer: mailer(),
      clock,
      claims: uuids,
    };
  }
  return cached;
}
