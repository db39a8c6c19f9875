/**
 * Content negotiation on `Accept` (RFC 9110 §12.5.1) between JSON, every route's answer, and the one other media type a
 * route may answer: CSV for a list (csv.ts), a file for a document (a payment notice's PDF). JSON is the default.
 */

/** How well a media range of `Accept` matches a type: its q and its specificity (2 exact, 1 `type/*`, 0 `*\/*`). */
function match(accept: string, type: string): [q: number, specificity: number] {
  const [major] = type.split('/');
  let best: [number, number] = [0, -1];
  for (const range of accept.split(',')) {
    const [name = '', ...params] = range.split(';').map((p) => p.trim().toLowerCase());
    const specificity = name === type ? 2 : name === `${major}/*` ? 1 : name === '*/*' ? 0 : -1;
    if (specificity <= best[1]) continue;
    const q = params.find((p) => p.startsWith('q='));
    const value = q === undefined ? 1 : Number(q.slice(2));
    best = [Number.isFinite(value) ? value : 0, specificity];
  }
  return best;
}

/**
 * Whether `Accept` asks for `mediaType` (bare, such as `text/csv`) rather than JSON: the more specific range that
 * matches each type gives its q; `mediaType` when its q is higher, or equal with a more specific match
 * (`application/pdf, *\/*`). JSON without the header, with `*\/*`, on a full tie, and for anything else asked for (a
 * type the route does not answer is not refused with 406: it gets JSON).
 */
export function prefersToJson(accept: string | undefined, mediaType: string): boolean {
  if (!accept) return false;
  const [q, specificity] = match(accept, mediaType);
  const [jsonQ, jsonSpecificity] = match(accept, 'application/json');
  if (q <= 0) return false;
  return q > jsonQ || (q === jsonQ && specificity > jsonSpecificity);
}
