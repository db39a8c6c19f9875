/**
 * The S3 download store against the run's local S3 (global setup): a file written in pieces is sent in parts once a
 * part's worth has gathered (a multipart upload, its last part smaller), a small file is one PutObject, both read back
 * whole through a presigned GET with the media type and the attachment name they were saved with; an aborted upload
 * leaves no object; keys outside the prefix are refused before S3 is asked.
 */
import '../../../lib/local/env';
import { randomUUID } from 'node:crypto';
import { S3Client } from '@aws-sdk/client-s3';
import { describe, expect, inject, it } from 'vitest';
import { EXPORTS_KEY_PREFIX } from '../../../contracts/files';
import { MIN_PART_BYTES, S3DownloadStore } from '../../../lambdas/platform/adapters/s3-download-store';

const bucket = inject('exportsBucket');
const client = new S3Client({ endpoint: inject('s3Endpoint'), forcePathStyle: true });
const store = new S3DownloadStore({
  bucket,
  client,
  endpoint: inject('s3Endpoint'),
  keyPrefix: EXPORTS_KEY_PREFIX,
  partBytes: MIN_PART_BYTES,
});
const newKey = () => `${EXPORTS_KEY_PREFIX}it/${randomUUID()}/export.csv`;
const type = { contentType: 'text/csv; charset=utf-8', fileName: 'sales-2026-11-01-2026-11-30.csv' };

/** The commands S3 was sent from now on, counted by name by watching the client. */
function countCommands(): (name: string) => number {
  const counts = new Map<string, number>();
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const name = String(context.commandName);
      counts.set(name, (counts.get(name) ?? 0) + 1);
      return next(args);
    },
    { step: 'initialize', name: `count-${randomUUID()}` },
  );
  return (name) => counts.get(name) ?? 0;
}

const download = async (key: string) => fetch(await store.presignedDownload(key, 60));
/** The bytes as stored, as UTF-8 text with its BOM (a `Response`'s `text()` drops it). */
const storedText = async (answer: Response) => Buffer.from(await answer.arrayBuffer()).toString('utf8');

describe('the S3 download store on the local S3', () => {
  it('sends a file of 12 MiB written line by line as parts of 5 MiB (its last smaller) and reads it back whole', async () => {
    const sent = countCommands();
    const key = newKey();
    const upload = store.upload(key, type);
    const line = `${'あいう,123,'.repeat(20)}\r\n`;
    let expected = '';
    let written = 0;
    while (written < 12 * 1024 * 1024) {
      const chunk = line.repeat(500);
      await upload.write(chunk);
      expected += chunk;
      written += Buffer.byteLength(chunk);
    }
    const { bytes } = await upload.finish();
    expect(bytes).toBe(Buffer.byteLength(expected));
    expect(sent('UploadPartCommand')).toBe(3);
    expect(sent('CreateMultipartUploadCommand')).toBe(1);
    expect(sent('PutObjectCommand')).toBe(0);
    const answer = await download(key);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe(type.contentType);
    expect(answer.headers.get('content-disposition')).toBe(`attachment; filename="${type.fileName}"`);
    expect(await storedText(answer)).toBe(expected);
  });

  it('puts a file smaller than a part in one request', async () => {
    const sent = countCommands();
    const key = newKey();
    const upload = store.upload(key, type);
    await upload.write('\uFEFF見出し\r\n');
    await upload.write('1,2\r\n');
    expect(await upload.finish()).toEqual({ bytes: Buffer.byteLength('\uFEFF見出し\r\n1,2\r\n') });
    expect([sent('UploadPartCommand'), sent('PutObjectCommand')]).toEqual([0, 1]);
    expect(await storedText(await download(key))).toBe('\uFEFF見出し\r\n1,2\r\n');
  });

  it('leaves no object behind when aborted after a part (the upload aborted once), and refuses writes after', async () => {
    const sent = countCommands();
    const key = newKey();
    const upload = store.upload(key, type);
    await upload.write('x'.repeat(MIN_PART_BYTES + 10));
    await upload.abort();
    await upload.abort();
    expect((await download(key)).status).toBe(404);
    expect([sent('UploadPartCommand'), sent('AbortMultipartUploadCommand')]).toEqual([1, 1]);
    await expect(upload.write('more')).rejects.toThrow(/aborted/);
  });

  it('refuses keys outside its prefix, and parts smaller than S3 takes', () => {
    expect(() => store.upload('photos/x.csv', type)).toThrow(/not under exports\//);
    expect(() => store.upload(EXPORTS_KEY_PREFIX, type)).toThrow(/not under/);
    expect(() => new S3DownloadStore({ bucket, keyPrefix: EXPORTS_KEY_PREFIX, partBytes: MIN_PART_BYTES - 1 })).toThrow(
      /at least/,
    );
  });
});
