import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { Clock, SigningSecrets, TicketSigningKeys } from '../ports';

/** A reload within this long of the last read answers what that read found (forged tickets cost no reads). */
export const SIGNING_KEYS_RELOAD_INTERVAL_MS = 60_000;

/**
 * The ticket signing keys in one Secrets Manager secret (`TICKET_SIGNING_SECRET_ARN`, made by CDK with a generated
 * string): the key is the UTF-8 bytes of the secret string, its AWSCURRENT version signs and its AWSPREVIOUS version,
 * when a rotation left one, still verifies. Read once per process (two GetSecretValue calls, side by side) and kept;
 * a failed read is not kept, so the next call tries again. The client is made on first use.
 */
export class SecretsManagerSigningKeys implements TicketSigningKeys {
  private read: Promise<SigningSecrets> | undefined;
  private readAt = Number.NEGATIVE_INFINITY;

  /** @param client the Secrets Manager client (tests give a fake); made on first use when absent */
  constructor(
    private readonly secretId: string,
    private readonly clock: Clock,
    private client?: Pick<SecretsManagerClient, 'send'>,
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
    this.client ??= new SecretsManagerClient({});
    try {
      const { SecretString } = await this.client.send(
        new GetSecretValueCommand({ SecretId: this.secretId, VersionStage: stage }),
      );
      return SecretString ? Buffer.from(SecretString, 'utf8') : undefined;
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
