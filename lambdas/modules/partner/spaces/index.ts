/** The partner's spaces: create, read and set their own (api.md "Partner routes"). What other modules may use of it. */
export { routes } from './routes';
export { applySpaceSettings, newSpaceDefaults, type SpaceSettings } from './rules/space-settings';
export { ownSpace } from './service';
export { operatorSpaceView } from './views';
