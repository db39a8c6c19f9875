import { catalogDeps } from '../../catalog';
import type { QrPosterPorts } from './service';

/** The QR poster: the catalog's repositories (the space, its facility). */
export const qrPosterDeps = (): QrPosterPorts => catalogDeps();
