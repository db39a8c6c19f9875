/**
 * The rendered example of every message (docs/notifications.md, `npm run docs:mails`): each outbox message kind of
 * contracts/events.ts, composed by the consumer's own `compose` (so the recipients are the ones it chooses) over sample
 * data, with its subject and text as the templates render them. A test keeps the committed page equal to this.
 */
import { type OutboxMessage, outboxMessage } from '../contracts/events';
import { outboxIdOf } from '../contracts/outbox';
import type { Facility, Reservation, Space } from '../lambdas/domain/model';
import { compose, type NotificationPorts } from '../lambdas/modules/notifications';

export const MAIL_EXAMPLES_FILE = 'docs/notifications.md';

const reservation = {
  reservationId: '3f6c1f8e-5b2a-4c1e-9a57-1d2e3f4a5b6c',
  reservationNumber: 'R-2447-7582-6513',
  memberId: 'member-demo',
  facilityId: 'tw-shibuya',
  spaceId: 'tw-shibuya-room-a',
  facilityName: 'TIMEWORK渋谷',
  spaceName: '会議室A',
  start: '2026-12-15T10:00:00+09:00',
  end: '2026-12-15T11:00:00+09:00',
};
const booker = { memberNumber: 'TW000123', companyName: '株式会社サンプル' };

/** One example per message kind (and per status where the mails differ), with what causes it. */
export const MAIL_EXAMPLES: ReadonlyArray<{ title: string; cause: string; message: OutboxMessage }> = [
  {
    title: 'Booking made (instant space)',
    cause: '`POST /v1/reservations` on an instant space, in the booking’s transaction',
    message: {
      kind: 'bookingMade',
      status: 'confirmed',
      ...reservation,
      spaceId: 'tw-shibuya-desk',
      spaceName: 'デスク席',
      ...booker,
      requestExpiresAt: null,
    },
  },
  {
    title: 'Booking requested (request space)',
    cause: '`POST /v1/reservations` on a request space, in the request’s transaction',
    message: {
      kind: 'bookingMade',
      status: 'requested',
      ...reservation,
      ...booker,
      requestExpiresAt: '2026-12-12T01:00:00+09:00',
    },
  },
  {
    title: 'Request approved',
    cause: '`POST /v1/operator/booking-requests/{id}/approve`, in the approval’s transaction',
    message: { kind: 'requestApproved', ...reservation },
  },
  {
    title: 'Request rejected',
    cause:
      '`POST /v1/operator/booking-requests/{id}/reject` (its optional `reason` quoted), in the rejection’s transaction',
    message: { kind: 'requestRejected', ...reservation, reason: '当日は設備点検のため、ご利用いただけません。' },
  },
  {
    title: 'Request auto-cancelled',
    cause: 'the `request-expiry` timer at 01:00 on the second day (or the start), in the cancellation’s transaction',
    message: { kind: 'requestAutoCancelled', ...reservation },
  },
  {
    title: 'Extension',
    cause:
      '`POST /v1/reservations/{id}/extend` (or an extension agreed on site, recorded by staff), in its transaction',
    message: {
      kind: 'reservationExtended',
      ...reservation,
      spaceId: 'tw-shibuya-desk',
      spaceName: 'デスク席',
      end: '2026-12-15T11:30:00+09:00',
      ...booker,
      previousEnd: '2026-12-15T11:00:00+09:00',
      version: 3,
    },
  },
  {
    title: 'Reminder',
    cause:
      'the `reminder` timer an hour before the start of a booking confirmed more than an hour before it, while it is still confirmed',
    message: {
      kind: 'bookingReminder',
      ...reservation,
      spaceId: 'tw-shibuya-desk',
      spaceName: 'デスク席',
    },
  },
  {
    title: 'Forced checkout',
    cause: 'the `forced-checkout` timer 5 minutes after the end (or the sweeper), in the checkout’s transaction',
    message: {
      kind: 'forcedCheckout',
      ...reservation,
      spaceId: 'tw-shibuya-desk',
      spaceName: 'デスク席',
      closedAt: '2026-12-15T11:05:00+09:00',
    },
  },
  {
    title: 'Payment notice issued',
    cause: 'the hourly `settle-periods` job, in the notice’s transaction',
    message: {
      kind: 'paymentNoticeIssued',
      noticeId: 'partner-tw:2026-12',
      partnerId: 'partner-tw',
      period: '2026-12',
      periodFrom: '2026-11-21',
      periodTo: '2026-12-20',
      net: 1_234_567,
      dueDate: '2027-02-26',
    },
  },
];

/** What the examples read at send time: one partner, facility, space, member and confirmed booking. */
const samplePorts: Pick<NotificationPorts, 'partners' | 'members' | 'facilities' | 'spaces' | 'reservations'> = {
  partners: {
    getPartner: async (partnerId) => ({
      partnerId,
      name: 'TIMEWORK株式会社',
      facilityIds: ['tw-shibuya'],
      payoutRatePercent: 70,
      paymentNoticeEmails: ['billing@partner-tw.example'],
      version: 1,
    }),
  },
  facilities: {
    getFacility: async (facilityId) =>
      ({
        facilityId,
        name: 'TIMEWORK渋谷',
        description: '渋谷駅から徒歩3分。受付は無人です。入口のドアはアプリのチェックインで開きます。',
        notificationEmails: ['ops@tw-shibuya.example'],
      }) as Facility,
  },
  spaces: {
    getSpace: async (spaceId) =>
      ({ spaceId, bookingMailMessage: 'お帰りの際は、照明と空調のスイッチをお切りください。' }) as Space,
  },
  // a reminder is mailed only for a booking still confirmed
  reservations: { get: async (reservationId) => ({ reservationId, status: 'confirmed' }) as Reservation },
  members: { emailOf: async (memberId) => `${memberId}@example.com` },
};

const PART_NAMES: Record<string, string> = {
  member: 'the member',
  facility: 'the facility’s notification addresses',
  partner: 'the partner’s payment-notice addresses',
};

/** The page: every example's mails, recipients, subject and text. */
export async function mailExamplesMarkdown(): Promise<string> {
  const kinds = new Set(MAIL_EXAMPLES.map((e) => e.message.kind));
  const missing = outboxMessage.def.options.flatMap((o) => o.shape.kind.def.values).filter((kind) => !kinds.has(kind));
  if (missing.length > 0) throw new Error(`No example of ${missing.join(', ')}`);
  const sections: string[] = [];
  for (const { title, cause, message } of MAIL_EXAMPLES) {
    const parts = await compose(samplePorts, message);
    sections.push(`## ${title}`, '', `Caused by ${cause}; outbox id \`${outboxIdOf(message)}\`.`, '');
    for (const { part, mail } of parts) {
      sections.push(
        `### To ${PART_NAMES[part] ?? part} (${mail.to.join(', ')})`,
        '',
        '```',
        `件名: ${mail.subject}`,
        '',
        mail.text,
        '```',
        '',
      );
    }
  }
  return [
    '# Notifications: a rendered example of each message',
    '',
    'Generated by `npm run docs:mails` from the templates in `lambdas/modules/notifications/templates/`, composed by the',
    'outbox consumer over sample data (a test keeps this page equal to them). The facility’s description and the',
    'space’s booking-mail message are quoted as the partner wrote them, read when the mail is sent (004 §2-1 ④, §2-3 ④).',
    '',
    ...sections,
  ].join('\n');
}
