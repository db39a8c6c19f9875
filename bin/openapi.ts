/**
 * `npm run openapi`: writes the OpenAPI document of the HTTP API (lib/openapi.ts) to contracts/openapi.json.
 */
import { writeFile } from 'node:fs/promises';
import { loadHandlers } from '../lib/local/gateway';
import { OPENAPI_FILE, openApiDocument } from '../lib/openapi';

const handlers = await loadHandlers();
const document = openApiDocument([...handlers.values()].map((h) => h.contract));
await writeFile(new URL(`../${OPENAPI_FILE}`, import.meta.url), `${JSON.stringify(document, null, 2)}\n`);
console.log(`wrote ${OPENAPI_FILE} (${Object.keys(document.paths as object).length} paths)`);
