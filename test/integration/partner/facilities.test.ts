/**
 * Partners read and edit their own facilities (api.md "Partner routes", "Edits"): roles from the route table,
 * another partner's facility is 404, edits need If-Match (428) on the current version (412), one of two
 * concurrent edits wins and nothing of the other is written, and every edit shows on the member routes at once.
 * Photos go up through presigned POSTs to the local S3, show on both facility answers and are deleted with their
 * file; the list downloads as CSV.
 */
import { describe, expect, it } from 'vitest';
import { facilitiesCsv } from '../../../contracts/csv/facilities.v1';
import { routes } from '../../../lambdas/routes';
import { h1t, member, partnerStack, tw } from './support';

const OWN = 'tw-shibuya';
const PATH = `/v1/operator/facilities/${OWN}`;

const stackApi = partnerStack();

const current = async () => stackApi().get(PATH, tw('full'));

describe('reading own facilities', () => {
  it('lists only the partner’s own facilities, to full and staff', async () => {
    for (const role of ['full', 'staff'] as const) {
      const own = await stackApi().get('/v1/operator/facilities', tw(role));
      expect(own.status, role).toBe(200);
      expect(own.body.items.map((f: { facilityId: string }) => f.facilityId)).toEqual([OWN]);
    }
    const theirs = await stackApi().get('/v1/operator/facilities', h1t('full'));
    expect(theirs.body.items.map((f: { facilityId: string }) => f.facilityId)).not.toContain(OWN);
  });

  it('answers a facility with every field, its spaces and its version as ETag', async () => {
    const answer = await current();
    expect(answer.status).toBe(200);
    expect(answer.etag).toBe(`"${answer.body.version}"`);
    expect(answer.body).toMatchObject({
      facilityId: OWN,
      partnerId: 'partner-tw',
      notificationEmails: expect.any(Array),
    });
    expect(answer.body.spaces.map((s: { spaceId: string }) => s.spaceId)).toContain('tw-shibuya-desk');
    expect(JSON.stringify(answer.body)).not.toContain('memberId');
  });
});

describe('every partner facility route × role × partner', () => {
  const facilityRoutes = routes.filter((r) => r.path.startsWith('/v1/operator/facilities/{facilityId}'));

  it.each(facilityRoutes.map((r) => [r.id, r] as const))(
    '%s: another partner’s operator gets 404 with every role it admits, and nothing changes',
    async (_, route) => {
      const before = await current();
      const admits = route.caller.role === 'operator' ? route.caller.operatorRoles : [];
      for (const role of admits) {
        const answer = await stackApi().call(route.method, PATH, {
          token: h1t(role),
          ...(route.method === 'PATCH' ? { body: { name: 'よそ' }, headers: { 'if-match': String(before.etag) } } : {}),
        });
        expect(answer.status, `${route.id} ${role}`).toBe(404);
        expect(answer.body.code).toBe('NOT_FOUND');
      }
      expect((await current()).body).toEqual(before.body);
    },
  );

  it('is refused to roles and callers the rows do not admit (403), and nothing changes', async () => {
    const before = await current();
    for (const token of [tw('staff'), tw('usage'), member]) {
      const answer = await stackApi().patch(PATH, { name: 'x' }, token, { 'if-match': String(before.etag) });
      expect(answer.status).toBe(403);
    }
    for (const token of [tw('usage'), member]) expect((await stackApi().get(PATH, token)).status).toBe(403);
    expect((await current()).body).toEqual(before.body);
  });
});

describe('editing', () => {
  it('needs If-Match (428), on the current version (412); neither writes anything', async () => {
    const before = await current();
    const missing = await stackApi().patch(PATH, { name: '渋谷ベース' }, tw('full'));
    expect(missing).toMatchObject({ status: 428, body: { code: 'PRECONDITION_REQUIRED' } });
    const stale = await stackApi().patch(PATH, { name: '渋谷ベース' }, tw('full'), { 'if-match': '"999"' });
    expect(stale).toMatchObject({ status: 412, body: { code: 'VERSION_MISMATCH' } });
    const garbled = await stackApi().patch(PATH, { name: '渋谷ベース' }, tw('full'), { 'if-match': 'yesterday' });
    expect(garbled.status).toBe(400);
    expect((await current()).body).toEqual(before.body);
  });

  it('writes the patch, moves the version, and shows on the member routes at once', async () => {
    const before = await current();
    const stations = [{ line: 'JR山手線', station: '渋谷', walkMinutes: 4, walkMeters: 300 }];
    const edited = await stackApi().patch(
      PATH,
      { name: 'TIMEWORK渋谷（新）', stations, address: { street: '道玄坂1-1-1' }, contact: '03-0000-0000' },
      tw('full'),
      { 'if-match': String(before.etag) },
    );
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      name: 'TIMEWORK渋谷（新）',
      version: before.body.version + 1,
      stations,
      address: { street: '道玄坂1-1-1', prefecture: before.body.address.prefecture },
      contact: '03-0000-0000',
    });
    expect(edited.etag).toBe(`"${before.body.version + 1}"`);
    const seen = await stackApi().get(`/v1/facilities/${OWN}`, member);
    expect(seen.body).toMatchObject({ name: 'TIMEWORK渋谷（新）', nearestStations: ['渋谷'] });
    expect(seen.body.address.line).toBe('道玄坂1-1-1');
  });

  it('of two operators editing the same version, one wins; the other gets 412 and nothing of theirs is written', async () => {
    const before = await current();
    const tag = { 'if-match': String(before.etag) };
    const [a, b] = await Promise.all([
      stackApi().patch(PATH, { description: 'A の説明' }, tw('full'), tag),
      stackApi().patch(PATH, { contact: 'B の連絡先' }, tw('full'), tag),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 412]);
    const after = (await current()).body;
    expect(after.version).toBe(before.body.version + 1);
    const [winner, loser] = a.status === 200 ? [a, b] : [b, a];
    expect(loser.body.code).toBe('VERSION_MISMATCH');
    expect(after).toEqual(winner.body);
  });

  it.each([
    ['an unknown field', { floor: 3 }, 'body.floor'],
    ['a bad e-mail', { notificationEmails: ['not-an-email'] }, 'body.notificationEmails.0'],
    ['a URL that is not http(s)', { url: 'ftp://example.com' }, 'body.url'],
    ['a latitude off the globe', { location: { lat: 91, lng: 139.7 } }, 'body.location.lat'],
    [
      'a walk of -1 minutes',
      { stations: [{ line: 'L', station: 'S', walkMinutes: -1, walkMeters: 0 }] },
      'body.stations.0.walkMinutes',
    ],
    ['a postal code of letters', { postalCode: 'abc-defg' }, 'body.postalCode'],
    ['an empty patch', {}, 'body'],
    [
      'a window that ends before it starts',
      { publishFrom: '2026-12-01T00:00:00+09:00', publishUntil: '2026-11-30T00:00:00+09:00' },
      'body.publishUntil',
    ],
  ])('refuses %s with 400 naming the field, and writes nothing', async (_, body, field) => {
    const before = await current();
    const answer = await stackApi().patch(PATH, body, tw('full'), { 'if-match': String(before.etag) });
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('VALIDATION_FAILED');
    expect(answer.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect((await current()).body).toEqual(before.body);
  });
});

/** A 1×1 greyscale JPEG (134 bytes, JFIF). */
const JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  'base64',
);

/** POSTs `bytes` to a presigned upload as a browser form would. */
async function upload(target: { url: string; fields: Record<string, string> }, bytes: Uint8Array, type = 'image/jpeg') {
  const form = new FormData();
  for (const [name, value] of Object.entries(target.fields)) form.append(name, value);
  form.append('file', new Blob([bytes], { type }), 'photo.jpg');
  return (await fetch(target.url, { method: 'POST', body: form })).status;
}

describe('photos through presigned uploads', () => {
  const photos = `${PATH}/photos`;

  it('records a photo, takes exactly the declared file, and lists it with a URL that serves it', async () => {
    const created = await stackApi().post(
      photos,
      { contentType: 'image/jpeg', bytes: JPEG.length, top: true },
      tw('full'),
    );
    expect(created.status).toBe(201);
    expect(created.body.upload.fields).toMatchObject({ 'Content-Type': 'image/jpeg' });
    // one byte more than declared is refused by the upload's policy
    expect(await upload(created.body.upload, Buffer.concat([JPEG, Buffer.from([0])]))).toBeGreaterThanOrEqual(400);
    expect([200, 201, 204]).toContain(await upload(created.body.upload, JPEG));
    const facility = await current();
    const photo = facility.body.photos.find((p: { photoId: string }) => p.photoId === created.body.photoId);
    expect(photo).toMatchObject({ top: true, contentType: 'image/jpeg' });
    const served = await fetch(photo.url);
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).equals(JPEG)).toBe(true);
  });

  it('shows members the photos, top first, with URLs that serve the uploaded bytes', async () => {
    const post = async (body: object) => {
      const created = await stackApi().post(
        photos,
        { contentType: 'image/jpeg', bytes: JPEG.length, ...body },
        tw('full'),
      );
      expect(created.status).toBe(201);
      expect([200, 201, 204]).toContain(await upload(created.body.upload, JPEG));
      return created.body.photoId as string;
    };
    const plain = await post({});
    const top = await post({ top: true, spaceId: 'tw-shibuya-desk' });
    const seen = await stackApi().get(`/v1/facilities/${OWN}`, member);
    expect(seen.status).toBe(200);
    const shown: Array<{ photoId: string; top: boolean; spaceId?: string; url: string }> = seen.body.photos;
    const ids = shown.map((p) => p.photoId);
    expect(ids).toEqual(expect.arrayContaining([plain, top]));
    expect(ids.indexOf(top)).toBeLessThan(ids.indexOf(plain));
    // every top photo before every other
    expect(shown.map((p) => p.top)).toEqual([...shown.map((p) => p.top)].sort((a, b) => Number(b) - Number(a)));
    expect(shown.find((p) => p.photoId === top)).toMatchObject({ top: true, spaceId: 'tw-shibuya-desk' });
    expect(shown.find((p) => p.photoId === plain)?.spaceId).toBeUndefined();
    for (const id of [plain, top]) {
      const served = await fetch(shown.find((p) => p.photoId === id)?.url as string);
      expect(served.status).toBe(200);
      expect(Buffer.from(await served.arrayBuffer()).equals(JPEG)).toBe(true);
    }
    // the operator's answer lists the same photos in the same order
    expect((await current()).body.photos.map((p: { photoId: string }) => p.photoId)).toEqual(ids);
  });

  it('is refused for another partner’s facility (404), a space of another facility (404) and the staff role (403)', async () => {
    const before = (await current()).body.photos;
    expect((await stackApi().post(photos, { contentType: 'image/gif', bytes: 10 }, h1t('full'))).status).toBe(404);
    const strange = await stackApi().post(
      photos,
      { contentType: 'image/gif', bytes: 10, spaceId: 'h1t-kudanshita-box' },
      tw('full'),
    );
    expect(strange).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    expect((await stackApi().post(photos, { contentType: 'image/gif', bytes: 10 }, tw('staff'))).status).toBe(403);
    expect((await current()).body.photos).toHaveLength(before.length);
  });
});

describe('deleting a photo (DELETE /v1/operator/photos/{photoId}, no If-Match)', () => {
  /** The operator's facility without the photos' URLs (presigned anew on every read). */
  const unsigned = async () => {
    const { photos, ...facility } = (await current()).body;
    return { ...facility, photos: photos.map(({ url: _, ...photo }: { url: string }) => photo) };
  };
  const remove = (photoId: string, token: string) =>
    stackApi().call('DELETE', `/v1/operator/photos/${photoId}`, { token });
  const memberPhotoIds = async () =>
    (await stackApi().get(`/v1/facilities/${OWN}`, member)).body.photos.map((p: { photoId: string }) => p.photoId);

  /** A photo of TIMEWORK渋谷 whose JPEG was uploaded, and the URL the operator's answer gives for it. */
  async function uploadedPhoto(): Promise<{ photoId: string; url: string }> {
    const created = await stackApi().post(
      `${PATH}/photos`,
      { contentType: 'image/jpeg', bytes: JPEG.length },
      tw('full'),
    );
    expect(created.status).toBe(201);
    expect([200, 201, 204]).toContain(await upload(created.body.upload, JPEG));
    const listed = (await current()).body.photos.find((p: { photoId: string }) => p.photoId === created.body.photoId);
    expect((await fetch(listed.url)).status).toBe(200);
    return { photoId: created.body.photoId, url: listed.url };
  }

  it('answers 204 with no body; the photo is gone from both answers and its file from the bucket; again is 404', async () => {
    const { photoId, url } = await uploadedPhoto();
    expect(await memberPhotoIds()).toContain(photoId);
    const deleted = await remove(photoId, tw('full'));
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeUndefined();
    expect((await current()).body.photos.map((p: { photoId: string }) => p.photoId)).not.toContain(photoId);
    expect(await memberPhotoIds()).not.toContain(photoId);
    expect((await fetch(url)).status).toBe(404);
    const again = await remove(photoId, tw('full'));
    expect(again).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
  });

  it('deletes a photo whose upload never came (no file to delete)', async () => {
    const created = await stackApi().post(`${PATH}/photos`, { contentType: 'image/gif', bytes: 10 }, tw('full'));
    expect((await remove(created.body.photoId, tw('full'))).status).toBe(204);
    expect((await current()).body.photos.map((p: { photoId: string }) => p.photoId)).not.toContain(
      created.body.photoId,
    );
  });

  it.each([
    ['another partner’s full operator', () => h1t('full'), 404, 'NOT_FOUND'],
    ['the staff role', () => tw('staff'), 403, 'FORBIDDEN'],
    ['the usage role', () => tw('usage'), 403, 'FORBIDDEN'],
    ['a member', () => member, 403, 'FORBIDDEN'],
  ])('is refused to %s, and the photo and its file stay', async (_, token, status, code) => {
    const { photoId, url } = await uploadedPhoto();
    const before = await unsigned();
    const answer = await remove(photoId, token());
    expect(answer).toMatchObject({ status, body: { code } });
    expect(await unsigned()).toEqual(before);
    const served = await fetch(url);
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).equals(JPEG)).toBe(true);
  });

  it.each([
    ['an unknown photo', 'f6a1c2d4-0000-4000-8000-000000000000', 404, 'NOT_FOUND'],
    ['an id with a space', 'a%20b', 400, 'VALIDATION_FAILED'],
    ['an id over 128 characters', 'p'.repeat(129), 400, 'VALIDATION_FAILED'],
  ])('refuses %s and changes nothing', async (_, photoId, status, code) => {
    const before = await unsigned();
    expect(await remove(photoId, tw('full'))).toMatchObject({ status, body: { code } });
    expect(await unsigned()).toEqual(before);
  });

  it('refuses a body with a field (400 naming it) and keeps the photo', async () => {
    const { photoId } = await uploadedPhoto();
    const answer = await stackApi().call('DELETE', `/v1/operator/photos/${photoId}`, {
      token: tw('full'),
      body: { photoId },
    });
    expect(answer).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect(answer.body.errors.map((e: { field: string }) => e.field)).toContain('body.photoId');
    expect(await memberPhotoIds()).toContain(photoId);
  });
});

describe('the facility list as CSV (Accept: text/csv)', () => {
  /** The spec's headers (test/unit/contracts/csv.test.ts holds them to the partner site's labels). */
  const HEADERS = facilitiesCsv.columns.map((c) => c.header);

  /** The list as the partner site downloads it: the raw bytes, not decoded by fetch (which would drop the BOM). */
  async function download(token: string, accept = 'text/csv') {
    const res = await fetch(`${stackApi().url}/v1/operator/facilities`, {
      headers: { authorization: `Bearer ${token}`, accept },
    });
    return { res, bytes: Buffer.from(await res.arrayBuffer()) };
  }

  /** The lines of a CSV file (CRLF ends each; a LF alone stays inside its quoted field). */
  const linesOf = (bytes: Buffer) => bytes.subarray(3).toString('utf8').split('\r\n');
  const jsonIds = async (token: string) =>
    (await stackApi().get('/v1/operator/facilities', token)).body.items.map(
      (f: { facilityId: string }) => f.facilityId,
    );

  it('is UTF-8 with a BOM, CRLF, the Japanese headers, one line per own facility, as an attachment', async () => {
    const { res, bytes } = await download(tw('full'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="facilities.csv"');
    expect(res.headers.get('vary')).toBe('accept');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = linesOf(bytes);
    expect(lines.at(-1)).toBe('');
    expect(lines[0]).toBe(HEADERS.join(','));
    const rows = lines.slice(1, -1);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.startsWith(`${OWN},`)).toBe(true);
    expect(rows[0]?.split(',')).toHaveLength(HEADERS.length);
    expect(bytes.toString('utf8')).not.toMatch(/h1t-/);
  });

  it('lists to each partner its own facilities only, as its JSON list does', async () => {
    for (const token of [h1t('full'), h1t('staff'), tw('staff')]) {
      const ids = await jsonIds(token);
      expect(ids.length).toBeGreaterThan(0);
      const rows = linesOf((await download(token)).bytes).slice(1, -1);
      expect(rows.map((line) => line.split(',')[0])).toEqual(ids);
    }
    const theirs = linesOf((await download(h1t('full'))).bytes).slice(1, -1);
    expect(theirs.map((line) => line.split(',')[0])).not.toContain(OWN);
  });

  it('quotes a field with a comma, a quote or a line break (quotes doubled), and writes times as the site does', async () => {
    const before = await current();
    const edited = await stackApi().patch(
      PATH,
      {
        name: 'TIMEWORK渋谷, "本館"',
        contact: '03-0000-0000\n平日のみ',
        publishFrom: '2026-11-30T23:55:00+09:00',
        publishUntil: null,
      },
      tw('full'),
      { 'if-match': String(before.etag) },
    );
    expect(edited.status).toBe(200);
    const text = (await download(tw('full'))).bytes.subarray(3).toString('utf8');
    const [, row] = text.split('\r\n');
    expect(row).toBe(
      [
        OWN,
        '"TIMEWORK渋谷, ""本館"""',
        edited.body.nameKana ?? '',
        edited.body.postalCode ?? '',
        edited.body.address.prefecture,
        edited.body.address.city,
        edited.body.address.street,
        '"03-0000-0000\n平日のみ"',
        edited.body.url ?? '',
        '2026/11/30 23:55',
        '',
      ].join(','),
    );
  });

  it('answers JSON without Accept: text/csv, and refuses the usage role and members (403 problem+json) as before', async () => {
    const json = await download(tw('full'), 'application/json');
    expect(json.res.headers.get('content-type')).toBe('application/json');
    expect(JSON.parse(json.bytes.toString('utf8')).items.map((f: { facilityId: string }) => f.facilityId)).toEqual([
      OWN,
    ]);
    for (const token of [tw('usage'), member]) {
      const refused = await download(token);
      expect(refused.res.status).toBe(403);
      expect(refused.res.headers.get('content-type')).toContain('application/problem+json');
      expect(JSON.parse(refused.bytes.toString('utf8')).code).toBe('FORBIDDEN');
    }
  });
});
