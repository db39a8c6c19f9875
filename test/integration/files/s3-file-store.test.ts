/**
 * The S3 file store against the run's local S3 (global setup): a presigned POST takes exactly the file its policy
 * allows (content type, 1 to maxBytes bytes) and nothing else is stored; a presigned GET returns the same bytes;
 * delete removes the object. The local S3 is s3rver behind a front server that checks POST policies (s3rver stores
 * any POST upload, policy or not), so these are also its tests.
 */
import '../../../lib/local/env';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { PHOTOS_KEY_PREFIX } from '../../../contracts/files';
import { S3FileStore } from '../../../lambdas/platform/adapters/s3-file-store';
import type { PresignedUpload } from '../../../lambdas/platform/ports';
import { isPortFree, listenOn } from '../../../lib/local/ports';
import { startLocalS3 } from '../../../lib/local/s3';

/** A 1×1 greyscale JPEG (134 bytes, JFIF). */
const JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  'base64',
);
const MAX_BYTES = 1024;

const store = new S3FileStore({
  bucket: inject('photosBucket'),
  endpoint: inject('s3Endpoint'),
  keyPrefix: PHOTOS_KEY_PREFIX,
});
const keys: string[] = [];
afterAll(async () => {
  for (const key of keys) await store.delete(key);
});

const newKey = () => {
  const key = `${PHOTOS_KEY_PREFIX}it-${randomUUID()}.jpg`;
  keys.push(key);
  return key;
};

/** POSTs `bytes` with the upload's fields as a browser form would, `Content-Type` replaced when given. */
async function postForm(upload: PresignedUpload, bytes: Uint8Array, contentType?: string) {
  const form = new FormData();
  for (const [name, value] of Object.entries(upload.fields))
    form.append(name, name === 'Content-Type' && contentType ? contentType : value);
  form.append('file', new Blob([bytes], { type: contentType ?? upload.fields['Content-Type'] }), 'photo.jpg');
  const answer = await fetch(upload.url, { method: 'POST', body: form });
  return { status: answer.status, text: await answer.text() };
}

const uploadFor = (key: string) =>
  store.presignedUpload({ key, contentType: 'image/jpeg', maxBytes: MAX_BYTES, expiresInSeconds: 300 });

const stored = async (key: string) => (await fetch(await store.presignedDownload(key, 60))).status;

describe('the S3 file store on the local S3', () => {
  it('hands out a presigned POST whose policy pins the content type and the size range', async () => {
    const key = newKey();
    const upload = await uploadFor(key);
    expect(upload.url).toBe(`${inject('s3Endpoint')}/${inject('photosBucket')}`);
    expect(upload.fields).toMatchObject({ key, 'Content-Type': 'image/jpeg', 'X-Amz-Algorithm': 'AWS4-HMAC-SHA256' });
    const policy = JSON.parse(Buffer.from(upload.fields.Policy ?? '', 'base64').toString('utf8'));
    expect(policy.conditions).toEqual(
      expect.arrayContaining([['eq', '$Content-Type', 'image/jpeg'], ['content-length-range', 1, MAX_BYTES], { key }]),
    );
  });

  it('stores a JPEG posted with the form, and a presigned GET returns the same bytes and type', async () => {
    const key = newKey();
    const posted = await postForm(await uploadFor(key), JPEG);
    expect([201, 204], posted.text).toContain(posted.status);
    const answer = await fetch(await store.presignedDownload(key, 60));
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await answer.arrayBuffer()).equals(JPEG)).toBe(true);
  });

  it('refuses a body over maxBytes (EntityTooLarge) and stores nothing', async () => {
    const key = newKey();
    const tooBig = new Uint8Array(MAX_BYTES + 1).fill(0xff);
    const posted = await postForm(await uploadFor(key), tooBig);
    expect(posted.status).toBe(400);
    expect(posted.text).toContain('<Code>EntityTooLarge</Code>');
    expect(await stored(key)).toBe(404);
  });

  it('takes a body of exactly maxBytes', async () => {
    const key = newKey();
    const posted = await postForm(await uploadFor(key), new Uint8Array(MAX_BYTES).fill(1));
    expect([201, 204]).toContain(posted.status);
    expect(await stored(key)).toBe(200);
  });

  it('refuses another content type (AccessDenied, the failed condition named) and stores nothing', async () => {
    const key = newKey();
    const posted = await postForm(await uploadFor(key), JPEG, 'image/png');
    expect(posted.status).toBe(403);
    expect(posted.text).toContain('<Code>AccessDenied</Code>');
    expect(posted.text).toContain('$Content-Type');
    expect(await stored(key)).toBe(404);
  });

  it('refuses another key, a forged signature and an extra field, storing nothing', async () => {
    const key = newKey();
    const upload = await uploadFor(key);
    const other = newKey();
    const otherKey = await postForm({ ...upload, fields: { ...upload.fields, key: other } }, JPEG);
    expect(otherKey.status).toBe(403);
    const forged = await postForm({ ...upload, fields: { ...upload.fields, 'X-Amz-Signature': '0'.repeat(64) } }, JPEG);
    expect(forged.status).toBe(403);
    expect(forged.text).toContain('SignatureDoesNotMatch');
    const extra = await postForm({ ...upload, fields: { ...upload.fields, acl: 'public-read' } }, JPEG);
    expect(extra.status).toBe(403);
    expect(extra.text).toContain('Extra input fields: acl');
    expect(await stored(key)).toBe(404);
    expect(await stored(other)).toBe(404);
  });

  it('deletes an object (and a missing key is fine)', async () => {
    const key = newKey();
    await postForm(await uploadFor(key), JPEG);
    expect(await stored(key)).toBe(200);
    await store.delete(key);
    expect(await stored(key)).toBe(404);
    await store.delete(key);
  });

  it('refuses a key outside its prefix before asking S3', async () => {
    await expect(store.presignedDownload('exports/x.csv', 60)).rejects.toThrow(/not under photos\//);
    await expect(store.delete(PHOTOS_KEY_PREFIX)).rejects.toThrow(/not under photos\//);
  });
});

describe('a local S3 of its own', () => {
  it('creates its buckets, keeps objects in a temp folder removed at stop, and closes its port', async () => {
    const s3 = await startLocalS3({ port: 0, buckets: ['own-photos'] });
    const own = new S3FileStore({ bucket: 'own-photos', endpoint: s3.endpoint, keyPrefix: PHOTOS_KEY_PREFIX });
    const key = `${PHOTOS_KEY_PREFIX}a.jpg`;
    try {
      expect(
        await postForm(
          await own.presignedUpload({ key, contentType: 'image/jpeg', maxBytes: 1000, expiresInSeconds: 60 }),
          JPEG,
        ),
      ).toMatchObject({ status: 204 });
      expect(existsSync(s3.directory)).toBe(true);
    } finally {
      await s3.stop();
    }
    expect(existsSync(s3.directory)).toBe(false);
    expect(await isPortFree(s3.port)).toBe(true);
  });

  it('says in one line that its port is in use', async () => {
    const holder = createServer();
    const port = await listenOn(holder, 0, '127.0.0.1', 'holder');
    try {
      await expect(startLocalS3({ port, buckets: [] })).rejects.toThrow(
        `Port ${port} is in use (local S3; set S3_PORT to another port)`,
      );
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
  });
});
