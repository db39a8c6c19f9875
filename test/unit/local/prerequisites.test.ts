import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findMosquitto } from '../../../lib/local/prerequisites';

// bin/mosquitto is executable, plain/mosquitto is not.
const dir = mkdtempSync(join(tmpdir(), 'prerequisites-'));
const bin = join(dir, 'bin');
const plain = join(dir, 'plain');
for (const [folder, mode] of [
  [bin, 0o755],
  [plain, 0o644],
] as const) {
  mkdirSync(folder);
  writeFileSync(join(folder, 'mosquitto'), '#!/bin/sh\n');
  chmodSync(join(folder, 'mosquitto'), mode);
}
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('findMosquitto', () => {
  it('fails in one line that says what to install when it is nowhere', () => {
    const lookup = () => findMosquitto({ env: { PATH: join(dir, 'nowhere') }, dirs: [plain] });
    expect(lookup).toThrowError(
      /^Mosquitto not found \(PATH, .*plain\): the door tests need it \(Debian\/Ubuntu: sudo apt-get install mosquitto; macOS: brew install mosquitto; or set MOSQUITTO_BIN\)$/,
    );
  });

  it('fails naming a MOSQUITTO_BIN that is not there', () => {
    expect(() => findMosquitto({ env: { MOSQUITTO_BIN: '/bogus/mosquitto', PATH: bin } })).toThrowError(
      /^Mosquitto not found at MOSQUITTO_BIN=\/bogus\/mosquitto \(Debian\/Ubuntu: .*\)$/,
    );
  });

  it('takes MOSQUITTO_BIN, else the PATH, else the folders apt and brew use', () => {
    const mine = join(bin, 'mosquitto');
    expect(findMosquitto({ env: { MOSQUITTO_BIN: mine }, dirs: [] })).toBe(mine);
    expect(findMosquitto({ env: { PATH: `${plain}:${bin}` }, dirs: [] })).toBe(mine);
    expect(findMosquitto({ env: { PATH: '' }, dirs: [plain, bin] })).toBe(mine);
  });
});
