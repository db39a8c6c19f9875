/**
 * The zod every contract is written in: `zod/mini` (functions and `.check(…)` rather than classic zod's methods), a
 * fraction of classic zod in every bundle. Mini brings no messages of its own: English is set here, once, so that
 * whatever parses a contract (a handler, a step, the seed) names problems as classic zod did (`Too small: expected
 * string to have >=1 characters`), which is what the problem answers' `errors[].message` carry.
 */
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

z.config(en());

export * from 'zod/mini';
