/**
 * A measurement in a fresh Node process: `node --import tsx --expose-gc <file> <arg>` with the bench's environment and
 * some more, whose last stdout line is the JSON it measured.
 */
import { spawn } from 'node:child_process';

/** Runs `file` with `arg` in a fresh process; its last line of stdout, parsed. Rejects on a non-zero exit. */
export function measureInChild<T>(file: string, arg: string, env: NodeJS.ProcessEnv, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
    // as in the cloud (and the rest of the bench): answers are not checked against their schemas on the way out
    delete childEnv.VALIDATE_RESPONSES;
    const child = spawn(process.execPath, ['--import', 'tsx', '--expose-gc', file, arg], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: childEnv,
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line.startsWith('{')) {
        reject(new Error(`${what} exited ${code}: ${err.trim().slice(-800)}`));
        return;
      }
      resolve(JSON.parse(line) as T);
    });
  });
}
