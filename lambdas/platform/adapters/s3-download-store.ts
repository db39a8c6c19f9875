import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import type { DownloadStore, FileType, FileUpload } from '../ports';
import { keyUnder } from './s3-bucket';
import { S3DownloadLinks } from './s3-download-links';

/** S3's smallest part but the last one. */
export const MIN_PART_BYTES = 5 * 1024 * 1024;
/** What a part holds by default: 8 MiB, so a file of 100,000 CSV lines (some 30 MB) is a handful of parts. */
export const PART_BYTES = 8 * 1024 * 1024;

/** Settings of {@link S3DownloadStore}. */
export interface S3DownloadStoreOptions {
  bucket: string;
  /** A local S3 (`S3_ENDPOINT`), addressed path-style. Unset in the cloud. */
  endpoint?: string | undefined;
  /** Keys must start with this (the IAM grant covers only it). */
  keyPrefix: string;
  /** Bytes gathered before a part is sent (at least {@link MIN_PART_BYTES}). @default PART_BYTES */
  partBytes?: number;
  /**
   * A client of one's own for the uploads (tests); else one is made on first use. Download links are signed without a
   * client (S3DownloadLinks), from `bucket`, `endpoint` and the environment.
   */
  client?: S3Client;
}

/**
 * Download files on one S3 bucket. A file is written as it is made: its text gathers until a part's worth, which is
 * sent as a part of a multipart upload (started with the first part), so at most about one part is held at a time; a
 * file smaller than a part is one PutObject at the end. Each object is saved with its media type and an `attachment`
 * disposition naming the file, which its presigned GET answers with.
 */
export class S3DownloadStore implements DownloadStore {
  private client: S3Client | undefined;
  private links: S3DownloadLinks | undefined;
  private readonly partBytes: number;

  constructor(private readonly options: S3DownloadStoreOptions) {
    this.partBytes = options.partBytes ?? PART_BYTES;
    if (!Number.isInteger(this.partBytes) || this.partBytes < MIN_PART_BYTES) {
      throw new Error(`partBytes must be at least ${MIN_PART_BYTES}: ${this.partBytes}`);
    }
    this.client = options.client;
  }

  upload(key: string, type: FileType): FileUpload {
    const s3 = this.s3();
    const object = {
      Bucket: this.options.bucket,
      Key: this.checked(key),
      ContentType: type.contentType,
      ContentDisposition: `attachment; filename="${type.fileName.replace(/["\\\r\n]/g, '_')}"`,
    };
    const partBytes = this.partBytes;
    let chunks: Buffer[] = [];
    let gathered = 0;
    let bytes = 0;
    let uploadId: string | undefined;
    const parts: { ETag: string; PartNumber: number }[] = [];
    let state: 'open' | 'finished' | 'aborted' = 'open';

    const sendPart = async () => {
      const body = Buffer.concat(chunks, gathered);
      chunks = [];
      gathered = 0;
      uploadId ??= (await s3.send(new CreateMultipartUploadCommand(object))).UploadId;
      if (!uploadId) throw new Error(`S3 gave no upload id for ${object.Key}`);
      const PartNumber = parts.length + 1;
      const { ETag } = await s3.send(
        new UploadPartCommand({ Bucket: object.Bucket, Key: object.Key, UploadId: uploadId, PartNumber, Body: body }),
      );
      if (!ETag) throw new Error(`S3 gave no ETag for part ${PartNumber} of ${object.Key}`);
      parts.push({ ETag, PartNumber });
    };
    const open = () => {
      if (state !== 'open') throw new Error(`The upload of ${object.Key} is ${state}`);
    };

    return {
      async write(text) {
        open();
        const chunk = Buffer.from(text, 'utf8');
        chunks.push(chunk);
        gathered += chunk.length;
        bytes += chunk.length;
        if (gathered >= partBytes) await sendPart();
      },
      async finish() {
        open();
        if (uploadId === undefined) {
          await s3.send(new PutObjectCommand({ ...object, Body: Buffer.concat(chunks, gathered) }));
        } else {
          if (gathered > 0) await sendPart();
          await s3.send(
            new CompleteMultipartUploadCommand({
              Bucket: object.Bucket,
              Key: object.Key,
              UploadId: uploadId,
              MultipartUpload: { Parts: parts },
            }),
          );
        }
        chunks = [];
        state = 'finished';
        return { bytes };
      },
      async abort() {
        if (state !== 'open') return;
        state = 'aborted';
        chunks = [];
        if (uploadId !== undefined) {
          await s3.send(
            new AbortMultipartUploadCommand({ Bucket: object.Bucket, Key: object.Key, UploadId: uploadId }),
          );
        }
      },
    };
  }

  async presignedDownload(key: string, expiresInSeconds: number): Promise<string> {
    this.links ??= new S3DownloadLinks(this.options);
    return this.links.presignedDownload(key, expiresInSeconds);
  }

  private checked(key: string): string {
    return keyUnder(this.options.keyPrefix, key);
  }

  private s3(): S3Client {
    const { endpoint } = this.options;
    this.client ??= new S3Client(endpoint ? { endpoint, forcePathStyle: true } : {});
    return this.client;
  }
}
