/** The partner's spaces: create, read and set their own (api.md "Partner routes"). What other modules may use of it. */
export { routes } from './routes';
export { applySpaceSettings, newSpace, newSpaceDefaults, type SpaceSettings } from './rules/space-settings';
export { createSpace, editSpace, ownOpenSpace, ownSpace, type SpacePorts } from './service';
export { operatorSpaceView } from './views';
