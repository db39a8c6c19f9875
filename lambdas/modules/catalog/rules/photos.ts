/** Which of a facility's photos a reader sees, and in what order (004 §2-1: the top photo first, then the list). */

/** What the order and the choice look at of a photo. */
export interface ShownPhoto {
  photoId: string;
  top: boolean;
  /** The space it shows; absent for a photo of the facility itself. */
  spaceId?: string;
  createdAt: number;
}

/**
 * The photos in the order they are shown: top photos first, then the others; each group by creation (oldest first,
 * the id breaking a tie). A new array; the input is left as it is.
 */
export function inShowingOrder<P extends ShownPhoto>(photos: readonly P[]): P[] {
  return [...photos].sort(
    (a, b) =>
      Number(b.top) - Number(a.top) ||
      a.createdAt - b.createdAt ||
      (a.photoId < b.photoId ? -1 : a.photoId > b.photoId ? 1 : 0),
  );
}

/**
 * The photos members see: the facility's own, and those of its active spaces (the spaces members are shown); a photo
 * of an inactive space, or of a space not given, is not shown.
 */
export function photosForMembers<P extends ShownPhoto>(
  photos: readonly P[],
  spaces: readonly { spaceId: string; status: 'active' | 'inactive' }[],
): P[] {
  const shown = new Set(spaces.filter((s) => s.status === 'active').map((s) => s.spaceId));
  return photos.filter((p) => p.spaceId === undefined || shown.has(p.spaceId));
}
