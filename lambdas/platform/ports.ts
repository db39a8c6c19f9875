/**
 * The ports services take, besides their repositories: what they ask of the outside world. Each has an AWS
 * adapter in `adapters/` (and the local stack points those at its stand-ins); service tests give fakes.
 */
import type { KeypadCodeMessage, UnlockCommand as UnlockMessage } from '../../contracts/mqtt';
import type { TimerTaskInput, WorkflowId } from '../../contracts/workflows';

/**
 * Sends unlock commands to the doors (IoT Core, `doors/{doorId}/unlock`, QoS 1), and keypad codes to keypad doors
 * (`doors/{doorId}/codes`, QoS 1).
 */
export interface DoorPublisher {
  publishUnlock(message: UnlockMessage): Promise<void>;
  publishCode(doorId: string, message: KeypadCodeMessage): Promise<void>;
}

/** Starts timer executions (Step Functions). A repeated start of the same name is harmless. */
export interface TimerStarter {
  start(workflow: WorkflowId, name: string, input: TimerTaskInput): Promise<void>;
}

/** Where handlers and timers read the time (epoch milliseconds). */
export interface Clock {
  now(): number;
}

/** New unique ids (and, with the same shape, new keypad codes: six digits from a CSPRNG). */
export interface Ids {
  next(): string;
}

/** A presigned POST: the form's action `url` and the `fields` to send before the file (as S3 answers it). */
export interface PresignedUpload {
  url: string;
  fields: Record<string, string>;
}

/** What a presigned upload allows: one object at `key`, of exactly `contentType`, 1 to `maxBytes` bytes. */
export interface PresignedUploadRequest {
  key: string;
  contentType: string;
  maxBytes: number;
  expiresInSeconds: number;
}

/**
 * Files clients upload and download themselves (S3): a handler hands out presigned URLs and never carries the
 * bytes. The policy of an upload enforces the content type and a content-length range of 1 to `maxBytes`.
 */
export interface FileStore {
  presignedUpload(request: PresignedUploadRequest): Promise<PresignedUpload>;
  /** A URL that GETs the object at `key` for `expiresInSeconds`. */
  presignedDownload(key: string, expiresInSeconds: number): Promise<string>;
  /** Deletes the object at `key`; deleting a missing key is fine. */
  delete(key: string): Promise<void>;
}
