/**
 * Typesetting Japanese text (pure: what the font lacks, wrapping with 禁則, shrinking to fit, cutting with …), as the
 * QR poster and the payment notice lay out their text; with a font of full-width CJK and half-width ASCII.
 */
import { describe, expect, it } from 'vitest';
import { charactersOf, fitText, MISSING_GLYPH, wrap } from '../../../lambdas/domain/typesetting';
import { mono } from '../../fixtures/typesetting';

const lines = (text: string, em: number) => wrap(charactersOf(text, mono), em, mono);

describe('wrapping a line of text', () => {
  it('breaks Japanese between any two characters, as many as fit', () => {
    expect(lines('丸の内ラウンジ', 3)).toEqual(['丸の内', 'ラウン', 'ジ']);
  });

  it('keeps a Latin word or number whole, and breaks at spaces', () => {
    expect(lines('NIKKEI OFFICE PASS', 4)).toEqual(['NIKKEI', 'OFFICE', 'PASS']);
    expect(lines('会議室QR-1234', 4)).toEqual(['会議室', 'QR-1234']);
  });

  it('breaks a word wider than the line where it overflows', () => {
    expect(lines('ABCDEFGHIJ', 2)).toEqual(['ABCD', 'EFGH', 'IJ']);
  });

  it('starts no line with closing punctuation, a small kana or ー, ends none with an opening bracket (禁則)', () => {
    expect(lines('あいう。えお', 3)).toEqual(['あい', 'う。え', 'お']);
    expect(lines('あいスーパー', 3)).toEqual(['あい', 'スー', 'パー']);
    expect(lines('ロッカー', 1)).toEqual(['ロ', 'ッ', 'カ', 'ー']);
    expect(lines('あい「かぎ」', 3)).toEqual(['あい', '「か', 'ぎ」']);
    expect(lines('リージャス丸の内', 3)).toEqual(['リー', 'ジャス', '丸の内']);
  });

  it('makes runs of white space one space, drops spaces at line ends, and breaks where the text says', () => {
    expect(lines('  丸の内   ラウンジ ', 10)).toEqual(['丸の内 ラウンジ']);
    expect(lines('丸の内 ラウンジ', 3)).toEqual(['丸の内', 'ラウン', 'ジ']);
    expect(lines('一行目\n二行目', 10)).toEqual(['一行目', '二行目']);
  });

  it('draws what the font lacks as 〓', () => {
    expect(charactersOf('𠮷野家', mono)).toEqual([MISSING_GLYPH, '野', '家']);
  });
});

describe('fitting a text to a block', () => {
  const style = { size: 40, minSize: 20, maxLines: 2 };

  it('keeps its largest size when the text fits', () => {
    expect(fitText('ラウンジ', 400, style, mono)).toEqual({ lines: ['ラウンジ'], size: 40 });
  });

  it('shrinks to three quarters of its size before it wraps, and wraps before it cuts', () => {
    // 12 characters: 480 pt at 40, on one line of 400 at 33
    expect(fitText('あ'.repeat(12), 400, style, mono)).toEqual({ lines: ['あ'.repeat(12)], size: 33 });
    // 14: one line at 28, below 30: two lines at 40 rather
    expect(fitText('あ'.repeat(14), 400, style, mono)).toEqual({ lines: ['あ'.repeat(10), 'あ'.repeat(4)], size: 40 });
    // 30: two lines of 15 at 26
    expect(fitText('あ'.repeat(30), 400, style, mono)).toEqual({ lines: ['あ'.repeat(15), 'あ'.repeat(15)], size: 26 });
    // its own line breaks are not wrapping
    expect(fitText('あいう\nえお', 400, style, mono)).toEqual({ lines: ['あいう', 'えお'], size: 40 });
  });

  it('cuts what does not fit at its smallest size with …, the kept lines whole', () => {
    const cut = fitText('い'.repeat(100), 400, style, mono);
    expect(cut.size).toBe(20);
    expect(cut.lines).toEqual(['い'.repeat(20), `${'い'.repeat(19)}…`]);
  });
});
