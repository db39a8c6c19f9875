import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { isPortFree } from './ports';

/** Where `npm start` runs DynamoDB Local unless `DYNAMODB_PORT` says otherwise. */
export const DEFAULT_DYNAMODB_PORT = 8000;

/** The npm package whose tarball carries DynamoDB Local (under `package/emulator/`). */
export const DYNAMODB_LOCAL_PACKAGE = 'amplify-dynamodb-simulator';
/** Pinned version of {@link DYNAMODB_LOCAL_PACKAGE}; 2.9.30 ships DynamoDB Local 1.25.1. */
export const DYNAMODB_LOCAL_PACKAGE_VERSION = '2.9.30';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Where the unpacked emulator is cached by default (`<project>/.cache/dynamodb-local`, git-ignored). */
export const defaultDynamoDbLocalCacheDir = join(projectRoot, '.cache', 'dynamodb-local');

export const JAVA_MISSING_MESSAGE =
  'Java not found: DynamoDB Local needs a JDK 17+ (Debian/Ubuntu: sudo apt-get install openjdk-17-jre-headless; macOS: brew install openjdk@17)';

export function portInUseMessage(port: number): string {
  return `Port ${port} is in use (set DYNAMODB_PORT to another port)`;
}

export interface DynamoDbLocalOptions {
  port: number;
  /** Cache folder for the unpacked emulator; defaults to {@link defaultDynamoDbLocalCacheDir}. */
  cacheDir?: string;
  /** Receives the emulator's output lines and a few progress messages. */
  log?: (line: string) => void;
  /** The Java launcher; `java` (from PATH) by default. */
  javaCommand?: string;
  /** Extra JVM options placed before `-jar` (e.g. `-XX:TieredStopAtLevel=1` starts ~1 s faster). */
  jvmArgs?: string[];
  /** How long to wait for the first answer; 30 s by default. */
  startTimeoutMs?: number;
}

export interface DynamoDbLocal {
  endpoint: string;
  port: number;
  pid: number;
  /** SIGTERM, then SIGKILL after 3 s; resolves once the Java process has exited. Idempotent. */
  stop(): Promise<void>;
}

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], cwd?: string): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function lastLines(text: string, count = 20): string {
  return text.trim().split('\n').slice(-count).join('\n');
}

const hasJar = (dir: string) => existsSync(join(dir, 'DynamoDBLocal.jar'));

/**
 * Makes sure the DynamoDB Local emulator is unpacked in the cache and returns the folder holding
 * `DynamoDBLocal.jar` and `DynamoDBLocal_lib/`. The first call fetches the pinned
 * `amplify-dynamodb-simulator` tarball with `npm pack` and unpacks only its `emulator/` folder.
 * Safe when several processes race: each unpacks into its own temp folder and renames it into place;
 * the loser of the rename uses the winner's folder.
 */
export async function ensureDynamoDbLocal(
  cacheDir: string = defaultDynamoDbLocalCacheDir,
  log?: (line: string) => void,
): Promise<string> {
  const target = join(cacheDir, `${DYNAMODB_LOCAL_PACKAGE}-${DYNAMODB_LOCAL_PACKAGE_VERSION}`);
  if (hasJar(target)) return target;
  // A target without the jar can only be left by hand (the rename below is atomic): start over.
  if (existsSync(target)) await rm(target, { recursive: true, force: true });

  await mkdir(cacheDir, { recursive: true });
  const work = await mkdtemp(join(cacheDir, '.fetch-'));
  try {
    const spec = `${DYNAMODB_LOCAL_PACKAGE}@${DYNAMODB_LOCAL_PACKAGE_VERSION}`;
    log?.(`Fetching ${spec} (DynamoDB Local) into ${cacheDir}`);
    const pack = await run('npm', ['pack', spec, '--pack-destination', work, '--ignore-scripts'], projectRoot).catch(
      (error: Error) => {
        throw new Error(`npm pack ${spec} could not start: ${error.message}`);
      },
    );
    const tarball = (await readdir(work)).find((name) => name.endsWith('.tgz'));
    if (pack.code !== 0 || tarball === undefined) {
      throw new Error(`npm pack ${spec} failed (exit ${pack.code}):\n${lastLines(pack.stderr)}`);
    }
    const tarballPath = join(work, tarball);
    const unpacked = join(work, 'emulator');
    await mkdir(unpacked);
    const untar = await run('tar', ['-xzf', tarballPath, '-C', unpacked, '--strip-components=2', 'package/emulator']);
    if (untar.code !== 0)
      throw new Error(`Unpacking ${tarball} failed (exit ${untar.code}):\n${lastLines(untar.stderr)}`);
    if (!hasJar(unpacked)) throw new Error(`${tarball} has no emulator/DynamoDBLocal.jar`);
    await rm(tarballPath, { force: true });
    try {
      await rename(unpacked, target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (!((code === 'ENOTEMPTY' || code === 'EEXIST') && hasJar(target))) throw error;
    }
    return target;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function javaVersion(javaCommand: string): Promise<string> {
  let result: RunResult;
  try {
    result = await run(javaCommand, ['-version']);
  } catch {
    throw new Error(JAVA_MISSING_MESSAGE);
  }
  if (result.code !== 0) throw new Error(`${JAVA_MISSING_MESSAGE} [\`${javaCommand} -version\` exited ${result.code}]`);
  return (result.stderr || result.stdout).trim().split('\n')[0] ?? '';
}

// Cleanup of Java processes when this process goes away.
const running = new Set<ChildProcess>();
const exitSignals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
let handlersInstalled = false;

function killAll(): void {
  for (const child of running) {
    try {
      child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
}

function onSignal(signal: NodeJS.Signals): void {
  killAll();
  // When nobody else handles the signal, restore the default (terminate) and re-raise it.
  if (process.listenerCount(signal) === 1) {
    uninstallHandlers();
    process.kill(process.pid, signal);
  }
}
const signalHandlers = new Map(exitSignals.map((signal) => [signal, () => onSignal(signal)]));

function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', killAll);
  for (const [signal, handler] of signalHandlers) process.on(signal, handler);
}

function uninstallHandlers(): void {
  if (!handlersInstalled) return;
  handlersInstalled = false;
  process.off('exit', killAll);
  for (const [signal, handler] of signalHandlers) process.off(signal, handler);
}

/**
 * Kills `pid` when our stdin pipe closes, i.e. when this process dies in a way no handler sees
 * (SIGKILL, a crash). A tiny Node process; unref'd so it never keeps this process alive.
 */
function spawnWatchdog(pid: number): ChildProcess {
  const script =
    "const pid=Number(process.argv[1]);const kill=()=>{try{process.kill(pid,'SIGKILL')}catch{}process.exit(0)};" +
    "process.stdin.on('end',kill);process.stdin.on('error',kill);process.stdin.resume();";
  const watchdog = spawn(process.execPath, ['-e', script, String(pid)], { stdio: ['pipe', 'ignore', 'ignore'] });
  watchdog.on('error', () => {});
  watchdog.unref();
  (watchdog.stdin as Socket | null)?.unref();
  return watchdog;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Starts DynamoDB Local (`-inMemory -sharedDb -disableTelemetry`) on `port` and resolves once it
 * answers ListTables. Throws one-line errors when Java is missing or the port is taken.
 */
export async function startDynamoDbLocal(options: DynamoDbLocalOptions): Promise<DynamoDbLocal> {
  const { port, log, javaCommand = 'java', jvmArgs = [], startTimeoutMs = 30_000 } = options;
  const started = Date.now();
  const version = await javaVersion(javaCommand);
  if (!(await isPortFree(port))) throw new Error(portInUseMessage(port));
  const dir = await ensureDynamoDbLocal(options.cacheDir, log);
  log?.(`Starting DynamoDB Local on port ${port} with ${version}`);

  const child = spawn(
    javaCommand,
    [
      ...jvmArgs,
      `-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`,
      '-jar',
      join(dir, 'DynamoDBLocal.jar'),
      '-inMemory',
      '-sharedDb',
      '-disableTelemetry',
      '-port',
      String(port),
    ],
    { cwd: dir, detached: false, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const output: string[] = [];
  const collect = (chunk: string) => {
    for (const line of chunk.split('\n')) {
      if (line.trim() === '') continue;
      output.push(line);
      if (output.length > 40) output.shift();
      log?.(line);
    }
  };
  child.stdout?.setEncoding('utf8').on('data', collect);
  child.stderr?.setEncoding('utf8').on('data', collect);

  let spawnError: Error | undefined;
  const exited = new Promise<void>((resolve) => {
    child.once('error', (error) => {
      spawnError = error;
      resolve();
    });
    child.once('exit', () => resolve());
  });
  const hasExited = () => spawnError !== undefined || child.exitCode !== null || child.signalCode !== null;

  if (child.pid === undefined) {
    await exited;
    throw new Error(`DynamoDB Local could not start: ${spawnError?.message ?? 'no pid'}`);
  }
  const pid = child.pid;
  running.add(child);
  installHandlers();
  const watchdog = spawnWatchdog(pid);
  void exited.then(() => {
    running.delete(child);
    watchdog.kill();
    if (running.size === 0) uninstallHandlers();
  });

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (hasExited()) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
      await exited;
      clearTimeout(timer);
    })();
    return stopping;
  };

  const endpoint = `http://127.0.0.1:${port}`;
  const probe = new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
    requestHandler: { connectionTimeout: 1_000, requestTimeout: 2_000 },
  });
  try {
    const deadline = started + startTimeoutMs;
    let lastError: unknown;
    for (;;) {
      if (hasExited()) {
        const text = output.join('\n');
        if (/BindException|Address already in use/.test(text)) throw new Error(portInUseMessage(port));
        const how = spawnError?.message ?? `code ${child.exitCode}, signal ${child.signalCode}`;
        throw new Error(`DynamoDB Local exited (${how}) before it was ready:\n${lastLines(text)}`);
      }
      try {
        await probe.send(new ListTablesCommand({ Limit: 1 }));
        break;
      } catch (error) {
        lastError = error;
      }
      if (Date.now() > deadline) {
        await stop();
        const reason = lastError instanceof Error ? lastError.message : String(lastError);
        throw new Error(
          `DynamoDB Local did not answer on ${endpoint} within ${Math.round(startTimeoutMs / 1000)} s (${reason}):\n${lastLines(output.join('\n'))}`,
        );
      }
      await Promise.race([sleep(150), exited]);
    }
  } catch (error) {
    await stop();
    throw error;
  } finally {
    probe.destroy();
  }
  log?.(`DynamoDB Local answers on ${endpoint} (${Date.now() - started} ms)`);
  return { endpoint, port, pid, stop };
}
