import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { askHidden, CancelledError, NoTerminalError, signInPrompts, type Terminal } from '../../../lib/smoke/prompt';

/** A terminal whose keyboard the test types on: records raw mode and everything written to the screen. */
function fakeTerminal(isTTY = true) {
  const input = Object.assign(new PassThrough(), { isTTY, rawModes: [] as boolean[], setRawMode: (_: boolean) => {} });
  input.setRawMode = (mode: boolean) => {
    input.rawModes.push(mode);
    return input;
  };
  const output = new PassThrough();
  let screen = '';
  output.on('data', (chunk: Buffer) => {
    screen += chunk.toString('utf8');
  });
  const terminal: Terminal = { input, output };
  const type = (...keys: string[]) => {
    for (const key of keys) input.write(key);
  };
  return { terminal, input, screen: () => screen, type };
}

describe('askHidden', () => {
  it('reads a line in raw mode and shows nothing of it', async () => {
    const t = fakeTerminal();
    const answer = askHidden('Password for op@example.com: ', t.terminal, 'why');
    t.type('Se', 'cret-1', '!\r');
    expect(await answer).toBe('Secret-1!');
    expect(t.screen()).toBe('Password for op@example.com: \n');
    expect(t.input.rawModes).toEqual([true, false]);
  });

  it('takes backspace, ignores arrow keys, and ends on a newline too', async () => {
    const t = fakeTerminal();
    const answer = askHidden('? ', t.terminal, 'why');
    t.type('abcx', '\u007f', '\u001b[D', 'd\bD', '\n');
    expect(await answer).toBe('abcD');
  });

  it('gives up on Ctrl-C, and on Ctrl-D before anything was typed', async () => {
    for (const key of ['\u0003', '\u0004']) {
      const t = fakeTerminal();
      const answer = askHidden('? ', t.terminal, 'why');
      t.type(key);
      await expect(answer).rejects.toThrow(CancelledError);
      expect(t.input.rawModes).toEqual([true, false]);
    }
  });

  it('does not ask without a terminal, saying why it wanted to', async () => {
    const t = fakeTerminal(false);
    await expect(askHidden('? ', t.terminal, 'set COWORKING_PASSWORD')).rejects.toThrow(
      new NoTerminalError('set COWORKING_PASSWORD'),
    );
    expect(t.screen()).toBe('');
  });
});

describe('signInPrompts', () => {
  const sources = (env: Record<string, string>, terminal: Terminal) => ({
    user: 'op@example.com',
    env,
    terminal,
    passwordVariable: 'COWORKING_PASSWORD',
    newPasswordVariable: 'COWORKING_NEW_PASSWORD',
  });

  it('takes the answers the environment holds and asks nothing', async () => {
    const t = fakeTerminal(false);
    const prompts = signInPrompts(
      sources({ COWORKING_PASSWORD: 'p', COWORKING_NEW_PASSWORD: 'n', COWORKING_TOTP_CODE: '123456' }, t.terminal),
    );
    expect([await prompts.password(), await prompts.newPassword(), await prompts.totpCode()]).toEqual([
      'p',
      'n',
      '123456',
    ]);
    expect(t.screen()).toBe('');
  });

  it('asks on the terminal otherwise: the new password twice', async () => {
    const t = fakeTerminal();
    const prompts = signInPrompts(sources({}, t.terminal));
    const password = prompts.password();
    t.type('old\r');
    expect(await password).toBe('old');
    const newPassword = prompts.newPassword();
    t.type('New-Pass-1!\r');
    await new Promise((resolve) => setImmediate(resolve));
    t.type('New-Pass-1!\r');
    expect(await newPassword).toBe('New-Pass-1!');
    expect(t.screen()).toBe(
      'Password for op@example.com: \nNew password for op@example.com (first sign-in): \nThe new password again: \n',
    );
    const code = prompts.totpCode();
    t.type(' 654321 \n');
    expect(await code).toBe('654321');
  });

  it('refuses two new passwords that differ', async () => {
    const t = fakeTerminal();
    const newPassword = signInPrompts(sources({}, t.terminal)).newPassword();
    t.type('New-Pass-1!\r');
    await new Promise((resolve) => setImmediate(resolve));
    t.type('New-Pass-2!\r');
    await expect(newPassword).rejects.toThrow('The two new passwords differ: nothing was changed');
  });

  it('says which variable to set when there is no terminal', async () => {
    const t = fakeTerminal(false);
    const prompts = signInPrompts({ ...sources({}, t.terminal), newPasswordHint: 'run npm run token first' });
    await expect(prompts.password()).rejects.toThrow(
      "No terminal to ask op@example.com's password on: set COWORKING_PASSWORD",
    );
    await expect(prompts.newPassword()).rejects.toThrow('run npm run token first');
    await expect(prompts.totpCode()).rejects.toThrow('set COWORKING_TOTP_CODE or use a terminal');
  });
});
