/** The back office (api.md "Back office", role admin). What other modules may use of it. */
export { routes } from './routes';
export { planDoors } from './rules/catalogue';
export {
  type AdminPorts,
  createCompany,
  createFacility,
  createOpenSpace,
  editCompany,
  newFacility,
  setDoors,
} from './service';
