/**
 * Where uploaded files live: the one photos bucket of a stage (`PHOTOS_BUCKET` names it to the functions allowed
 * to use it) and the key prefix those functions may write, read and delete under (their IAM grant covers only it).
 */

/** The environment variable holding the photos bucket's name. */
export const PHOTOS_BUCKET_ENV = 'PHOTOS_BUCKET';

/** The environment variable pointing the S3 client at a local S3 (`npm start`, tests); unset in the cloud. */
export const S3_ENDPOINT_ENV = 'S3_ENDPOINT';

/** Every photo key starts with this; the functions' grant is on `photos/*` of the bucket. */
export const PHOTOS_KEY_PREFIX = 'photos/';

/** The environment variable holding the exports bucket's name (the export job writes, the status route presigns). */
export const EXPORTS_BUCKET_ENV = 'EXPORTS_BUCKET';

/** Every export file's key starts with this (`exports/<partnerId>/<exportId>/<file>.csv`); grants are on `exports/*`. */
export const EXPORTS_KEY_PREFIX = 'exports/';

/** Days an export file is kept (the bucket's lifecycle expires it, the job's item goes by `ttl` at the same time). */
export const EXPORT_RETENTION_DAYS = 7;
