/** Imported first by the CDK test helpers: CDK writes its scratch folders under TMPDIR. */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const CDK_TMPDIR = fileURLToPath(new URL('../../.tmp/cdk', import.meta.url));
mkdirSync(CDK_TMPDIR, { recursive: true });
process.env.TMPDIR = CDK_TMPDIR;
