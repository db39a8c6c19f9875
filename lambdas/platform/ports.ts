/**
 * The ports services take, besides their repositories: what they ask of the outside world. Each has an AWS
 * adapter in `adapters/` (and the local stack points those at its stand-ins); service tests give fakes.
 */
import type { OperatorRole, OperatorStatus } from '../../contracts/auth';
import type { KeypadCodeMessage, UnlockCommand as UnlockMessage } from '../../contracts/mqtt';
import type { WorkflowId, WorkflowInputs } from '../../contracts/workflows';

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
  start<W extends WorkflowId>(workflow: W, name: string, input: WorkflowInputs[W]): Promise<void>;
}

/** Where handlers and timers read the time (epoch milliseconds). */
export interface Clock {
  now(): number;
}

/** New unique ids (and, with the same shape, new keypad codes: six digits from a CSPRNG). */
export interface Ids {
  next(): string;
}

/**
 * The secret keys member tickets are signed with (api.md "Drop-in visits"): the one that signs now, and those of
 * earlier versions a rotation left, which still verify. Raw bytes: what a key is called is the ticket rules' business.
 */
export interface SigningSecrets {
  current: Uint8Array;
  previous: readonly Uint8Array[];
}

/**
 * Where ticket signing keys are read (a Secrets Manager secret in the cloud, a key per local stack; a fixed key in
 * service tests). Read once per process and kept.
 */
export interface TicketSigningKeys {
  secrets(): Promise<SigningSecrets>;
  /**
   * Reads the keys again, for a ticket signed by a key this process has not seen (a rotation since it read them);
   * an adapter may answer what it holds when it read them moments ago, so a stream of forged tickets costs no reads.
   */
  reload(): Promise<SigningSecrets>;
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

/** A new operator's sign-in: its e-mail (the user name), the partner and the role its tokens carry. */
export interface NewSignIn {
  email: string;
  partnerId: string;
  operatorRole: OperatorRole;
}

/** What a sign-in is kept to: the role its next tokens carry, and whether it may sign in at all. */
export interface SignInState {
  operatorRole: OperatorRole;
  status: OperatorStatus;
}

/** The directory already has a sign-in with this e-mail (an operator's, or a member's). */
export class SignInTaken extends Error {
  constructor(readonly email: string) {
    super(`A sign-in with ${email} exists`);
    this.name = 'SignInTaken';
  }
}

/**
 * Operators' sign-ins (the Cognito user pool in the cloud; a stand-in locally, where the local token issuer needs
 * none). The table's account is what the API goes by; the directory follows it. Every call may be repeated.
 */
export interface OperatorDirectory {
  /**
   * Makes a sign-in: the directory e-mails a temporary password, changed at the first sign-in; its tokens carry the
   * operator role, partner and role. Answers its subject, the operator's id. Throws {@link SignInTaken}.
   */
  create(signIn: NewSignIn): Promise<{ operatorId: string }>;
  /** Keeps a sign-in to its account: the role of its next tokens; an inactive one can no longer sign in (signed out). */
  update(operatorId: string, state: SignInState): Promise<void>;
  /** Removes a sign-in whose account could not be recorded. Removing a missing one is fine. */
  remove(operatorId: string): Promise<void>;
}

/** One file written as it is made, in parts (an S3 multipart upload): its bytes are never held whole. */
export interface FileUpload {
  /** Adds text (UTF-8) to the file; a part is sent whenever enough has gathered. */
  write(text: string): Promise<void>;
  /** Sends what is left and makes the file; answers its size. */
  finish(): Promise<{ bytes: number }>;
  /** Drops what was sent of an unfinished file; harmless when nothing was, or after `finish`. */
  abort(): Promise<void>;
}

/** What a downloaded file is: its media type, and the name a browser saves it as. */
export interface FileType {
  contentType: string;
  fileName: string;
}

/** Files the service writes for clients to download (S3: the export files): written in parts, read by presigned GET. */
export interface DownloadStore {
  /** Starts writing the file at `key`. */
  upload(key: string, type: FileType): FileUpload;
  /** A URL that GETs the object at `key` for `expiresInSeconds`. */
  presignedDownload(key: string, expiresInSeconds: number): Promise<string>;
}

/** One e-mail: plain text, from the configured sender identity. */
export interface Mail {
  to: readonly string[];
  subject: string;
  text: string;
}

/** Sends e-mail (SES v2 `SendEmail`; the local SES stand-in locally). A failure throws, and nothing is known sent. */
export interface Mailer {
  /** Answers SES's message id once SES has accepted the mail. */
  send(mail: Mail): Promise<{ messageId: string }>;
}

/**
 * Where members' e-mail addresses are read (the identity: the Cognito user pool's user whose `sub` is the member id in
 * the cloud; the local member record on the local stack), at send time.
 */
export interface MemberContacts {
  /** The member's address, or undefined when the member (or its address) is not there. */
  emailOf(memberId: string): Promise<string | undefined>;
}
