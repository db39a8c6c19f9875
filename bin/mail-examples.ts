/**
 * `npm run docs:mails`: writes the rendered example of every message (lib/mail-examples.ts) to docs/notifications.md.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { MAIL_EXAMPLES_FILE, mailExamplesMarkdown } from '../lib/mail-examples';

await mkdir(new URL('../docs/', import.meta.url), { recursive: true });
await writeFile(new URL(`../${MAIL_EXAMPLES_FILE}`, import.meta.url), await mailExamplesMarkdown());
console.log(`wrote ${MAIL_EXAMPLES_FILE}`);
