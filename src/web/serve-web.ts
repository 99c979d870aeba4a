import { Logger } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** Paths that belong to the API and must never be answered by the single-page app. */
const API_PREFIXES = ['/graphql', '/health', '/ready', '/auth'];

interface WebRequest {
  method: string;
  path: string;
}
interface WebResponse {
  setHeader(name: string, value: string): void;
  sendFile(path: string, callback: (error?: Error) => void): void;
  status(code: number): WebResponse;
  type(contentType: string): WebResponse;
  send(body: string): void;
}
type Next = (error?: unknown) => void;

/**
 * Where `npm run build:web` puts the dashboard: `<repo>/web/dist`, found from this file whether it runs
 * from `src/web` (ts-jest, ts-node) or from `dist/src/web` (the compiled service).
 */
export function defaultWebDist(start = __dirname): string {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'web'))) return join(dir, 'web', 'dist');
    const parent = dirname(dir);
    if (parent === dir) return resolve(start, '..', '..', 'web', 'dist');
    dir = parent;
  }
}

function isApiPath(path: string): boolean {
  return API_PREFIXES.some(
    (prefix) => path === prefix || path.startsWith(`${prefix}/`) || path.startsWith(`${prefix}?`),
  );
}

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>pilotlog</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; line-height: 1.5">
<h1>pilotlog</h1>
<p>The dashboard has not been built yet. Run <code>npm run build</code> (or <code>npm start</code>, which builds first),
then reload this page.</p>
<p>The GraphQL API is available at <a href="/graphql">/graphql</a> in the meantime.</p>
</body></html>`;

/**
 * Serves the dashboard (`/`) and the offline GraphQL explorer (`/explorer`) from the built assets, with a
 * single-page-app fallback to `index.html` for any other GET that is not an API path.
 * Call it before `app.listen()` / `app.init()`, so the assets are mounted ahead of Nest's not-found handler.
 */
export function serveWeb(app: NestExpressApplication, webDist = defaultWebDist()): void {
  const indexHtml = join(webDist, 'index.html');
  const explorerHtml = join(webDist, 'explorer.html');

  if (!existsSync(indexHtml)) {
    new Logger('Web').warn(`No dashboard build in ${webDist}: run "npm run build" to serve the dashboard at /`);
    app.use((req: WebRequest, res: WebResponse, next: Next) => {
      if ((req.method !== 'GET' && req.method !== 'HEAD') || isApiPath(req.path)) return next();
      res.status(200).type('html').send(NOT_BUILT_PAGE);
    });
    return;
  }

  const sendHtml = (res: WebResponse, file: string, next: Next) => {
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(file, (error) => {
      if (error) next(error);
    });
  };
  const staticOptions = {
    index: false,
    fallthrough: true,
    setHeaders: (res: { setHeader(name: string, value: string): void }, path: string) => {
      // Vite puts a content hash in every asset name, so assets can be cached for good; pages cannot.
      const hashed = /[\\/]assets[\\/]/.test(path);
      res.setHeader('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  };

  app.use((req: WebRequest, res: WebResponse, next: Next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (req.path === '/explorer' || req.path === '/explorer/') return sendHtml(res, explorerHtml, next);
    if (req.path === '/' || req.path === '/index.html') return sendHtml(res, indexHtml, next);
    next();
  });
  app.useStaticAssets(webDist, staticOptions);
  app.useStaticAssets(webDist, { ...staticOptions, prefix: '/explorer' });
  app.use((req: WebRequest, res: WebResponse, next: Next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (isApiPath(req.path) || req.path.startsWith('/assets/')) return next();
    sendHtml(res, indexHtml, next);
  });
}
