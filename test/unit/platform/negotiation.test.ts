/**
 * Content negotiation between JSON and a route's other media type (negotiation.ts), here a document's PDF: JSON unless
 * `Accept` ranks the PDF higher, or as high and more specifically; never a 406. (CSV's cases: csv.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { prefersToJson } from '../../../lambdas/platform/negotiation';

describe('prefersToJson (Accept), for application/pdf', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['*/*', false],
    ['application/json', false],
    ['application/*', false],
    ['text/csv', false],
    ['image/png', false],
    ['application/pdf', true],
    ['Application/PDF', true],
    ['application/pdf, */*;q=0.8', true],
    ['application/pdf, */*', true],
    ['application/json, application/pdf', false],
    ['application/pdf;q=0.5, application/json', false],
    ['application/json;q=0.5, application/pdf', true],
    ['application/pdf;q=0', false],
  ])('%j → PDF %s', (accept, pdf) => {
    expect(prefersToJson(accept, 'application/pdf')).toBe(pdf);
  });
});
