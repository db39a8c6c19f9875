import { describe, expect, it } from 'vitest';
import { parseTokenArgs, UsageError } from '../../../lib/smoke/args';

describe('parseTokenArgs: the local form, as it always was', () => {
  it.each([
    [['member-basic'], { sub: 'member-basic', role: 'member' }],
    [['member-me'], { sub: 'member-me', role: 'member' }],
    [['op-tw-staff'], { sub: 'op-tw-staff', role: 'operator', partnerId: 'partner-tw', operatorRole: 'staff' }],
    [['admin-1'], { sub: 'admin-1', role: 'admin' }],
    [
      ['op-x', 'operator', 'partner-tw', 'full'],
      { sub: 'op-x', role: 'operator', partnerId: 'partner-tw', operatorRole: 'full' },
    ],
    [
      ['op-tw-staff', 'operator', 'partner-h1t'],
      { sub: 'op-tw-staff', role: 'operator', partnerId: 'partner-h1t', operatorRole: 'staff' },
    ],
    [['someone', 'admin'], { sub: 'someone', role: 'admin' }],
  ])('%j → %j', (argv, subject) => {
    expect(parseTokenArgs(argv)).toEqual({ kind: 'local', subject });
  });

  it.each([
    [[], 'a sub is needed'],
    [['x', 'guest'], 'unknown role guest: use member, operator or admin'],
    [['op-x', 'operator'], 'an operator token needs a partnerId and an operatorRole (full, staff or usage)'],
  ])('%j is refused: %s', (argv, message) => {
    expect(() => parseTokenArgs(argv)).toThrow(new UsageError(message));
  });
});

describe('parseTokenArgs: the stage form', () => {
  it('reads the stage and the e-mail address, in either order and with =', () => {
    const request = { kind: 'stage', stage: 'dev', user: 'op@example.com' };
    expect(parseTokenArgs(['--stage', 'dev', '--user', 'op@example.com'])).toEqual(request);
    expect(parseTokenArgs(['--user=op@example.com', '--stage=dev'])).toEqual(request);
    expect(parseTokenArgs(['--stage', 'prod', '--user', 'a@b.c'])).toMatchObject({ stage: 'prod' });
  });

  it.each([
    [['--stage', 'qa', '--user', 'a@b.c'], 'unknown stage qa: use dev or prod'],
    [['--user', 'a@b.c'], '--stage takes a stage: dev or prod'],
    [['--stage', 'dev'], '--user takes the e-mail address the user signs in with'],
    [['--stage', 'dev', '--user', 'op-tw-full'], '--user takes the e-mail address the user signs in with'],
    [['op-tw-full', '--stage', 'dev', '--user', 'a@b.c'], /drop op-tw-full \(that is the local form\)/],
    [['--stage', 'dev', '--user', 'a@b.c', '--password', 'x'], /Unknown option '--password'/],
  ])('%j is refused', (argv, message) => {
    expect(() => parseTokenArgs(argv)).toThrow(UsageError);
    expect(() => parseTokenArgs(argv)).toThrow(message);
  });

  it('answers --help and -h with the usage', () => {
    expect(parseTokenArgs(['--help'])).toEqual({ kind: 'help' });
    expect(parseTokenArgs(['-h'])).toEqual({ kind: 'help' });
  });
});
