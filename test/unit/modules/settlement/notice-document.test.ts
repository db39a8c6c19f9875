/**
 * A payment notice as a document (支払通知書): its layout (pure: the rows it shows, yen and dates as a Japanese invoice
 * writes them, every line inside the page's margins) and its renderer (the real font and the PDF writer, no stack): the PDF
 * reads back, through its font's ToUnicode map as a viewer copies text, as the labels and the notice's amounts, in a
 * subset of the document font that draws every glyph as the font does.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Font, create as openFont } from 'fontkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { SERVICE_NAME } from '../../../../lambdas/domain/model';
import { A4, charactersOf } from '../../../../lambdas/domain/typesetting';
import { renderPaymentNotice } from '../../../../lambdas/modules/settlement/notice-pdf';
import {
  japaneseDate,
  NOTICE_LABELS,
  NOTICE_LEAD,
  NOTICE_MARGIN,
  NOTICE_NOTES,
  NOTICE_TITLE,
  type NoticeDocumentContent,
  noticeLayout,
  noticeRows,
  periodTitle,
  yen,
} from '../../../../lambdas/modules/settlement/rules/notice-document';
import { DOCUMENT_FONT } from '../../../../lambdas/platform/pdf/font';
import { h1tNotice as h1t } from '../../../fixtures/notice';
import { type ReadPdf, readPdf } from '../../../fixtures/pdf';
import { mono } from '../../../fixtures/typesetting';

/** TIMEWORK's: no offset, nothing carried over, paid. */
const tw: NoticeDocumentContent = {
  partnerName: '株式会社タイムワーク',
  notice: {
    ...h1t.notice,
    noticeId: 'partner-tw:2026-12',
    gross: 1800,
    paidByCompanies: 1029,
    payout: 720,
    offsetsDue: 0,
    offsets: 0,
    net: 720,
    carriedOver: 0,
    status: 'paid',
  },
};

describe('the notice’s words and numbers', () => {
  it('writes yen with a sign and thousands separators, dates and the period in Japanese', () => {
    expect([yen(0), yen(999), yen(1000), yen(1_234_567)]).toEqual(['¥0', '¥999', '¥1,000', '¥1,234,567']);
    expect(japaneseDate('2027-02-01')).toBe('2027年2月1日');
    expect(japaneseDate('2026-12-20')).toBe('2026年12月20日');
    expect(periodTitle('2026-12')).toBe('2026年12月分');
  });

  it('shows the amounts in the order they are computed, offsets due and carried over only when there are any', () => {
    expect(noticeRows(h1t.notice).map((r) => [r.label, r.value])).toEqual([
      ['対象期間', '2026年11月21日 〜 2026年12月20日'],
      ['売上総額（税抜）', '¥1,234,567'],
      ['企業支払額', '¥571'],
      ['支払率', '70%'],
      ['支払額', '¥399'],
      ['相殺対象額', '¥1,000'],
      ['相殺額', '¥399'],
      ['繰越相殺額（次回以降に相殺）', '¥601'],
      ['差引支払額', '¥0'],
      ['支払予定日', '2027年2月26日'],
      ['状態', '発行済'],
    ]);
    const labels = noticeRows(tw.notice).map((r) => r.label);
    expect(labels).not.toContain(NOTICE_LABELS.offsetsDue);
    expect(labels).not.toContain(NOTICE_LABELS.carriedOver);
    expect(labels).toContain(NOTICE_LABELS.offsets);
    expect(noticeRows(tw.notice).at(-1)?.value).toBe('支払済');
    expect(noticeRows(tw.notice).find((r) => r.strong)).toEqual({ label: '差引支払額', value: '¥720', strong: true });
  });
});

describe('the notice’s layout', () => {
  const longName = `${'株式会社ロングネーム・コワーキング・スペース運営'.repeat(5)}`.slice(0, 100);

  it.each([
    ['a short name', tw],
    ['a name of 100 characters', { ...h1t, partnerName: longName }],
  ])('with %s keeps every line on the page, inside the margins, below one another', (_, content) => {
    const { lines, rules } = noticeLayout(content, mono);
    for (const line of lines) {
      const width = charactersOf(line.text, mono).reduce((sum, c) => sum + mono.width(c) * line.size, 0);
      expect(line.x, line.text).toBeGreaterThanOrEqual(NOTICE_MARGIN - 1e-6);
      expect(line.x + width, line.text).toBeLessThanOrEqual(A4.width - NOTICE_MARGIN + 1e-6);
      expect(line.y + mono.ascent * line.size, line.text).toBeLessThanOrEqual(A4.height - NOTICE_MARGIN + 1e-6);
      expect(line.y, line.text).toBeGreaterThanOrEqual(NOTICE_MARGIN - 1e-6);
    }
    for (const rule of rules) {
      expect(rule.x).toBeGreaterThanOrEqual(NOTICE_MARGIN - 1e-6);
      expect(rule.x + rule.width).toBeLessThanOrEqual(A4.width - NOTICE_MARGIN + 1e-6);
    }
    // the rows of the amounts go down the page in their order (below the box, which names 差引支払額 too)
    const ys = noticeRows(content.notice).map((row) => lines.findLast((l) => l.text === row.label)?.y ?? Number.NaN);
    expect(ys.every((y, i) => i === 0 || y < (ys[i - 1] as number))).toBe(true);
  });

  it('addresses the partner by name with 御中, cut with … when the name is too long for two lines', () => {
    const short = noticeLayout(tw, mono).lines.map((l) => l.text);
    expect(short).toEqual(expect.arrayContaining(['株式会社タイムワーク', '御中', SERVICE_NAME, NOTICE_TITLE]));
    const long = noticeLayout({ ...h1t, partnerName: longName }, mono).lines.map((l) => l.text);
    const name = long.filter((t) => t.startsWith('株式会社') || /…$/.test(t));
    expect(name).toHaveLength(2);
    expect(name[1]).toMatch(/…$/);
    expect(long).toContain('御中');
  });
});

describe('the rendered notice', () => {
  const fontPath = createRequire(import.meta.url).resolve(DOCUMENT_FONT.source);
  const original = openFont(readFileSync(fontPath)) as Font;
  let bytes: Uint8Array;
  let pdf: ReadPdf;
  let texts: string[];

  beforeAll(async () => {
    bytes = await renderPaymentNotice(h1t);
    pdf = await readPdf(bytes);
    texts = pdf.lines.map((l) => l.text);
  });

  it('is one A4 page in Japanese, titled with the period and the partner', () => {
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(pdf.pages).toBe(1);
    expect([pdf.width, pdf.height]).toEqual([A4.width, A4.height]);
    expect(pdf.title).toBe('支払通知書 2026年12月分 H1T九段下運営株式会社');
    expect(pdf.language).toBe('ja-JP');
    console.log('NOTICE_PDF_BYTES', bytes.byteLength);
  });

  it('reads back as the title, the partner, the issuer, the dates, every label and amount, the notes', () => {
    expect(texts).toEqual(
      expect.arrayContaining([
        NOTICE_TITLE,
        '2026年12月分',
        'H1T九段下運営株式会社',
        '御中',
        SERVICE_NAME,
        '発行日 2027年2月1日',
        '通知番号 partner-h1t:2026-12',
        NOTICE_LEAD,
        '支払予定日 2027年2月26日',
        ...NOTICE_NOTES,
      ]),
    );
    for (const row of noticeRows(h1t.notice)) {
      expect(texts, row.label).toContain(row.label);
      expect(texts, row.label).toContain(row.value);
      // the value stands on the label's line
      const label = pdf.lines.findLast((l) => l.text === row.label);
      const value = pdf.lines.find((l) => l.text === row.value && Math.abs(l.y - (label?.y ?? 0)) < 1);
      expect(value, row.label).toBeDefined();
    }
    for (const amount of ['¥1,234,567', '¥571', '70%', '¥399', '¥1,000', '¥601', '¥0']) expect(texts).toContain(amount);
    for (const line of pdf.lines) expect(line.font, line.text).toMatch(/^BIZUDPGothic-Bold/);
  });

  it('embeds the document font as a subset of the glyphs drawn, each drawn as the font does', () => {
    expect(pdf.fonts).toHaveLength(1);
    const [font] = pdf.fonts;
    expect(font?.subtype).toBe('Type0');
    const subset = openFont(Buffer.from(font?.program ?? [])) as Font;
    const used = new Set(texts.flatMap((t) => [...t]));
    expect(subset.numGlyphs).toBe(used.size + 1);
    for (const [id, text] of font?.toUnicode ?? []) {
      const drawn = subset.getGlyph(id);
      const expected = original.glyphForCodePoint(text.codePointAt(0) as number);
      expect(drawn.path.toSVG(), text).toBe(expected.path.toSVG());
      expect(drawn.advanceWidth, text).toBe(expected.advanceWidth);
    }
    expect(bytes.byteLength).toBeLessThan(60_000);
  });

  it('prints the same bytes for the same notice (dated as issued), and draws a character the font lacks as 〓', async () => {
    expect(Buffer.from(await renderPaymentNotice(h1t)).equals(Buffer.from(bytes))).toBe(true);
    const read = await readPdf(await renderPaymentNotice({ ...tw, partnerName: '𠮷田コワーキング合同会社' }));
    expect(read.lines.map((l) => l.text)).toContain('〓田コワーキング合同会社');
    expect(read.lines.map((l) => l.text)).not.toContain(NOTICE_LABELS.carriedOver);
  });
});
