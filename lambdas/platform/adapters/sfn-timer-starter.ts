import type { AwsCredentialIdentityProvider } from '@smithy/types';
import { WORKFLOW_ARN_ENV, type WorkflowId, type WorkflowInputs } from '../../../contracts/workflows';
import type { TimerStarter } from '../ports';
import {
  type AwsService,
  AwsServiceError,
  awsCall,
  awsRegion,
  dnsSuffix,
  type HttpHandler,
  processCredentials,
} from '../sdk/aws-http';

/** Settings of {@link SfnTimerStarter} beyond its endpoint and environment (tests). */
export interface SfnTimerStarterOptions {
  /** @default AWS_REGION */
  region?: string;
  /** @default the process's credentials, as the SDK's clients find them */
  credentials?: AwsCredentialIdentityProvider;
  handler?: HttpHandler;
}

/**
 * Starts Step Functions executions. Names are deterministic, so a repeated start is harmless: Step Functions
 * answers the same execution, or ExecutionAlreadyExists, which is fine too. State machine ARNs come from the
 * environment variables of `WORKFLOW_ARN_ENV`; `endpoint` points it at the local runner.
 *
 * One signed `StartExecution` (awsJson1_0) through lambdas/platform/sdk/aws-http.ts, the request the SDK's
 * `SFNClient` sends (test/unit/platform/aws-calls.test.ts holds them side by side), without the client.
 */
export class SfnTimerStarter implements TimerStarter {
  private service: AwsService | undefined;

  constructor(
    private readonly endpoint: string | undefined,
    private readonly env: Readonly<Record<string, string | undefined>> = process.env,
    private readonly options: SfnTimerStarterOptions = {},
  ) {}

  async start<W extends WorkflowId>(workflow: W, name: string, input: WorkflowInputs[W]): Promise<void> {
    const variable = WORKFLOW_ARN_ENV[workflow];
    const stateMachineArn = this.env[variable];
    if (!stateMachineArn) throw new Error(`${variable} is not set`);
    const region = this.options.region ?? awsRegion(this.env);
    this.service ??= {
      signingName: 'states',
      region,
      credentials: this.options.credentials ?? processCredentials(),
      ...(this.options.handler ? { handler: this.options.handler } : {}),
    };
    const url = new URL(this.endpoint ?? `https://states.${region}.${dnsSuffix(region)}`);
    url.pathname = `${url.pathname.replace(/\/+$/, '')}/`;
    try {
      await awsCall(this.service, {
        method: 'POST',
        url,
        headers: {
          'content-type': 'application/x-amz-json-1.0',
          'x-amz-target': 'AWSStepFunctions.StartExecution',
        },
        body: JSON.stringify({ stateMachineArn, name, input: JSON.stringify(input) }),
      });
    } catch (error) {
      if (error instanceof AwsServiceError && error.name === 'ExecutionAlreadyExists') return;
      throw error;
    }
  }
}
