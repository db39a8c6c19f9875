import { catalogDeps } from '../../catalog';
import { visitRepository } from '../../dropin';
import type { UsagePorts } from './service';

/** The usage screens: the facilities (tenancy) and the visits. */
export const usageDeps = (): UsagePorts => ({ facilities: catalogDeps().facilities, visits: visitRepository() });
