import { QR_POSTER_FILE, qrPosterFileName, qrPosterPath } from '../../../../../contracts/http/qr-poster';
import { httpHandler } from '../../../../platform/http';
import { qrPosterDeps } from '../deps';
import { renderPoster } from '../poster';
import { rows } from '../routes';
import { qrPosterOf } from '../service';

export const handler = httpHandler(
  rows.getQrPoster,
  { path: qrPosterPath, response: { status: 200, file: QR_POSTER_FILE } },
  async ({ path, identity, now }) => {
    const poster = await qrPosterOf(qrPosterDeps(), identity, path.spaceId);
    return { bytes: await renderPoster(poster, now), fileName: qrPosterFileName(path.spaceId) };
  },
);
