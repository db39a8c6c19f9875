/**
 * What `npm test` needs on this machine besides Node and npm, found once before anything starts, so that a
 * missing one fails at once in one line that says what to install (as a missing Java does: dynamodb-local.ts).
 */
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Where package managers put `mosquitto` outside a user's PATH: Debian/Ubuntu, Homebrew on Intel and on Apple silicon. */
export const MOSQUITTO_DIRS = ['/usr/sbin', '/usr/local/sbin', '/opt/homebrew/sbin'];

export const MOSQUITTO_INSTALL =
  'Debian/Ubuntu: sudo apt-get install mosquitto; macOS: brew install mosquitto; or set MOSQUITTO_BIN';

export interface LookupOptions {
  /** The environment read for `MOSQUITTO_BIN` and `PATH` (default `process.env`). */
  env?: NodeJS.ProcessEnv;
  /** Folders searched after PATH (default {@link MOSQUITTO_DIRS}). */
  dirs?: readonly string[];
}

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * The Mosquitto broker the door-interoperability tests run: `MOSQUITTO_BIN` when set, else `mosquitto` on the
 * PATH, else in {@link MOSQUITTO_DIRS}. Throws a one-line error saying what to install when there is none.
 */
export function findMosquitto(options: LookupOptions = {}): string {
  const env = options.env ?? process.env;
  const given = env.MOSQUITTO_BIN;
  if (given) {
    if (isExecutableFile(given)) return given;
    throw new Error(`Mosquitto not found at MOSQUITTO_BIN=${given} (${MOSQUITTO_INSTALL})`);
  }
  const dirs = [...(env.PATH ?? '').split(delimiter).filter(Boolean), ...(options.dirs ?? MOSQUITTO_DIRS)];
  const found = dirs.map((dir) => join(dir, 'mosquitto')).find(isExecutableFile);
  if (found) return found;
  throw new Error(
    `Mosquitto not found (PATH, ${(options.dirs ?? MOSQUITTO_DIRS).join(', ')}): the door tests need it (${MOSQUITTO_INSTALL})`,
  );
}
