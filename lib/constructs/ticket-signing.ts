import { RemovalPolicy } from 'aws-cdk-lib';
import { Effect, ManagedPolicy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { TICKET_SIGNING_SECRET_ENV } from '../../contracts/ticket-signing';
import type { StageConfig } from '../config';

/** What a function signing or verifying member tickets may do, on the signing secret only. */
export const TICKET_SIGNING_ACTIONS = ['secretsmanager:GetSecretValue'] as const;

/** Characters of the generated key: 64 letters and digits, about 380 bits (the rules need at least 256). */
export const TICKET_KEY_LENGTH = 64;

/** Props of {@link TicketSigning}. */
export interface TicketSigningProps {
  /** Stage settings: the stage names the secret's description and policy. */
  readonly config: StageConfig;
}

/**
 * The key member tickets are signed with (api.md "Drop-in visits"): a Secrets Manager secret whose string CloudFormation
 * generates ({@link TICKET_KEY_LENGTH} letters and digits, encrypted with the account's Secrets Manager key), and the one
 * managed policy that reads it. Functions get both through {@link allowSigningTickets}.
 *
 * Removed with the stack whatever the stage: a ticket lives 60 seconds, so a new key loses nothing.
 *
 * Rotating is putting a new value (`aws secretsmanager put-secret-value`, at least 32 characters of a CSPRNG). The
 * functions read AWSCURRENT and AWSPREVIOUS once per cold start, and a ticket naming a key they have not seen makes
 * them read again (at most once a minute), so tickets signed on either side of a rotation keep admitting; warm
 * functions sign with the key they read until they are recycled. For a key that leaked, put a new value twice (so
 * AWSPREVIOUS no longer holds it) and recycle the functions (a deploy, or any change of their configuration).
 */
export class TicketSigning extends Construct {
  readonly secret: Secret;
  /** `secretsmanager:GetSecretValue` on {@link secret}; one for every function. */
  readonly signTicketsPolicy: ManagedPolicy;

  constructor(scope: Construct, id: string, props: TicketSigningProps) {
    super(scope, id);
    const { stage } = props.config;
    this.secret = new Secret(this, 'Key', {
      description: `Signs member tickets, GET /v1/me/ticket, checked at reception (${stage})`,
      generateSecretString: {
        passwordLength: TICKET_KEY_LENGTH,
        excludePunctuation: true,
        includeSpace: false,
      },
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.signTicketsPolicy = new ManagedPolicy(this, 'SignTickets', {
      description: `Read the member ticket signing key, that secret only (${stage})`,
      statements: [
        new PolicyStatement({
          sid: 'ReadTicketSigningKey',
          effect: Effect.ALLOW,
          actions: [...TICKET_SIGNING_ACTIONS],
          resources: [this.secret.secretArn],
        }),
      ],
    });
  }

  /**
   * Gives `fn` the secret's ARN (`TICKET_SIGNING_SECRET_ARN`) and attaches {@link signTicketsPolicy} to its role.
   * @throws Error when `fn` has no role
   */
  allowSigningTickets(fn: LambdaFunction): void {
    if (!fn.role) throw new Error(`${fn.node.path}: no role to attach the ticket signing policy to`);
    fn.addEnvironment(TICKET_SIGNING_SECRET_ENV, this.secret.secretArn);
    fn.role.addManagedPolicy(this.signTicketsPolicy);
  }
}
