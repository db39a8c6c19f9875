/**
 * The printable QR poster of an open space (api.md "Partner routes": `GET /v1/operator/spaces/{spaceId}/qr`; 004 §2-2
 * 店舗掲示用二次元コード), through the local gateway as the partner site fetches it: a PDF (base64 from the handler,
 * bytes on the wire) whose QR code decodes to the space's qrValue, with the space's and facility's names in Japanese,
 * for the partner's full and staff operators; 403 for usage and members, 404 for another partner's space or none,
 * 422 for a reservable space.
 */
import { describe, expect, it } from 'vitest';
import { SCAN_TO_CHECK_IN, SCAN_TO_CHECK_OUT } from '../../../lambdas/modules/partner/qr-poster/rules/layout';
import { readPdf } from '../../fixtures/pdf';
import { operatorToken } from '../support/local-stack';
import { member, partnerStack, tw } from './support';

const path = (spaceId: string) => `/v1/operator/spaces/${spaceId}/qr`;
const regus = (role: 'full' | 'staff') => operatorToken(`op-regus-${role}`, 'partner-regus', role);
const kaikatsu = (role: 'full' | 'staff') => operatorToken(`op-kaikatsu-${role}`, 'partner-kaikatsu', role);

const stackApi = partnerStack();

/** The poster as bytes, with the answer's headers. */
async function poster(spaceId: string, token: string) {
  const answer = await fetch(`${stackApi().url}${path(spaceId)}`, { headers: { authorization: `Bearer ${token}` } });
  return { answer, bytes: new Uint8Array(await answer.arrayBuffer()) };
}

/** The space's qrValue and names, as its partner reads them (the operator's space view) and the member's facility. */
async function shown(spaceId: string, facilityId: string, token: string) {
  const space = await stackApi().get(`/v1/operator/spaces/${spaceId}`, token);
  const facility = await stackApi().get(`/v1/facilities/${facilityId}`, member);
  expect([space.status, facility.status]).toEqual([200, 200]);
  return { qrValue: space.body.qrValue as string, spaceName: space.body.name, facilityName: facility.body.name };
}

describe('an open space’s QR poster', () => {
  it.each([
    ['full', 'regus-marunouchi-lounge', 'regus-marunouchi', regus('full'), 'リージャス丸の内', 'ラウンジ'],
    ['staff', 'regus-marunouchi-lounge', 'regus-marunouchi', regus('staff'), 'リージャス丸の内', 'ラウンジ'],
    ['staff', 'kaikatsu-kanda-booths', 'kaikatsu-kanda', kaikatsu('staff'), '快活CLUB神田', 'ブース席'],
  ])(
    'is a PDF for its partner’s %s operator (%s): its QR code decodes to the qrValue, its names in Japanese',
    async (_, spaceId, facilityId, token, facilityName, spaceName) => {
      const expected = await shown(spaceId, facilityId, token);
      expect(expected).toMatchObject({ facilityName, spaceName, qrValue: expect.stringMatching(/^QR-/) });
      const { answer, bytes } = await poster(spaceId, token);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toBe('application/pdf');
      expect(answer.headers.get('content-disposition')).toBe(`attachment; filename="qr-${spaceId}.pdf"`);
      expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
      expect(Number(answer.headers.get('content-length') ?? bytes.byteLength)).toBe(bytes.byteLength);

      const pdf = await readPdf(bytes);
      expect(pdf.qr).toBe(expected.qrValue);
      const texts = pdf.lines.map((l) => l.text);
      expect(texts).toEqual(expect.arrayContaining([facilityName, spaceName, ...SCAN_TO_CHECK_IN.split('\n')]));
      expect(texts).toContain(SCAN_TO_CHECK_OUT);
      expect(texts.join('\n')).toContain(expected.qrValue);
      // the Japanese font is embedded (a subset: kilobytes), and the names are drawn with it
      expect(pdf.fonts).toHaveLength(1);
      expect(pdf.fonts[0]?.program?.byteLength).toBeGreaterThan(1_000);
      expect(pdf.lines.find((l) => l.text === spaceName)?.font).toMatch(/^BIZUDPGothic-Bold/);
      expect(bytes.byteLength).toBeLessThan(40_000);
    },
  );

  it('is printed for an inactive open space too (a partner posts it before it opens the space)', async () => {
    const current = await stackApi().get('/v1/operator/spaces/kaikatsu-kanda-booths', kaikatsu('full'));
    const off = await stackApi().patch(
      '/v1/operator/spaces/kaikatsu-kanda-booths',
      { status: 'inactive' },
      kaikatsu('full'),
      { 'if-match': String(current.etag) },
    );
    expect(off.status).toBe(200);
    try {
      const { answer, bytes } = await poster('kaikatsu-kanda-booths', kaikatsu('staff'));
      expect(answer.status).toBe(200);
      expect((await readPdf(bytes)).qr).toBe(current.body.qrValue);
    } finally {
      const back = await stackApi().patch(
        '/v1/operator/spaces/kaikatsu-kanda-booths',
        { status: 'active' },
        kaikatsu('full'),
        { 'if-match': String(off.etag) },
      );
      expect(back.status).toBe(200);
    }
  });
});

describe('the QR poster is refused', () => {
  const problem = async (spaceId: string, token: string) => {
    const answer = await stackApi().get(path(spaceId), token);
    expect(answer.contentType).toContain('application/problem+json');
    return { status: answer.status, code: answer.body.code };
  };

  it('to a usage operator and a member: 403', async () => {
    expect(await problem('regus-marunouchi-lounge', tw('usage'))).toEqual({ status: 403, code: 'FORBIDDEN' });
    expect(await problem('regus-marunouchi-lounge', member)).toEqual({ status: 403, code: 'FORBIDDEN' });
  });

  it('for another partner’s open space, or none: 404, as if it did not exist', async () => {
    expect(await problem('regus-marunouchi-lounge', kaikatsu('full'))).toEqual({ status: 404, code: 'NOT_FOUND' });
    expect(await problem('kaikatsu-kanda-booths', regus('staff'))).toEqual({ status: 404, code: 'NOT_FOUND' });
    expect(await problem('no-such-space', regus('full'))).toEqual({ status: 404, code: 'NOT_FOUND' });
  });

  it('for a reservable space: 422 INVALID_SPACE_CONFIG (it has no QR code), as congestion answers', async () => {
    expect(await problem('tw-shibuya-desk', tw('staff'))).toEqual({ status: 422, code: 'INVALID_SPACE_CONFIG' });
    expect(await problem('tw-shibuya-room-a', tw('full'))).toEqual({ status: 422, code: 'INVALID_SPACE_CONFIG' });
  });

  it('with a query parameter it does not take: 400 naming it', async () => {
    const answer = await stackApi().get(`${path('regus-marunouchi-lounge')}?size=a3`, regus('full'));
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: { field: string }) => e.field)).toContain('query.size');
  });
});
