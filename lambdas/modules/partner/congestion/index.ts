/** The partner's open spaces' congestion (api.md "Partner routes": congestion). */
export { routes } from './routes';
export { type CongestionPorts, setCongestion } from './service';
