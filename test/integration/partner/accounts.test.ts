/**
 * A partner's operator accounts and profile (api.md "Partner routes", "Wave 2 details"; 004 §1), and the back office's
 * new partner: full operators only, another partner's account 404, If-Match on edits, every refusal read back
 * unchanged; a disabled account's earlier token is refused at once and a changed role applies at once; a partner keeps
 * an active full operator.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { OperatorRole } from '../../../contracts/auth';
import { adminToken, operatorToken } from '../support/local-stack';
import { h1t, member, partnerStack, tw } from './support';

const ACCOUNTS = '/v1/operator/accounts';
const PARTNER = '/v1/operator/partner';

const stackApi = partnerStack();

const accountPath = (operatorId: string) => `${ACCOUNTS}/${operatorId}`;
const listOf = async (token = tw('full')) => (await stackApi().get(ACCOUNTS, token)).body.items;
const accountOf = (operatorId: string, token = tw('full')) => stackApi().get(accountPath(operatorId), token);
const newEmail = (who = 'staff') => `${who}-${randomUUID().slice(0, 8)}@tw.example.com`;

/** A new account of TIMEWORK渋谷 made by its full operator, and a token of it (with the role it was made with). */
async function newTwAccount(role: OperatorRole) {
  const answer = await stackApi().post(ACCOUNTS, { email: newEmail(role), name: `新しい${role}`, role }, tw('full'));
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return { ...answer.body, token: operatorToken(answer.body.operatorId, 'partner-tw', role) };
}

/** Edits an account with the ETag it has now. */
async function edit(operatorId: string, patch: unknown, token = tw('full')) {
  const current = await accountOf(operatorId, token);
  return stackApi().patch(accountPath(operatorId), patch, token, { 'if-match': String(current.etag) });
}

/** A new partner from the back office, its first (full) account, and a token of that account. */
async function newPartner(name = '新しい加盟店') {
  const answer = await stackApi().post(
    '/v1/admin/partners',
    {
      name,
      payoutRatePercent: 65,
      paymentNoticeEmails: ['billing@new.example.com'],
      admin: { email: newEmail('admin'), name: '管理者' },
    },
    adminToken(),
  );
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  const { partner, admin } = answer.body;
  return { partner, admin, token: operatorToken(admin.operatorId, partner.partnerId, 'full') };
}

describe('reading accounts', () => {
  it('lists the partner’s accounts, oldest first, to its full operators only', async () => {
    const items = await listOf();
    expect(items.map((a: { operatorId: string }) => a.operatorId)).toEqual([
      'op-tw-full',
      'op-tw-staff',
      'op-tw-usage',
    ]);
    expect(items[0]).toEqual({
      operatorId: 'op-tw-full',
      partnerId: 'partner-tw',
      version: 1,
      email: 'op-tw-full@example.com',
      name: 'TIMEWORK渋谷 管理者',
      role: 'full',
      status: 'active',
      createdAt: '2026-04-01T00:00:00+09:00',
    });
    expect((await listOf(h1t('full'))).every((a: { partnerId: string }) => a.partnerId === 'partner-h1t')).toBe(true);
    for (const token of [tw('staff'), tw('usage'), member])
      expect((await stackApi().get(ACCOUNTS, token)).status).toBe(403);
  });

  it('answers one account with its version as ETag; another partner’s or an unknown one is 404', async () => {
    const answer = await accountOf('op-tw-staff');
    expect(answer.status).toBe(200);
    expect(answer.etag).toBe(`"${answer.body.version}"`);
    expect(answer.body).toMatchObject({ operatorId: 'op-tw-staff', role: 'staff', status: 'active' });
    expect((await accountOf('op-tw-staff', h1t('full'))).status).toBe(404);
    expect((await accountOf('op-h1t-full')).status).toBe(404);
    expect((await accountOf(`op-${randomUUID()}`)).status).toBe(404);
  });
});

describe('creating an account', () => {
  it('makes an active account, its e-mail in lower case, whose token works at once in its role', async () => {
    const email = newEmail();
    const answer = await stackApi().post(
      ACCOUNTS,
      { email: email.toUpperCase(), name: '受付スタッフ', role: 'staff' },
      tw('full'),
    );
    expect(answer.status).toBe(201);
    expect(answer.etag).toBe('"1"');
    expect(answer.body).toMatchObject({
      partnerId: 'partner-tw',
      email,
      name: '受付スタッフ',
      role: 'staff',
      status: 'active',
      version: 1,
    });
    expect(answer.body.createdAt).toBe('2026-11-24T10:00:00+09:00');
    expect((await listOf()).map((a: { operatorId: string }) => a.operatorId)).toContain(answer.body.operatorId);
    const token = operatorToken(answer.body.operatorId, 'partner-tw', 'staff');
    expect((await stackApi().get('/v1/operator/facilities', token)).status).toBe(200);
    expect((await stackApi().get(ACCOUNTS, token)).status).toBe(403);
  });

  it.each([
    ['an e-mail an account signs in with', 'op-tw-staff@example.com'],
    ['the same e-mail in capitals', 'OP-H1T-FULL@EXAMPLE.COM'],
  ])('refuses %s with 409 INVALID_STATE, making nothing', async (_, email) => {
    const before = await listOf();
    const answer = await stackApi().post(ACCOUNTS, { email, name: '重複', role: 'staff' }, tw('full'));
    expect(answer).toMatchObject({ status: 409, body: { code: 'INVALID_STATE' } });
    expect(await listOf()).toEqual(before);
  });

  it.each([
    ['an unknown role', { role: 'owner' }, 'body.role'],
    ['an e-mail that is none', { email: 'not-an-address' }, 'body.email'],
    ['an empty name', { name: ' ' }, 'body.name'],
    ['a status (every new account is active)', { status: 'inactive' }, 'body.status'],
  ])('refuses %s with 400 naming the field, making nothing', async (_, change, field) => {
    const before = await listOf();
    const body = { email: newEmail(), name: '受付', role: 'staff', ...change };
    const answer = await stackApi().post(ACCOUNTS, body, tw('full'));
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await listOf()).toEqual(before);
  });

  it('is for full operators only (403), making nothing', async () => {
    const before = await listOf();
    for (const token of [tw('staff'), tw('usage')]) {
      expect((await stackApi().post(ACCOUNTS, { email: newEmail(), name: 'x', role: 'usage' }, token)).status).toBe(
        403,
      );
    }
    expect(await listOf()).toEqual(before);
  });
});

describe('a disabled account', () => {
  it('is refused at once (401), even with a token issued before; enabled again, the token works again', async () => {
    const staff = await newTwAccount('staff');
    expect((await stackApi().get('/v1/operator/facilities', staff.token)).status).toBe(200);
    const disabled = await edit(staff.operatorId, { status: 'inactive' });
    expect(disabled.status).toBe(200);
    expect(disabled.body).toMatchObject({ status: 'inactive', version: 2 });
    const refused = await stackApi().get('/v1/operator/facilities', staff.token);
    expect(refused).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
    expect((await edit(staff.operatorId, { status: 'active' })).status).toBe(200);
    expect((await stackApi().get('/v1/operator/facilities', staff.token)).status).toBe(200);
  });

  it('refuses a token of an account that does not exist, or that names another partner than the account’s', async () => {
    const unknown = operatorToken(`op-${randomUUID()}`, 'partner-tw', 'full');
    expect(await stackApi().get('/v1/operator/facilities', unknown)).toMatchObject({
      status: 401,
      body: { code: 'UNAUTHENTICATED' },
    });
    const elsewhere = operatorToken('op-tw-full', 'partner-h1t', 'full');
    expect(await stackApi().get('/v1/operator/facilities', elsewhere)).toMatchObject({
      status: 401,
      body: { code: 'UNAUTHENTICATED' },
    });
  });
});

describe('a changed role', () => {
  it('applies at once, whatever role the token was issued with', async () => {
    const account = await newTwAccount('usage');
    expect((await stackApi().get('/v1/operator/facilities', account.token)).status).toBe(403);
    expect((await edit(account.operatorId, { role: 'full' })).body).toMatchObject({ role: 'full', version: 2 });
    expect((await stackApi().get(ACCOUNTS, account.token)).status).toBe(200);
    expect((await edit(account.operatorId, { role: 'staff' }, account.token)).body).toMatchObject({ role: 'staff' });
    expect((await stackApi().get('/v1/operator/facilities', account.token)).status).toBe(200);
    expect((await stackApi().get(ACCOUNTS, account.token)).status).toBe(403);
  });
});

describe('editing an account', () => {
  it('changes its name alone, keeping role and status', async () => {
    const account = await newTwAccount('staff');
    const answer = await edit(account.operatorId, { name: '夜間スタッフ' });
    expect(answer.status).toBe(200);
    expect(answer.etag).toBe('"2"');
    expect(answer.body).toMatchObject({ name: '夜間スタッフ', role: 'staff', status: 'active', email: account.email });
    expect((await accountOf(account.operatorId)).body).toEqual(answer.body);
  });

  it('needs If-Match (428) on the current version (412), full (403) of the same partner (404), writing nothing', async () => {
    const path = accountPath('op-tw-staff');
    const before = await accountOf('op-tw-staff');
    const tries: Array<[number, Promise<{ status: number }>]> = [
      [428, stackApi().patch(path, { role: 'usage' }, tw('full'))],
      [412, stackApi().patch(path, { role: 'usage' }, tw('full'), { 'if-match': '"99"' })],
      [403, stackApi().patch(path, { role: 'usage' }, tw('staff'), { 'if-match': String(before.etag) })],
      [404, stackApi().patch(path, { role: 'usage' }, h1t('full'), { 'if-match': String(before.etag) })],
    ];
    for (const [status, answer] of tries) expect((await answer).status).toBe(status);
    expect((await accountOf('op-tw-staff')).body).toEqual(before.body);
  });

  it.each([
    ['an unknown status', { status: 'deleted' }, 'body.status'],
    ['an e-mail (the sign-in name stays)', { email: 'new@example.com' }, 'body.email'],
    ['nothing', {}, 'body'],
  ])('refuses %s with 400, writing nothing', async (_, patch, field) => {
    const before = await accountOf('op-tw-usage');
    const answer = await stackApi().patch(accountPath('op-tw-usage'), patch, tw('full'), {
      'if-match': String(before.etag),
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect((await accountOf('op-tw-usage')).body).toEqual(before.body);
  });
});

describe('the partner’s last active full operator', () => {
  it.each([
    ['disable', { status: 'inactive' }],
    ['demote', { role: 'staff' }],
  ])('may not %s itself (409 INVALID_STATE), and nothing changes', async (_, patch) => {
    const before = await accountOf('op-tw-full');
    const answer = await stackApi().patch(accountPath('op-tw-full'), patch, tw('full'), {
      'if-match': String(before.etag),
    });
    expect(answer).toMatchObject({ status: 409, body: { code: 'INVALID_STATE' } });
    expect((await accountOf('op-tw-full')).body).toEqual(before.body);
    expect((await stackApi().get(ACCOUNTS, tw('full'))).status).toBe(200);
  });

  it('may step down once another full operator is active; then that one is the last', async () => {
    const { partner, admin, token } = await newPartner();
    const second = await stackApi().post(
      ACCOUNTS,
      { email: newEmail('second'), name: '副管理者', role: 'full' },
      token,
    );
    expect(second.status).toBe(201);
    const secondToken = operatorToken(second.body.operatorId, partner.partnerId, 'full');
    const path = (id: string) => accountPath(id);
    const etagOf = async (id: string) => String((await stackApi().get(path(id), secondToken)).etag);
    const stepDown = await stackApi().patch(path(admin.operatorId), { role: 'staff' }, token, {
      'if-match': await etagOf(admin.operatorId),
    });
    expect(stepDown.body).toMatchObject({ role: 'staff', version: 2 });
    // the first one is staff now: it may not edit accounts any more, and the second may not leave
    expect((await stackApi().get(ACCOUNTS, token)).status).toBe(403);
    const leave = await stackApi().patch(path(second.body.operatorId), { status: 'inactive' }, secondToken, {
      'if-match': await etagOf(second.body.operatorId),
    });
    expect(leave).toMatchObject({ status: 409, body: { code: 'INVALID_STATE' } });
    // disabling an inactive or non-full account needs no keeper
    const disable = await stackApi().patch(path(admin.operatorId), { status: 'inactive' }, secondToken, {
      'if-match': await etagOf(admin.operatorId),
    });
    expect(disable.body).toMatchObject({ status: 'inactive', role: 'staff' });
    expect((await stackApi().get('/v1/operator/facilities', token)).status).toBe(401);
  });
});

describe('the partner’s profile', () => {
  it('answers its name and payment-notice e-mails with an ETag, to full operators only', async () => {
    const answer = await stackApi().get(PARTNER, tw('full'));
    expect(answer.status).toBe(200);
    expect(answer.etag).toBe(`"${answer.body.version}"`);
    expect(answer.body).toMatchObject({
      partnerId: 'partner-tw',
      name: 'TIMEWORK渋谷',
      paymentNoticeEmails: ['billing@partner-tw.example.com'],
    });
    expect((await stackApi().get(PARTNER, h1t('full'))).body.partnerId).toBe('partner-h1t');
    for (const token of [tw('staff'), tw('usage')]) expect((await stackApi().get(PARTNER, token)).status).toBe(403);
  });

  it('changes what the patch names, with If-Match', async () => {
    const before = await stackApi().get(PARTNER, tw('full'));
    const emails = ['keiri@tw.example.com', 'finance@tw.example.com'];
    const answer = await stackApi().patch(PARTNER, { paymentNoticeEmails: emails }, tw('full'), {
      'if-match': String(before.etag),
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ ...before.body, paymentNoticeEmails: emails, version: before.body.version + 1 });
    expect((await stackApi().get(PARTNER, tw('full'))).body).toEqual(answer.body);
    const renamed = await stackApi().patch(PARTNER, { name: 'TIMEWORK 渋谷' }, tw('full'), {
      'if-match': String(answer.etag),
    });
    expect(renamed.body).toMatchObject({ name: 'TIMEWORK 渋谷', paymentNoticeEmails: emails });
  });

  it.each([
    ['an address that is none', { paymentNoticeEmails: ['keiri'] }, 'body.paymentNoticeEmails.0'],
    ['no address', { paymentNoticeEmails: [] }, 'body.paymentNoticeEmails'],
    [
      'the same address twice',
      { paymentNoticeEmails: ['a@tw.example.com', 'A@tw.example.com'] },
      'body.paymentNoticeEmails',
    ],
    ['the payout rate (the back office sets it)', { payoutRatePercent: 90 }, 'body.payoutRatePercent'],
    ['an empty name', { name: '' }, 'body.name'],
  ])('refuses %s with 400 naming the field, writing nothing', async (_, patch, field) => {
    const before = await stackApi().get(PARTNER, tw('full'));
    const answer = await stackApi().patch(PARTNER, patch, tw('full'), { 'if-match': String(before.etag) });
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect((await stackApi().get(PARTNER, tw('full'))).body).toEqual(before.body);
  });

  it('needs If-Match (428) on the current version (412), and a full operator (403), writing nothing', async () => {
    const before = await stackApi().get(PARTNER, tw('full'));
    expect((await stackApi().patch(PARTNER, { name: 'x' }, tw('full'))).status).toBe(428);
    expect((await stackApi().patch(PARTNER, { name: 'x' }, tw('full'), { 'if-match': '"99"' })).status).toBe(412);
    expect(
      (await stackApi().patch(PARTNER, { name: 'x' }, tw('staff'), { 'if-match': String(before.etag) })).status,
    ).toBe(403);
    expect((await stackApi().get(PARTNER, tw('full'))).body).toEqual(before.body);
  });
});

describe('a new partner (back office)', () => {
  it('is made with its first full operator, who manages it at once', async () => {
    const { partner, admin, token } = await newPartner('コワーキング新宿');
    expect(partner).toMatchObject({
      partnerId: expect.stringMatching(/^partner-[0-9a-f]{8}$/),
      name: 'コワーキング新宿',
      payoutRatePercent: 65,
      paymentNoticeEmails: ['billing@new.example.com'],
      version: 1,
    });
    expect(admin).toMatchObject({ partnerId: partner.partnerId, role: 'full', status: 'active', name: '管理者' });
    expect((await stackApi().get(PARTNER, token)).body).toEqual({
      partnerId: partner.partnerId,
      version: 1,
      name: 'コワーキング新宿',
      paymentNoticeEmails: ['billing@new.example.com'],
    });
    expect((await stackApi().get(ACCOUNTS, token)).body.items).toEqual([admin]);
  });

  it('takes a kebab-case id; a taken id or e-mail is 409 INVALID_STATE and takes nothing', async () => {
    const partnerId = `partner-${randomUUID().slice(0, 6)}`;
    const body = (email: string, id = partnerId) => ({
      partnerId: id,
      name: '加盟店',
      payoutRatePercent: 70,
      paymentNoticeEmails: ['billing@x.example.com'],
      admin: { email, name: '管理者' },
    });
    const takenEmail = await stackApi().post('/v1/admin/partners', body('op-tw-full@example.com'), adminToken());
    expect(takenEmail).toMatchObject({ status: 409, body: { code: 'INVALID_STATE' } });
    const email = newEmail('admin');
    const takenId = await stackApi().post('/v1/admin/partners', body(email, 'partner-tw'), adminToken());
    expect(takenId).toMatchObject({ status: 409, body: { code: 'INVALID_STATE' } });
    expect((await stackApi().get(PARTNER, tw('full'))).body.partnerId).toBe('partner-tw');
    // neither refusal took the id or the e-mail
    const made = await stackApi().post('/v1/admin/partners', body(email), adminToken());
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body.partner.partnerId).toBe(partnerId);
    expect(made.body.admin.email).toBe(email);
  });

  it.each([
    ['an id that is not kebab-case', { partnerId: 'Partner_X' }, 'body.partnerId'],
    ['a rate over 100', { payoutRatePercent: 101 }, 'body.payoutRatePercent'],
    ['no admin e-mail', { admin: { name: '管理者' } }, 'body.admin.email'],
  ])('refuses %s with 400', async (_, change, field) => {
    const body = {
      name: '加盟店',
      payoutRatePercent: 70,
      paymentNoticeEmails: ['billing@x.example.com'],
      admin: { email: newEmail('admin'), name: '管理者' },
      ...change,
    };
    const answer = await stackApi().post('/v1/admin/partners', body, adminToken());
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('is for admins only', async () => {
    const body = {
      name: 'x',
      payoutRatePercent: 70,
      paymentNoticeEmails: ['a@x.example.com'],
      admin: { email: newEmail(), name: 'x' },
    };
    for (const token of [tw('full'), member])
      expect((await stackApi().post('/v1/admin/partners', body, token)).status).toBe(403);
  });
});
