/** The partner's export jobs: a whole range's CSV written to S3 by a job (api.md "Partner routes": exports). */
export { routes } from './routes';
