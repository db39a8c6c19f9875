/** The partner's facilities: read and edit their own (api.md "Partner routes"). What other modules may use of it. */
export { routes } from './routes';
export { applyFacilityPatch, type FacilityPatchFields } from './rules/patch';
export { editFacility, type FacilityPorts } from './service';
export { operatorFacilityView } from './views';
