import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import express, { type Router } from 'express';

const require = createRequire(import.meta.url);
const swaggerDist = dirname(require.resolve('swagger-ui-dist/package.json'));

const page = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>ChainMatch API 文档</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script></body></html>`;

// A separate script (not inline) so the page works under the same Content-Security-Policy as the app.
const init = `window.ui = SwaggerUIBundle({ url: '/api/v1/openapi.json', dom_id: '#swagger-ui', deepLinking: true, tryItOutEnabled: true, persistAuthorization: true });`;

/** The interactive API documentation at /api/docs (Swagger UI served from the package, no CDN). */
export function docsRoutes(): Router {
  const router = express.Router();
  router.use('/api/docs/assets', express.static(swaggerDist, { maxAge: '1d' }));
  router.get('/api/docs/init.js', (_req, res) => res.type('application/javascript').send(init));
  router.get('/api/docs', (_req, res) => res.type('html').send(page));
  return router;
}
