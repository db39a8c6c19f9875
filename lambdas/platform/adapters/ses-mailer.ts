import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { Mail, Mailer } from '../ports';

/** How long one SES call may take: well inside the outbox claim's lease. */
const SES_REQUEST_TIMEOUT_MS = 10_000;

/**
 * Sends plain-text e-mail with SES v2 `SendEmail` from `from` (an address of the stage's verified identity, which is
 * all the consumer's role may send from). `endpoint` points the client at the local SES stand-in.
 */
export class SesMailer implements Mailer {
  private client: SESv2Client | undefined;

  constructor(
    private readonly from: string,
    private readonly endpoint: string | undefined,
  ) {}

  async send(mail: Mail): Promise<{ messageId: string }> {
    this.client ??= new SESv2Client({
      ...(this.endpoint ? { endpoint: this.endpoint } : {}),
      maxAttempts: 2,
      // without throwOnRequestTimeout the handler only logs a call past its timeout, and waits on
      requestHandler: { requestTimeout: SES_REQUEST_TIMEOUT_MS, connectionTimeout: 3_000, throwOnRequestTimeout: true },
    });
    const answer = await this.client.send(
      new SendEmailCommand({
        FromEmailAddress: this.from,
        Destination: { ToAddresses: [...mail.to] },
        Content: {
          Simple: {
            Subject: { Data: mail.subject, Charset: 'UTF-8' },
            Body: { Text: { Data: mail.text, Charset: 'UTF-8' } },
          },
        },
      }),
    );
    if (!answer.MessageId) throw new Error('SES answered no MessageId');
    return { messageId: answer.MessageId };
  }
}
