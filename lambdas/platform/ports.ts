/**
 * The ports services take, besides their repositories: what they ask of the outside world. Each has an AWS
 * adapter in `adapters/` (and the local stack points those at its stand-ins); service tests give fakes.
 */
import type { KeypadCodeMessage, UnlockCommand as UnlockMessage } from '../../contracts/mqtt';
import type { TimerTaskInput, WorkflowId } from '../../contracts/workflows';

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
  start(workflow: WorkflowId, name: string, input: TimerTaskInput): Promise<void>;
}

/** Where handlers and timers read the time (epoch milliseconds). */
export interface Clock {
  now(): number;
}

/** New unique ids (and, with the same shape, new keypad codes: six digits from a CSPRNG). */
export interface Ids {
  next(): string;
}
