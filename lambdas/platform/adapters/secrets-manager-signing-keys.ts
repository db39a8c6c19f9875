import type { Clock, SigningSecrets, TicketSigningKeys } from '../ports';
import { type AwsClientOptions, type AwsService, awsJsonCall, awsService } from '../sdk/aws-http';

/** A reload within this long of the last read answers what that read found (forged tickets cost no reads). */
export const SIGNING_KEYS_RELOAD_INTERVAL_MS = 60_000;

/** Reads one version of a secret: its string, or undefined when it has none; throws errors named by their code. */
export interface SecretReader {
  secretString(secretId: string, versionStage: string): Promise<string | undefined>;
}

/** Settings of {@link SecretsManagerReader} (tests). */
export interface SecretsManagerReaderOptions extends AwsClientOptions {
  /** A Secrets Manager of one's own; unset in AWS. */
  endpoint?: string;
}

const GET_SECRET_VALUE = {
  endpointPrefix: 'secretsmanager',
  version: '1.1',
  target: 'secretsmanager.GetSecretValue',
} as const;

/**
 * `GetSecretValue` (awsJson1_1) signed through lambdas/platform/sdk/aws-http.ts: the request the SDK's
 * `SecretsManagerClient` sends (test/unit/platform/aws-calls.test.ts holds them side by side), without the client.
 */
export class SecretsManagerReader implements SecretReader {
  private service: AwsService | undefined;

  constructor(private readonly options: SecretsManagerReaderOptions = {}) {}

  async secretString(secretId: string, versionStage: string): Promise<string | undefined> {
    this.service ??= awsService('secretsmanager', this.options);
    const { SecretString } = await awsJsonCall(this.service, this.options.endpoint, GET_SECRET_VALUE, {
      SecretId: secretId,
      VersionStage: versionStage,
    });
    return typeof SecretString === 'string' ? SecretString : undefined;
  }
}

/**
 * The ticket signing keys in one Secrets Manager secret (`TICKET_SIGNING_SECRET_ARN`, made by CDK with a generated
 * string): the key is the UTF-8 bytes of the secret string, its AWSCURRENT version signs and its AWSPREVIOUS version,
 * when a rotation left one, still verifies. Read once per process (two GetSecretValue calls, side by side) and kept;
 * a failed read is not kept, so the next call tries again.
 */
export class SecretsManagerSigningKeys implements TicketSigningKeys {
  private read: Promise<SigningSecrets> | undefined;
  private readAt = Number.NEGATIVE_INFINITY;

  /** @param reader what reads a version of the secret (tests give a fake); Secrets Manager itself by default */
  constructor(
    private readonly secretId: string,
    private readonly clock: Clock,
    private readonly reader: SecretReader = new SecretsManagerReader(),
  ) {}

  secrets(): Promise<SigningSecrets> {
    if (!this.read) {
      this.readAt = this.clock.now();
      this.read = this.fetch().catch((error: unknown) => {
        this.read = undefined;
        throw error;
      });
    }
    return this.read;
  }

  reload(): Promise<SigningSecrets> {
    if (this.read && this.clock.now() - this.readAt < SIGNING_KEYS_RELOAD_INTERVAL_MS) return this.read;
    this.read = undefined;
    return this.secrets();
  }

  private async fetch(): Promise<SigningSecrets> {
    const [current, previous] = await Promise.all([this.version('AWSCURRENT'), this.version('AWSPREVIOUS')]);
    if (!current) throw new Error(`The ticket signing secret ${this.secretId} has no current string value`);
    return { current, previous: previous ? [previous] : [] };
  }

  /** The bytes of one version of the secret, or undefined when there is no such version (no rotation yet). */
  private async version(stage: 'AWSCURRENT' | 'AWSPREVIOUS'): Promise<Uint8Array | undefined> {
    try {
      const value = await this.reader.secretString(this.secretId, stage);
      return value ? Buffer.from(value, 'utf8') : undefined;
    } catch (error) {
      if (stage === 'AWSPREVIOUS' && (error as Error).name === 'ResourceNotFoundException') return undefined;
      throw error;
    }
  }
}

/**
 * The local stand-in: one key, base64url in the environment (`TICKET_SIGNING_KEY`, 32 random bytes the local stack
 * makes at its start), read at every call so a stack started later in the same process is followed.
 */
export class EnvironmentSigningKeys implements TicketSigningKeys {
  constructor(private readonly read: () => string | undefined) {}

  async secrets(): Promise<SigningSecrets> {
    const text = this.read();
    if (!text) throw new Error('No ticket signing key in the environment');
    return { current: Buffer.from(text, 'base64url'), previous: [] };
  }

  reload(): Promise<SigningSecrets> {
    return this.secrets();
  }
}
