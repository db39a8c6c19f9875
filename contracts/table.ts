/**
 * The single table, defined once: the CDK construct and the local bootstrap both read this, and every item
 * type's key shapes are registered here. Each item type's data file (`lambdas/modules/<module>/data/<item>.ts`) builds its
 * keys from its entry and nothing else builds keys; a test fails when two item types could share a key or
 * an index partition.
 */
export const tableDefinition = {
  partitionKey: 'PK',
  sortKey: 'SK',
  ttlAttribute: 'ttl',
  /**
   * The table's stream: new images only (what the outbox consumer reads); the CDK construct and the local bootstrap
   * both enable it.
   */
  streamViewType: 'NEW_IMAGE',
  globalSecondaryIndexes: [
    { indexName: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' },
    { indexName: 'GSI2', partitionKey: 'GSI2PK', sortKey: 'GSI2SK' },
    { indexName: 'GSI3', partitionKey: 'GSI3PK', sortKey: 'GSI3SK' },
  ],
} as const;

export type IndexName = (typeof tableDefinition.globalSecondaryIndexes)[number]['indexName'];

/** Every key attribute of the table and its indexes (all strings). */
export const keyAttributes: readonly string[] = [
  tableDefinition.partitionKey,
  tableDefinition.sortKey,
  ...tableDefinition.globalSecondaryIndexes.flatMap((i) => [i.partitionKey, i.sortKey]),
];

/** A key template: literal text with `{placeholders}`, e.g. `FACILITY#{facilityId}`. */
export type KeyTemplate = string;

/** Where an item type is listed in a secondary index. */
export interface IndexEntry {
  index: IndexName;
  pk: KeyTemplate;
  sk: KeyTemplate;
  /** Only some items of the type are in it (a sparse index), e.g. only while a reservation is requested. */
  when?: string;
}

/** The keys of one item type. */
export interface ItemType {
  pk: KeyTemplate;
  sk: KeyTemplate;
  indexes?: readonly IndexEntry[];
}

/**
 * Every item type of the table and its keys. Instants in keys are ISO 8601 UTC with milliseconds
 * (`{utc…}`), so that they sort as they read.
 */
export const ITEM_TYPES = {
  facility: {
    pk: 'FACILITY#{facilityId}',
    sk: '#META',
    indexes: [{ index: 'GSI1', pk: 'FACILITIES', sk: '{prefecture}#{facilityId}' }],
  },
  space: {
    pk: 'SPACE#{spaceId}',
    sk: '#META',
    indexes: [
      { index: 'GSI1', pk: 'FACILITY#{facilityId}', sk: 'SPACE#{spaceId}' },
      { index: 'GSI2', pk: 'SPACES', sk: '{facilityId}#{spaceId}' },
    ],
  },
  slotCounter: { pk: 'SPACE#{spaceId}', sk: 'SLOT#{utcSlotStart}' },
  /**
   * A reservation that holds time in a space (requested, confirmed, checked in), read by calendar changes. Keyed by
   * the reservation alone, so that an extension updates it in place (a booking's transaction is near 100 items).
   */
  spaceHold: { pk: 'SPACE#{spaceId}', sk: 'HOLD#{reservationId}' },
  /**
   * A reservation: listed by member by start, while requested for its partner's answer, while checked in for the
   * sweeper, and by partner and start (the usage screens).
   */
  reservation: {
    pk: 'RES#{reservationId}',
    sk: '#META',
    indexes: [
      { index: 'GSI1', pk: 'MEMBER#{memberId}#RES', sk: '{utcStart}#{reservationId}' },
      { index: 'GSI2', pk: 'REQUESTS#{partnerId}', sk: '{facilityId}#{utcCreatedAt}', when: 'requested' },
      { index: 'GSI2', pk: 'STAYS#CHECKEDIN', sk: '{utcEnd}#{reservationId}', when: 'checked in' },
      { index: 'GSI3', pk: 'PARTNER#{partnerId}#RESERVATIONS', sk: '{utcStart}#{reservationId}' },
    ],
  },
  /** A reservation number taken (`R-XXXX-XXXX-XXXX`): written with the booking, only if no other has it. */
  reservationNumber: { pk: 'RESNO#{number}', sk: '#META' },
  member: { pk: 'MEMBER#{memberId}', sk: '#PROFILE' },
  memberHold: { pk: 'MEMBER#{memberId}', sk: 'HOLD#{utcEnd}#{reservationId}' },
  memberUses: { pk: 'MEMBER#{memberId}', sk: 'USES#{periodStart}' },
  memberDailyUses: { pk: 'MEMBER#{memberId}', sk: 'DAILY#{facilityId}#{date}' },
  purchase: { pk: 'MEMBER#{memberId}', sk: 'PURCHASE#{utcPaidAt}#{purchaseId}' },
  company: { pk: 'COMPANY#{companyId}', sk: '#META' },
  companyUses: { pk: 'COMPANY#{companyId}', sk: 'USES#{month}' },
  corporateCode: { pk: 'CORPCODE#{code}', sk: '#META' },
  /** An operator account of a partner; its partner's accounts are listed oldest first. */
  operator: {
    pk: 'OPERATOR#{operatorId}',
    sk: '#PROFILE',
    indexes: [{ index: 'GSI1', pk: 'PARTNER#{partnerId}#OPERATORS', sk: '{utcCreatedAt}#{operatorId}' }],
  },
  /** An operator's e-mail (the sign-in name, lower case) taken: written with the account, only if no other has it. */
  operatorEmail: { pk: 'OPEMAIL#{email}', sk: '#META' },
  photo: {
    pk: 'PHOTO#{photoId}',
    sk: '#META',
    indexes: [{ index: 'GSI2', pk: 'PHOTOS#{facilityId}', sk: '{utcCreatedAt}#{photoId}' }],
  },
  partner: { pk: 'PARTNER#{partnerId}', sk: '#META' },
  /** A door's id taken by a facility: door ids are global (the MQTT topics name them), so one facility each. */
  door: { pk: 'DOOR#{doorId}', sk: '#META' },
  /** A QR value posted at an open space: unique, written with the space; what a drop-in scan looks up. */
  qrCode: { pk: 'QR#{qrValue}', sk: '#META' },
  /**
   * A drop-in visit: listed by member (newest first), while in with an automatic end (its limit or the space's
   * closing) by that end, for the sweeper that closes what a timer missed, and by partner and check-in (the usage
   * screens).
   */
  visit: {
    pk: 'VISIT#{visitId}',
    sk: '#META',
    indexes: [
      { index: 'GSI1', pk: 'MEMBER#{memberId}#VISIT', sk: '{utcCheckedInAt}#{visitId}' },
      { index: 'GSI2', pk: 'VISITS#IN', sk: '{utcEndsAt}#{visitId}', when: 'in, with an automatic end' },
      { index: 'GSI3', pk: 'PARTNER#{partnerId}#VISITS', sk: '{utcCheckedInAt}#{visitId}' },
    ],
  },
  /** A visit number taken (`V-XXXX-XXXX-XXXX`): written with the check-in, only if no other visit has it. */
  visitNumber: { pk: 'VISITNO#{number}', sk: '#META' },
  /** The member's visit in now: one at a time (written with the check-in only if absent, deleted at its end). */
  openVisit: { pk: 'MEMBER#{memberId}', sk: 'VISIT#OPEN' },
  /** Someone in an open space of the partner now (what the current-usage screen lists), by facility and space. */
  presence: { pk: 'PARTNER#{partnerId}', sk: 'IN#{facilityId}#{spaceId}#{visitId}' },
  /** People (members and guests) in an open space now: check-ins and guests take room only within capacity. */
  spaceOccupancy: { pk: 'SPACE#{spaceId}', sk: 'OCCUPANCY' },
  /**
   * The sales lines of one event (a visit's end, a reservation's settlement, a cancellation's fee), written in the
   * event's transaction under the id the event fixes; listed per partner by use date.
   */
  salesRecord: {
    pk: 'SALES#{recordId}',
    sk: '#META',
    indexes: [{ index: 'GSI1', pk: 'PARTNER#{partnerId}#SALES', sk: '{useDate}#{recordId}' }],
  },
  /**
   * A partner's sales of one facility on one day or in one month, added to by each record's transaction. Keyed by
   * period before facility, so that one range of the sort key reads every facility's totals of a range of periods.
   */
  salesTotal: { pk: 'SALESTOTAL#{partnerId}', sk: '{unit}#{period}#{facilityId}' },
  /**
   * What a company paid for a settlement period (`YYYY-MM`, api.md "Settlement"), recorded by the back office; read per
   * period (strongly consistent) by the settlement job, which shares it over the partners that billed the company.
   */
  companyPayment: { pk: 'SETTLEMENT#{period}', sk: 'PAYMENT#{companyId}#{paymentId}' },
  /**
   * An offset (相殺金) that reduces a partner's payout, for a settlement period; kept under the partner so that a notice
   * reads the offsets of its period and of earlier periods it did not issue for in one range.
   */
  partnerOffset: { pk: 'PARTNER#{partnerId}', sk: 'OFFSET#{period}#{offsetId}' },
  /**
   * A settlement period whose notices are being or have been issued: written by the job before it reads the period's
   * payments, so that a payment or offset for the period is refused from then on (its transaction checks this is
   * absent); all in one partition, so the job reads the states of the periods it looks back over in one query.
   */
  settlementRun: { pk: 'SETTLEMENTS', sk: '{period}' },
  /**
   * A partner's payment notice for one period, id `<partnerId>:<period>` (one per partner and period: put only if
   * absent); listed per partner newest first.
   */
  paymentNotice: {
    pk: 'NOTICE#{noticeId}',
    sk: '#META',
    indexes: [{ index: 'GSI1', pk: 'PARTNER#{partnerId}#NOTICES', sk: '{period}' }],
  },
  /** The ids of the sales records a notice pays, in chunks written in the notice's transaction. */
  noticeRecords: { pk: 'NOTICE#{noticeId}', sk: 'RECORDS#{chunk}' },
  /**
   * Where a partner's settlement stands: its latest notice's period and the offsets that notice carried over; moved on
   * in each notice's transaction (only forward), and read (strongly consistent) by the next.
   */
  partnerSettlement: { pk: 'PARTNER#{partnerId}', sk: 'SETTLEMENT' },
  /**
   * A partner's export job (api.md `POST /v1/operator/exports`): its request, where it stands, its file; under the
   * partner, so that another partner's id finds nothing. Expires by `ttl` when its file does.
   */
  exportJob: { pk: 'PARTNER#{partnerId}', sk: 'EXPORT#{exportId}' },
  unlockCommand: {
    pk: 'CMD#{commandId}',
    sk: '#META',
    indexes: [{ index: 'GSI1', pk: 'RES#{reservationId}#CMD', sk: '{utcIssuedAt}' }],
  },
  /**
   * A member ticket used at reception (api.md "Drop-in visits"): written, only if absent, in the transaction of the
   * check-in it admits, so a ticket admits once. Expires by `ttl` a little after the ticket does: by then the
   * signature check refuses the ticket anyway.
   */
  ticketUse: { pk: 'TICKET#{ticketId}', sk: '#META' },
  /**
   * A message to send (contracts/events.ts), written in the transaction of the change that causes it, only if absent,
   * under the id the change fixes (`<kind>:<id>`), so that a retried change writes it once. The stream consumer reads
   * its INSERT and marks it sent (its claim and sent marker live on the item itself). Expires by `ttl` some days
   * after it is written: well past the stream's 24 hours and the consumer's retries.
   */
  outbox: { pk: 'OUTBOX#{outboxId}', sk: '#META' },
  counter: { pk: 'COUNTER#{name}', sk: '#META' },
  idempotency: { pk: 'IDEMPOTENCY#{scope}', sk: '#META' },
} as const satisfies Record<string, ItemType>;

export type ItemTypeName = keyof typeof ITEM_TYPES;
