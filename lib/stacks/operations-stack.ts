import { CfnOutput, Stack, type StackProps, Token } from 'aws-cdk-lib';
import type { CfnFunction, IFunction } from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import type { StageConfig } from '../config';
import { DASHBOARD_PERIOD, OperationsDashboard } from '../constructs/dashboard';
import type { ApiStack } from './api-stack';
import type { AsyncStack } from './async-stack';
import type { DataStack } from './data-stack';

/** Props of {@link OperationsStack}. */
export interface OperationsStackProps extends StackProps {
  /** Settings of the stage this stack is deployed as. */
  readonly config: StageConfig;
  readonly data: DataStack;
  readonly async: AsyncStack;
  /** The API stacks, one per audience. */
  readonly apis: readonly ApiStack[];
}

/**
 * Operations across the stage's stacks: the CloudWatch dashboard (its alarms stay with what they watch). Functions
 * are watched by their physical names rather than by reference: a reference to each function of another stack
 * would be one stack output per route row, and would make this stack wait for the API stacks it only watches.
 * Outputs DashboardName.
 */
export class OperationsStack extends Stack {
  readonly dashboard: OperationsDashboard;

  constructor(scope: Construct, id: string, props: OperationsStackProps) {
    super(scope, id, props);
    const { config, data, async } = props;

    /** The function's physical name, as given to it (no cross-stack reference). */
    const byName = (fn: IFunction): string => {
      const name = (fn.node.defaultChild as CfnFunction).functionName;
      if (!name || Token.isUnresolved(name)) throw new Error(`${fn.node.path}: no physical name to watch it by`);
      return name;
    };

    this.dashboard = new OperationsDashboard(this, 'Operations', {
      config,
      apiStage: data.api.stage,
      apiThrottledRequests: data.api.throttledRequests.with({ label: 'throttled (429)', period: DASHBOARD_PERIOD }),
      functionGroups: [
        ...props.apis.map((stack) => ({
          title: `${stack.audience} API routes`,
          functionNames: [...stack.api.functions.values()].map(byName),
        })),
        { title: 'door events', functionNames: [byName(async.doorChannel.doorEventFunction)] },
        { title: 'timer steps', functionNames: [...async.timers.stepFunctions.values()].map(byName) },
        { title: 'notifications', functionNames: [byName(async.notifications.consumer)] },
        {
          title: 'Cognito triggers',
          functionNames: [data.auth.preTokenGenerationFunction, data.auth.postConfirmationFunction].map(byName),
        },
      ],
      stateMachines: [...async.timers.stateMachines].map(([title, stateMachine]) => ({ title, stateMachine })),
      deadLetterQueues: [
        { title: 'door events', queue: async.doorChannel.doorEventDeadLetters },
        { title: 'timer failures', queue: async.timers.failedExecutions },
        { title: 'notifications', queue: async.notifications.deadLetters },
      ],
      table: data.data.table,
    });

    new CfnOutput(this, 'DashboardName', {
      value: this.dashboard.dashboardName,
      description: 'CloudWatch dashboard of the stage',
    });
  }
}
