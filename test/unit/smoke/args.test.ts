import { describe, expect, it } from 'vitest';
import { parseSmokeArgs, parseTokenArgs, UsageError } from '../../../lib/smoke/args';

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

describe('parseSmokeArgs', () => {
  const tokens = { COWORKING_MEMBER_TOKEN: 'm', COWORKING_OPERATOR_TOKEN: 'o' };

  it('runs locally on PORT (3000 by default) or a given URL', () => {
    expect(parseSmokeArgs(['--local'], {})).toEqual({ kind: 'local', apiUrl: 'http://127.0.0.1:3000' });
    expect(parseSmokeArgs(['--local'], { PORT: '3100' })).toEqual({ kind: 'local', apiUrl: 'http://127.0.0.1:3100' });
    expect(parseSmokeArgs(['--local', '--api-url', 'http://127.0.0.1:4000/'], {})).toEqual({
      kind: 'local',
      apiUrl: 'http://127.0.0.1:4000',
    });
  });

  it('runs on a stage with tokens from the environment, or users to sign in', () => {
    expect(parseSmokeArgs(['--stage', 'dev'], tokens)).toEqual({ kind: 'stage', stage: 'dev' });
    expect(
      parseSmokeArgs(['--stage', 'prod', '--member-user', 'm@example.com', '--operator-user', 'o@example.com'], {}),
    ).toEqual({ kind: 'stage', stage: 'prod', memberUser: 'm@example.com', operatorUser: 'o@example.com' });
    expect(
      parseSmokeArgs(['--stage', 'dev', '--member-user', 'm@example.com'], { COWORKING_OPERATOR_TOKEN: 'o' }),
    ).toEqual({ kind: 'stage', stage: 'dev', memberUser: 'm@example.com' });
  });

  it('pins a facility, and a space of it', () => {
    expect(parseSmokeArgs(['--local', '--facility', 'tw-shibuya', '--space', 'tw-shibuya-desk'], {})).toMatchObject({
      facilityId: 'tw-shibuya',
      spaceId: 'tw-shibuya-desk',
    });
  });

  it.each([
    [[], {}, 'say either --stage <stage> or --local'],
    [['--stage', 'dev', '--local'], tokens, 'say either --stage <stage> or --local'],
    [['--stage', 'qa'], tokens, 'unknown stage qa: use dev or prod'],
    [
      ['--stage', 'dev'],
      { COWORKING_OPERATOR_TOKEN: 'o' },
      'the member needs a token: set COWORKING_MEMBER_TOKEN or give --member-user <e-mail>',
    ],
    [
      ['--stage', 'dev', '--member-user', 'm@example.com'],
      {},
      'the operator needs a token: set COWORKING_OPERATOR_TOKEN or give --operator-user <e-mail>',
    ],
    [
      ['--stage', 'dev', '--member-user', 'member-basic'],
      tokens,
      '--member-user takes the e-mail address the user signs in with',
    ],
    [['--stage', 'dev', '--api-url', 'http://x'], tokens, '--api-url is for --local: a stage names its own API URL'],
    [
      ['--local', '--operator-user', 'o@example.com'],
      {},
      '--member-user and --operator-user sign in to a stage: with --local the demo users run',
    ],
    [['--local', '--space', 'tw-shibuya-desk'], {}, '--space needs the --facility it belongs to'],
    [['--local', 'extra'], {}, /Unexpected argument 'extra'/],
  ])('%j is refused', (argv, env, message) => {
    expect(() => parseSmokeArgs(argv, env)).toThrow(UsageError);
    expect(() => parseSmokeArgs(argv, env)).toThrow(message);
  });
});
