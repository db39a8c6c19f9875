import { describe } from 'vitest';
import { doorClientScenarios } from './scenarios';
import { startMosquitto } from './support';

describe('door client against Mosquitto (child process)', () => {
  doorClientScenarios(startMosquitto);
});
