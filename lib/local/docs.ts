/**
 * The API reference page of the local stack: Swagger UI (from the registry package swagger-ui-dist, served from
 * node_modules, no CDN) rendering the stack's own /openapi.json at /docs, tried against the stack itself.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { LocalRouteHandler } from './gateway';

const DIST = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

/** The page: Swagger UI on the stack's document, with a bearer token field (Authorize). */
export const DOCS_PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <title>Coworking API reference</title>
  <link rel="stylesheet" href="/docs/swagger-ui.css" />
</head>
<body>
  <div id="reference"></div>
  <script src="/docs/swagger-ui-bundle.js"></script>
  <script>
    // the document as /openapi.json serves it, tried against this local stack first
    fetch('/openapi.json')
      .then((answer) => answer.json())
      .then((spec) => {
        spec.servers = [{ url: location.origin, description: 'this local stack' }, ...spec.servers];
        window.ui = SwaggerUIBundle({ spec, dom_id: '#reference', deepLinking: true });
      });
  </script>
</body>
</html>
`;

const file = (name: string, contentType: string): LocalRouteHandler => {
  let cached: Buffer | undefined;
  return async () => {
    cached ??= await readFile(join(DIST, name));
    return { status: 200, body: cached, contentType };
  };
};

/** `GET /docs` and the two files it loads. */
export function docsRoutes(): Record<string, LocalRouteHandler> {
  return {
    'GET /docs': async () => ({ status: 200, body: DOCS_PAGE, contentType: 'text/html; charset=utf-8' }),
    'GET /docs/swagger-ui.css': file('swagger-ui.css', 'text/css; charset=utf-8'),
    'GET /docs/swagger-ui-bundle.js': file('swagger-ui-bundle.js', 'text/javascript; charset=utf-8'),
  };
}
