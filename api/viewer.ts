import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Router } from 'express';

export const viewerDist = new URL('../viewer/dist/', import.meta.url).pathname;

/**
 * Serves the built viewer at `/` (a single-page app: unknown non-API paths get index.html).
 * Without a build, `/` says how to make one instead of a bare 404.
 */
export function viewerRoutes(dist = viewerDist): Router {
  const router = express.Router();
  const index = join(dist, 'index.html');
  router.use(
    express.static(dist, {
      index: 'index.html',
      maxAge: '1h',
      setHeaders: (res, path) => path.endsWith('.html') && res.setHeader('Cache-Control', 'no-cache'),
    }),
  );
  router.get(/^\/(?!api\/|health).*/, (_req, res) => {
    if (existsSync(index)) res.sendFile(index);
    else res.status(503).type('text/plain; charset=utf-8').send('查看器尚未构建 The viewer is not built yet: run `npm run build`.');
  });
  return router;
}
