/**
 * Questions on the terminal for the sign-in: passwords without echo (raw mode, nothing written back but the
 * newline), codes with echo; an answer the environment already holds is taken from there (CI has no terminal).
 */
import { createInterface } from 'node:readline';
import type { SignInPrompts } from './sign-in';

/** The terminal's two ends: stdin (a TTY, for raw mode) and where questions go (stderr: stdout is the answer). */
export interface Terminal {
  input: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };
  output: NodeJS.WritableStream;
}

/** No terminal to ask on, and the environment did not hold the answer either. */
export class NoTerminalError extends Error {
  override name = 'NoTerminalError';
}

/** The person at the keyboard gave up (Ctrl-C, or Ctrl-D on an empty line). */
export class CancelledError extends Error {
  override name = 'CancelledError';
}

const CTRL_C = '\u0003';
const CTRL_D = '\u0004';
const ESC = '\u001b';
const BACKSPACES = new Set(['\u007f', '\b']);

/**
 * Reads a line from a TTY in raw mode, echoing nothing (not even stars) but the final newline.
 * @throws NoTerminalError when the input is not a TTY; CancelledError on Ctrl-C or Ctrl-D on an empty line
 */
export function askHidden(question: string, terminal: Terminal, why: string): Promise<string> {
  const { input, output } = terminal;
  if (!input.isTTY || !input.setRawMode) return Promise.reject(new NoTerminalError(why));
  const setRawMode = input.setRawMode.bind(input);
  output.write(question);
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = (error?: Error) => {
      input.removeListener('data', onData);
      setRawMode(false);
      input.pause();
      output.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: Buffer | string) => {
      const text = chunk.toString();
      // an arrow or function key: an escape sequence, never part of a password
      if (text.startsWith(ESC)) return;
      for (const char of text) {
        if (char === '\r' || char === '\n') return finish();
        if (char === CTRL_C) return finish(new CancelledError('cancelled'));
        if (char === CTRL_D) return typed === '' ? finish(new CancelledError('cancelled')) : finish();
        if (BACKSPACES.has(char)) typed = [...typed].slice(0, -1).join('');
        else if (char >= ' ') typed += char;
      }
    };
    setRawMode(true);
    input.on('data', onData);
    input.resume();
  });
}

/** Reads a line with echo (a one-time code). @throws NoTerminalError when the input is not a TTY */
export function ask(question: string, terminal: Terminal, why: string): Promise<string> {
  if (!terminal.input.isTTY) return Promise.reject(new NoTerminalError(why));
  const lines = createInterface({ input: terminal.input, output: terminal.output, terminal: false });
  terminal.output.write(question);
  return new Promise((resolve) => {
    lines.once('line', (line) => {
      lines.close();
      resolve(line.trim());
    });
  });
}

/** Where each answer of a sign-in comes from: an environment variable, else the terminal. */
export interface PromptSources {
  /** The e-mail address signing in, named in the questions. */
  user: string;
  env: NodeJS.ProcessEnv;
  terminal: Terminal;
  /** The variable holding the password (e.g. COWORKING_PASSWORD). */
  passwordVariable: string;
  /** The variable holding a new password for a first sign-in; without it, only the terminal is asked. */
  newPasswordVariable?: string;
  /** Said when the first sign-in needs a new password and neither the variable nor a terminal gives one. */
  newPasswordHint?: string;
}

/**
 * Sign-in prompts that take each answer from the environment when it is set there and ask on the terminal
 * otherwise (a new password twice, to catch a typo).
 */
export function signInPrompts(sources: PromptSources): SignInPrompts {
  const { user, env, terminal, passwordVariable, newPasswordVariable } = sources;
  const fromEnv = (name: string | undefined) => (name ? env[name] : undefined) || undefined;
  return {
    password: async () =>
      fromEnv(passwordVariable) ??
      askHidden(
        `Password for ${user}: `,
        terminal,
        `No terminal to ask ${user}'s password on: set ${passwordVariable}`,
      ),
    newPassword: async () => {
      const given = fromEnv(newPasswordVariable);
      if (given) return given;
      const why =
        sources.newPasswordHint ??
        `${user} signs in for the first time and needs a new password: set ${newPasswordVariable} or use a terminal`;
      const first = await askHidden(`New password for ${user} (first sign-in): `, terminal, why);
      const again = await askHidden('The new password again: ', terminal, why);
      if (first !== again) throw new CancelledError('The two new passwords differ: nothing was changed');
      return first;
    },
    totpCode: async () =>
      fromEnv('COWORKING_TOTP_CODE') ??
      ask(
        `Code of ${user}'s authenticator app: `,
        terminal,
        `${user} has TOTP turned on: set COWORKING_TOTP_CODE or use a terminal`,
      ),
  };
}
