import { ExecutionAlreadyExists, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { WORKFLOW_ARN_ENV, type WorkflowId, type WorkflowInputs } from '../../../contracts/workflows';
import type { TimerStarter } from '../ports';

/**
 * Starts Step Functions executions. Names are deterministic, so a repeated start is harmless: Step Functions
 * answers the same execution, or ExecutionAlreadyExists, which is fine too. State machine ARNs come from the
 * environment variables of `WORKFLOW_ARN_ENV`; `endpoint` points the client at the local runner.
 */
export class SfnTimerStarter implements TimerStarter {
  private client: SFNClient | undefined;

  constructor(
    private readonly endpoint: string | undefined,
    private readonly env: Readonly<Record<string, string | undefined>> = process.env,
  ) {}

  async start<W extends WorkflowId>(workflow: W, name: string, input: WorkflowInputs[W]): Promise<void> {
    const variable = WORKFLOW_ARN_ENV[workflow];
    const stateMachineArn = this.env[variable];
    if (!stateMachineArn) throw new Error(`${variable} is not set`);
    this.client ??= new SFNClient(this.endpoint ? { endpoint: this.endpoint } : {});
    try {
      await this.client.send(new StartExecutionCommand({ stateMachineArn, name, input: JSON.stringify(input) }));
    } catch (error) {
      if (error instanceof ExecutionAlreadyExists) return;
      throw error;
    }
  }
}
