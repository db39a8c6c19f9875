/** The partner's facilities: read and edit their own (api.md "Partner routes"). What other modules may use of it. */
export { routes } from './routes';
export { applyFacilityPatch } from './rules/patch';
export { operatorFacilityView } from './views';
