/**
 * The composition root of the platform's ports: one adapter of each per process, made on first use from the
 * environment (endpoints point them at the local stand-ins). Modules take what they use from here; a
 * function's bundle carries only the adapters it reaches.
 */
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { USER_POOL_ID_ENV } from '../../contracts/auth';
import {
  EXPORTS_BUCKET_ENV,
  EXPORTS_KEY_PREFIX,
  PHOTOS_BUCKET_ENV,
  PHOTOS_KEY_PREFIX,
  S3_ENDPOINT_ENV,
} from '../../contracts/files';
import { MAIL_FROM_ENV, MEMBER_CONTACTS_ENV, SES_ENDPOINT_ENV } from '../../contracts/outbox';
import { TICKET_SIGNING_KEY_ENV, TICKET_SIGNING_SECRET_ENV } from '../../contracts/ticket-signing';
import { CognitoMemberContacts } from './adapters/cognito-member-contacts';
import { CognitoOperatorDirectory } from './adapters/cognito-operator-directory';
import { IotDoorPublisher } from './adapters/iot-door-publisher';
import { LocalMemberContacts } from './adapters/local-member-contacts';
import { LocalOperatorDirectory } from './adapters/local-operator-directory';
import { S3DownloadLinks } from './adapters/s3-download-links';
import { S3DownloadStore } from './adapters/s3-download-store';
import { S3FileStore } from './adapters/s3-file-store';
import { EnvironmentSigningKeys, SecretsManagerSigningKeys } from './adapters/secrets-manager-signing-keys';
import { SesMailer } from './adapters/ses-mailer';
import { SfnTimerStarter } from './adapters/sfn-timer-starter';
import { clock } from './clock';
import { tableContext } from './dynamo/client';
import type {
  DoorPublisher,
  DownloadStore,
  FileStore,
  Ids,
  Mailer,
  MemberContacts,
  OperatorDirectory,
  TicketSigningKeys,
  TimerStarter,
} from './ports';

export { tableContext } from './dynamo/client';
export { clock };

/** Random UUIDs. */
export const uuids: Ids = { next: () => randomUUID() };

/** Six-digit keypad codes from the CSPRNG (leading zeros kept). */
export const keypadCodes: Ids = { next: () => String(randomInt(0, 1_000_000)).padStart(6, '0') };

/** Twelve digits from the CSPRNG (leading zeros kept): a reservation number before its `R-` and dashes. */
export const reservationNumberDigits: Ids = {
  next: () => String(randomInt(0, 1_000_000_000_000)).padStart(12, '0'),
};

/** Sixteen digits from the CSPRNG (leading zeros kept): a company's corporate code. */
export const corporateCodeDigits: Ids = {
  next: () =>
    `${String(randomInt(0, 100_000_000)).padStart(8, '0')}${String(randomInt(0, 100_000_000)).padStart(8, '0')}`,
};

/** 128 bits from the CSPRNG, base64url (22 characters): a member ticket's id (its single use is keyed by it). */
export const ticketIds: Ids = { next: () => randomBytes(16).toString('base64url') };

let timers: TimerStarter | undefined;
/** Step Functions, or the local runner (`SFN_ENDPOINT`). */
export function timerStarter(): TimerStarter {
  timers ??= new SfnTimerStarter(process.env.SFN_ENDPOINT);
  return timers;
}

let doors: DoorPublisher | undefined;
/** The IoT data plane: `IOT_DATA_ENDPOINT` is the account's endpoint, or the local one. */
export function doorPublisher(): DoorPublisher {
  doors ??= new IotDoorPublisher(process.env.IOT_DATA_ENDPOINT);
  return doors;
}

let photos: FileStore | undefined;
/**
 * The photos bucket (`PHOTOS_BUCKET`, given to rows with `storesPhotos`), keys under `photos/` only; a local S3 when
 * `S3_ENDPOINT` is set.
 */
export function photoStore(): FileStore {
  if (!photos) {
    const bucket = process.env[PHOTOS_BUCKET_ENV];
    if (!bucket) throw new Error(`${PHOTOS_BUCKET_ENV} is not set`);
    photos = new S3FileStore({ bucket, endpoint: process.env[S3_ENDPOINT_ENV], keyPrefix: PHOTOS_KEY_PREFIX });
  }
  return photos;
}

let downloads: DownloadStore | undefined;
/**
 * The exports bucket (`EXPORTS_BUCKET`: the export job writes, rows with `readsExports` presign), keys under
 * `exports/` only; a local S3 when `S3_ENDPOINT` is set.
 */
export function exportStore(): DownloadStore {
  if (!downloads) {
    const bucket = process.env[EXPORTS_BUCKET_ENV];
    if (!bucket) throw new Error(`${EXPORTS_BUCKET_ENV} is not set`);
    downloads = new S3DownloadStore({ bucket, endpoint: process.env[S3_ENDPOINT_ENV], keyPrefix: EXPORTS_KEY_PREFIX });
  }
  return downloads;
}

let downloadLinks: Pick<DownloadStore, 'presignedDownload'> | undefined;
/**
 * Presigned GETs on the exports bucket (`EXPORTS_BUCKET`), keys under `exports/` only: what the rows with
 * `readsExports` need of {@link exportStore}, without the S3 client its uploads take.
 */
export function exportLinks(): Pick<DownloadStore, 'presignedDownload'> {
  if (!downloadLinks) {
    const bucket = process.env[EXPORTS_BUCKET_ENV];
    if (!bucket) throw new Error(`${EXPORTS_BUCKET_ENV} is not set`);
    downloadLinks = new S3DownloadLinks({
      bucket,
      endpoint: process.env[S3_ENDPOINT_ENV],
      keyPrefix: EXPORTS_KEY_PREFIX,
    });
  }
  return downloadLinks;
}

/** Set to `local` by the local stack, which has no user pool: operators' sign-ins are the local stand-in's. */
export const OPERATOR_DIRECTORY_ENV = 'OPERATOR_DIRECTORY';

let directory: OperatorDirectory | undefined;
/**
 * Operators' sign-ins: the Cognito user pool `USER_POOL_ID` (given to rows with `managesOperators`), or the local
 * stand-in where `OPERATOR_DIRECTORY` is `local`; with neither set it throws (no sign-in is made up in the cloud).
 */
export function operatorDirectory(): OperatorDirectory {
  if (!directory) {
    const userPoolId = process.env[USER_POOL_ID_ENV];
    if (userPoolId) directory = new CognitoOperatorDirectory(userPoolId);
    else if (process.env[OPERATOR_DIRECTORY_ENV] === 'local') directory = new LocalOperatorDirectory(uuids);
    else throw new Error(`${USER_POOL_ID_ENV} is not set`);
  }
  return directory;
}

let signingKeys: TicketSigningKeys | undefined;
/**
 * The keys member tickets are signed with: the Secrets Manager secret `TICKET_SIGNING_SECRET_ARN` (given to rows with
 * `signsTickets`), read once per process; or, where that is unset, the local stack's key in `TICKET_SIGNING_KEY`. With
 * neither set it throws (no key is made up in the cloud).
 */
export function ticketSigningKeys(): TicketSigningKeys {
  if (!signingKeys) {
    const secretArn = process.env[TICKET_SIGNING_SECRET_ENV];
    if (secretArn) signingKeys = new SecretsManagerSigningKeys(secretArn, clock);
    else if (process.env[TICKET_SIGNING_KEY_ENV]) {
      signingKeys = new EnvironmentSigningKeys(() => process.env[TICKET_SIGNING_KEY_ENV]);
    } else throw new Error(`${TICKET_SIGNING_SECRET_ENV} is not set`);
  }
  return signingKeys;
}

let mail: Mailer | undefined;
/**
 * SES v2 from `MAIL_FROM` (given to the outbox consumer: an address of the stage's sender identity), or the local SES
 * stand-in at `SES_ENDPOINT`. Without `MAIL_FROM` it throws (no sender is made up in the cloud).
 */
export function mailer(): Mailer {
  if (!mail) {
    const from = process.env[MAIL_FROM_ENV];
    if (!from) throw new Error(`${MAIL_FROM_ENV} is not set`);
    mail = new SesMailer(from, process.env[SES_ENDPOINT_ENV]);
  }
  return mail;
}

let contacts: MemberContacts | undefined;
/**
 * Members' addresses: the Cognito user pool `USER_POOL_ID` (given to the outbox consumer), or the local member records
 * where `MEMBER_CONTACTS` is `local`; with neither set it throws (no address is made up in the cloud).
 */
export function memberContacts(): MemberContacts {
  if (!contacts) {
    const userPoolId = process.env[USER_POOL_ID_ENV];
    if (userPoolId) contacts = new CognitoMemberContacts(userPoolId);
    else if (process.env[MEMBER_CONTACTS_ENV] === 'local') {
      const { doc, tableName } = tableContext();
      contacts = new LocalMemberContacts(doc, tableName);
    } else throw new Error(`${USER_POOL_ID_ENV} is not set`);
  }
  return contacts;
}
