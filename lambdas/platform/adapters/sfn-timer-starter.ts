import { WORKFLOW_ARN_ENV, type WorkflowId, type WorkflowInputs } from '../../../contracts/workflows';
import type { TimerStarter } from '../ports';
import { type AwsClientOptions, type AwsService, AwsServiceError, awsJsonCall, awsService } from '../sdk/aws-http';

const START_EXECUTION = {
  endpointPrefix: 'states',
  version: '1.0',
  target: 'AWSStepFunctions.StartExecution',
} as const;

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
    private readonly options: AwsClientOptions = {},
  ) {}

  async start<W extends WorkflowId>(workflow: W, name: string, input: WorkflowInputs[W]): Promise<void> {
    const variable = WORKFLOW_ARN_ENV[workflow];
    const stateMachineArn = this.env[variable];
    if (!stateMachineArn) throw new Error(`${variable} is not set`);
    this.service ??= awsService('states', this.options, this.env);
    try {
      await awsJsonCall(this.service, this.endpoint, START_EXECUTION, {
        stateMachineArn,
        name,
        input: JSON.stringify(input),
      });
    } catch (error) {
      if (error instanceof AwsServiceError && error.name === 'ExecutionAlreadyExists') return;
      throw error;
    }
  }
}
