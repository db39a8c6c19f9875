/**
 * Step Functions locally: the same ASL files run by `aws-local-stepfunctions`, their Lambda tasks mapped
 * to the in-process step handlers, and their Wait states driven by the controllable clock. A small HTTP
 * endpoint speaks the Step Functions JSON protocol, so handlers start timers with the real SDK client.
 *
 * How Wait states follow the local clock: every Wait state of these workflows waits on a timestamp
 * (`TimestampPath: $.X`) and leads to a Task that is passed the same field (`"X.$": "$.X"`). The runner
 * lets the library's Wait pass at once (its documented `waitTimeOverrides`) and holds the Task until the
 * local clock reaches `X`. Moving the clock (`settle`) releases every task now due and returns once no
 * execution is running. Definitions that do not follow that shape are refused at load.
 *
 * A held Task may wait for days of wall time (the clock running in real time under `npm start`), while the
 * library times every Task out after 60 seconds unless it says otherwise: the local copies of the held Tasks
 * say {@link HELD_TASK_TIMEOUT_SECONDS} (on AWS a Task without TimeoutSeconds has no such limit).
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Context } from 'aws-lambda';
import { StateMachine } from 'aws-local-stepfunctions';
import type { Clock } from '../../lambdas/platform/clock';
import { stepEntry } from '../../lambdas/routes';
import { aslOf, fillAsl, type Workflow, workflows } from '../workflows';
import { lambdaContext } from './lambda-context';
import { listenOn } from './ports';

// aws-local-stepfunctions uses Promise.withResolvers (Node 22); Node 20 lacks it.
const promiseStatics = Promise as unknown as { withResolvers?: () => unknown };
promiseStatics.withResolvers ??= () => {
  let resolve!: (value: unknown) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};

export type StepHandler = (event: unknown, context: Context) => Promise<unknown>;

/**
 * TimeoutSeconds of the held Tasks in the local definitions: 23 days of wall time, near the longest timer
 * Node keeps (2^31 - 1 ms; a longer one fires at once).
 */
export const HELD_TASK_TIMEOUT_SECONDS = 2_000_000;

/** Options of {@link LocalStepFunctions.create}. */
export interface LocalStepFunctionsOptions {
  /** @default HELD_TASK_TIMEOUT_SECONDS */
  readonly heldTaskTimeoutSeconds?: number;
}

type AslState = {
  Type: string;
  Resource?: string;
  Next?: string;
  TimestampPath?: string;
  TimeoutSeconds?: number;
  Parameters?: Record<string, unknown>;
};

interface Machine {
  workflow: Workflow;
  arn: string;
  definition: { States: Record<string, AslState> };
  /** Task state → the input field holding the instant it must wait for. */
  heldTasks: Map<string, string>;
  waitStates: string[];
  taskStates: string[];
  handlers: Record<string, StepHandler>;
  /** Task state → step handler name (the function's name). */
  stepNames: Record<string, string>;
  /** The validated definition, built once (validation costs far more than a run). */
  stateMachine: StateMachine;
}

export interface Execution {
  executionArn: string;
  name: string;
  stateMachineArn: string;
  input: string;
  startDate: number;
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED';
  /** Waiting for the clock to reach `due` (RUNNING executions only). */
  waitingUntil: number | null;
  output?: unknown;
  error?: string;
}

const REGION = 'ap-northeast-1';
const ACCOUNT = '000000000000';
export const localStateMachineArn = (id: string) => `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:${id}`;
const localFunctionArn = (name: string) => `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${name}`;

class ExecutionAlreadyExists extends Error {
  override name = 'ExecutionAlreadyExists';
}

/** Finds, for each Wait state, the Task it holds and the field it waits on; refuses other shapes. */
function heldTasksOf(workflow: Workflow, states: Record<string, AslState>): Map<string, string> {
  const held = new Map<string, string>();
  for (const [name, state] of Object.entries(states)) {
    if (state.Type !== 'Wait') continue;
    const field = /^\$\.(\w+)$/.exec(state.TimestampPath ?? '')?.[1];
    const next = state.Next ? states[state.Next] : undefined;
    if (!field || !next || next.Type !== 'Task' || next.Parameters?.[`${field}.$`] !== `$.${field}`) {
      throw new Error(
        `${workflow.file}: Wait state ${name} must wait on $.<field> and lead to a Task passed that field`,
      );
    }
    held.set(state.Next as string, field);
  }
  return held;
}

export class LocalStepFunctions {
  private readonly machines = new Map<string, Machine>();
  private readonly executions = new Map<string, Execution>();
  private readonly wakers = new Map<string, () => void>();
  private readonly injected = new Map<string, number>();
  private running = 0;
  private idleWaiters: Array<() => void> = [];
  /** Executions that failed: the local stand-in for the dead-letter queue. */
  readonly deadLetters: Execution[] = [];
  /** Workflows whose executions are started but not run until released ({@link hold}). */
  private readonly heldWorkflows = new Set<string>();
  private heldExecutions: Array<{ machine: Machine; execution: Execution }> = [];

  private constructor(private readonly clock: Clock) {}

  /** Loads every workflow with its task handlers (`stepEntry`). */
  static async create(clock: Clock, options: LocalStepFunctionsOptions = {}): Promise<LocalStepFunctions> {
    const heldTimeout = options.heldTaskTimeoutSeconds ?? HELD_TASK_TIMEOUT_SECONDS;
    const runner = new LocalStepFunctions(clock);
    for (const workflow of workflows) {
      const values: Record<string, string> = {};
      const byState: Record<string, StepHandler> = {};
      const stepNames: Record<string, string> = {};
      const asl = aslOf(workflow);
      for (const [placeholder, step] of Object.entries(workflow.tasks)) values[placeholder] = localFunctionArn(step);
      const definition = JSON.parse(fillAsl(asl, values)) as Machine['definition'];
      for (const [stateName, state] of Object.entries(definition.States)) {
        if (state.Type !== 'Task') continue;
        const step = Object.values(workflow.tasks).find((name) => state.Resource === localFunctionArn(name));
        if (!step) throw new Error(`${workflow.file}: task ${stateName} has no step handler`);
        const module = (await import(/* @vite-ignore */ `../../${stepEntry(step)}`)) as { handler: StepHandler };
        byState[stateName] = module.handler;
        stepNames[stateName] = step;
      }
      const arn = localStateMachineArn(workflow.id);
      const heldTasks = heldTasksOf(workflow, definition.States);
      for (const task of heldTasks.keys()) (definition.States[task] as AslState).TimeoutSeconds = heldTimeout;
      runner.machines.set(arn, {
        workflow,
        arn,
        definition,
        heldTasks,
        waitStates: Object.entries(definition.States)
          .filter(([, s]) => s.Type === 'Wait')
          .map(([n]) => n),
        taskStates: Object.keys(byState),
        handlers: byState,
        stepNames,
        stateMachine: new StateMachine(definition as never, { validationOptions: { checkArn: false } }),
      });
    }
    return runner;
  }

  /** The state machine ARN of each workflow, by id. */
  arns(): Record<string, string> {
    return Object.fromEntries([...this.machines.values()].map((m) => [m.workflow.id, m.arn]));
  }

  /** StartExecution: a name already used with the same input answers that execution; with another, fails. */
  async startExecution(stateMachineArn: string, name: string, input: string): Promise<Execution> {
    const machine = this.machines.get(stateMachineArn);
    if (!machine)
      throw Object.assign(new Error(`State machine ${stateMachineArn} does not exist`), {
        name: 'StateMachineDoesNotExist',
      });
    const key = `${stateMachineArn}:${name}`;
    const existing = this.executions.get(key);
    if (existing) {
      if (existing.input === input) return existing;
      throw new ExecutionAlreadyExists(`Execution ${name} already exists with another input`);
    }
    const execution: Execution = {
      executionArn: `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`,
      name,
      stateMachineArn,
      input,
      startDate: this.clock.now(),
      status: 'RUNNING',
      waitingUntil: null,
    };
    this.executions.set(key, execution);
    if (this.heldWorkflows.has(machine.workflow.id)) this.heldExecutions.push({ machine, execution });
    else void this.run(machine, execution);
    return execution;
  }

  /**
   * Holds a workflow's executions (tests that count what a request itself does, while the execution it starts would
   * run at once beside it, as the export job does): they are started (RUNNING) but not run until {@link release}.
   */
  hold(workflowId: string): void {
    this.heldWorkflows.add(workflowId);
  }

  /** Runs the held executions of a workflow, and those it starts from now on. */
  release(workflowId: string): void {
    this.heldWorkflows.delete(workflowId);
    const released = this.heldExecutions.filter(({ machine }) => machine.workflow.id === workflowId);
    this.heldExecutions = this.heldExecutions.filter(({ machine }) => machine.workflow.id !== workflowId);
    for (const { machine, execution } of released) void this.run(machine, execution);
  }

  /** Makes the next `times` invocations of a task fail with a Lambda service error (failure tests). */
  injectFailures(taskState: string, times: number): void {
    this.injected.set(taskState, (this.injected.get(taskState) ?? 0) + times);
  }

  /** Every execution, for tests and diagnostics. */
  list(): Execution[] {
    return [...this.executions.values()];
  }

  /** Runs every task now due, and whatever they lead to, until no execution is running. */
  async settle(): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      const due = [...this.executions.values()].filter((e) => e.waitingUntil !== null && e.waitingUntil <= now);
      for (const execution of due) this.wake(execution);
      await this.idle();
      if (due.length === 0) return;
    }
  }

  private wake(execution: Execution): void {
    execution.waitingUntil = null;
    this.running++;
    this.wakers.get(execution.executionArn)?.();
    this.wakers.delete(execution.executionArn);
  }

  private idle(): Promise<void> {
    if (this.running === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private pause(): void {
    this.running--;
    if (this.running === 0) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }

  /** Holds a task until the clock reaches `due`. */
  private async until(execution: Execution, due: number): Promise<void> {
    if (due <= this.clock.now()) return;
    execution.waitingUntil = due;
    const woken = new Promise<void>((resolve) => this.wakers.set(execution.executionArn, resolve));
    this.pause();
    await woken;
  }

  private async run(machine: Machine, execution: Execution): Promise<void> {
    this.running++;
    const taskResourceLocalHandlers = Object.fromEntries(
      machine.taskStates.map((state) => [
        state,
        async (input: unknown) => {
          const field = machine.heldTasks.get(state);
          const dueText = field ? (input as Record<string, unknown>)[field] : undefined;
          if (typeof dueText === 'string') await this.until(execution, Date.parse(dueText));
          const failures = this.injected.get(state) ?? 0;
          if (failures > 0) {
            this.injected.set(state, failures - 1);
            throw Object.assign(new Error('Injected failure'), { name: 'Lambda.ServiceException' });
          }
          const handler = machine.handlers[state] as StepHandler;
          return (await handler(input, lambdaContext(machine.stepNames[state] ?? state, 30_000))) as never;
        },
      ]),
    );
    try {
      const { result } = machine.stateMachine.run(JSON.parse(execution.input), {
        overrides: {
          taskResourceLocalHandlers,
          waitTimeOverrides: Object.fromEntries(machine.waitStates.map((s) => [s, 0])),
          retryIntervalOverrides: Object.fromEntries(machine.taskStates.map((s) => [s, 0])),
        },
        context: {
          Execution: { Id: execution.executionArn, Name: execution.name, Input: JSON.parse(execution.input) },
        } as never,
      });
      execution.output = await result;
      execution.status = 'SUCCEEDED';
    } catch (error) {
      execution.status = 'FAILED';
      execution.error = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      this.deadLetters.push(execution);
      console.error(`Execution ${execution.name} failed: ${execution.error}`);
    } finally {
      if (execution.waitingUntil === null) this.pause();
      else {
        // failed while held (timed out): it was not counted as running, and nothing is to wake
        execution.waitingUntil = null;
        this.wakers.delete(execution.executionArn);
      }
    }
  }
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
}

function answer(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/x-amz-json-1.0' });
  res.end(JSON.stringify(body));
}

/** An endpoint speaking the Step Functions JSON protocol (StartExecution, DescribeExecution) for the runner. */
export async function startStepFunctionsEndpoint(
  runner: LocalStepFunctions,
  port = 0,
): Promise<{ url: string; stop(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    void (async () => {
      const target = String(req.headers['x-amz-target'] ?? '');
      try {
        const body = await readJson(req);
        if (target === 'AWSStepFunctions.StartExecution') {
          const execution = await runner.startExecution(
            String(body.stateMachineArn),
            String(body.name ?? randomUUID()),
            String(body.input ?? '{}'),
          );
          return answer(res, 200, { executionArn: execution.executionArn, startDate: execution.startDate / 1000 });
        }
        if (target === 'AWSStepFunctions.DescribeExecution') {
          const execution = runner.list().find((e) => e.executionArn === body.executionArn);
          if (!execution) return answer(res, 400, { __type: 'ExecutionDoesNotExist', message: 'No such execution' });
          return answer(res, 200, {
            executionArn: execution.executionArn,
            stateMachineArn: execution.stateMachineArn,
            name: execution.name,
            status: execution.status,
            startDate: execution.startDate / 1000,
            input: execution.input,
          });
        }
        answer(res, 400, { __type: 'UnknownOperationException', message: `${target} is not served locally` });
      } catch (error) {
        const name = error instanceof Error ? error.name : 'InternalError';
        answer(res, 400, { __type: name, message: error instanceof Error ? error.message : String(error) });
      }
    })();
  });
  const boundPort = await listenOn(server, port, '127.0.0.1', 'local Step Functions endpoint');
  return {
    url: `http://127.0.0.1:${boundPort}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
