/**
 * The single table, defined once: the CDK construct and the local bootstrap both read this.
 *
 * Item shapes (keys built only in `lambdas/data/keys.ts`):
 * - facility            PK FACILITY#<id>        SK #META      GSI1 FACILITIES / <prefecture>#<id>
 * - space               PK SPACE#<id>           SK #META      GSI1 FACILITY#<facilityId> / SPACE#<id>
 *                                                             GSI2 SPACES / <facilityId>#<id>
 * - slot counter        PK SPACE#<id>           SK SLOT#<utc start>
 * - reservation         PK RES#<id>             SK #META      GSI1 MEMBER#<memberId>#RES / <utc start>#<id>
 *                                                             GSI2 REQUESTS#<partnerId> / <facilityId>#<createdAt> (only while requested)
 *                                                             GSI2 STAYS#CHECKEDIN / <utc end>#<id> (only while checked in)
 * - member profile      PK MEMBER#<id>          SK #PROFILE
 * - member hold         PK MEMBER#<id>          SK HOLD#<utc end>#<reservationId>
 * - member uses         PK MEMBER#<id>          SK USES#<contract period start>
 * - member daily uses   PK MEMBER#<id>          SK DAILY#<facilityId>#<local date>
 * - company             PK COMPANY#<id>         SK #META
 * - company uses        PK COMPANY#<id>         SK USES#<yyyy-mm>
 * - corporate code      PK CORPCODE#<code>      SK #META
 * - operator            PK OPERATOR#<id>        SK #PROFILE
 * - partner             PK PARTNER#<id>         SK #META
 * - unlock command      PK CMD#<id>             SK #META      GSI1 RES#<reservationId>#CMD / <issuedAt>
 * - idempotency record  PK IDEMPOTENCY#<key>    SK #META      (TTL `ttl`)
 */
export const tableDefinition = {
  partitionKey: 'PK',
  sortKey: 'SK',
  ttlAttribute: 'ttl',
  globalSecondaryIndexes: [
    { indexName: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' },
    { indexName: 'GSI2', partitionKey: 'GSI2PK', sortKey: 'GSI2SK' },
  ],
} as const;

export type IndexName = (typeof tableDefinition.globalSecondaryIndexes)[number]['indexName'];

/** Every key attribute of the table and its indexes (all strings). */
export const keyAttributes: readonly string[] = [
  tableDefinition.partitionKey,
  tableDefinition.sortKey,
  ...tableDefinition.globalSecondaryIndexes.flatMap((i) => [i.partitionKey, i.sortKey]),
];
