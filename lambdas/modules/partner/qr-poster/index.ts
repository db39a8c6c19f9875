/** The printable QR poster of the partner's open spaces (api.md "Partner routes": `GET …/qr`). */
export { routes } from './routes';
export { type QrPosterPorts, qrPosterOf } from './service';
