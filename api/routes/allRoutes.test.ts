import { describe, expect, it } from 'vitest';
import { declaredScope } from '../auth.ts';
import { openApiDocument } from '../openapi/document.ts';
import { allRoutes, type Engines } from './allRoutes.ts';

// The declarations only keep the engines for their handlers, which these checks never call.
const routes = allRoutes({} as Engines);
const doc = openApiDocument(routes, 'test') as unknown as {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema?: unknown }> }> }>>;
};
const examplePath = (path: string) => path.replace(/\{[^}]+\}/g, 'x');

describe('every route is declared once and documented from its declaration', () => {
  it('declares each method and path once', () => {
    const keys = routes.map((r) => `${r.method} ${r.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBeGreaterThanOrEqual(30);
  });

  it('documents exactly the declared routes', () => {
    const documented = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m} ${path}`));
    expect(documented.sort()).toEqual(routes.map((r) => `${r.method} ${r.path}`).sort());
  });

  it('gives every JSON answer a response schema in the document', () => {
    for (const route of routes) {
      const success = doc.paths[route.path][route.method].responses[String(route.response.status)];
      expect(success, `${route.method} ${route.path}`).toBeTruthy();
      if ('schema' in route.response) expect(success.content?.['application/json']?.schema, `${route.method} ${route.path}`).toBeTruthy();
    }
  });

  it('finds the declared scope of each route when authorising a request to it', () => {
    const scopeOf = declaredScope(routes);
    for (const route of routes) expect(scopeOf(route.method.toUpperCase(), examplePath(route.path)), `${route.method} ${route.path}`).toBe(route.scope);
    expect(scopeOf('GET', '/no/such/route')).toBeUndefined();
  });

  it('keeps the scope policy: reads need read, anything else needs match or write', () => {
    for (const route of routes) {
      if (route.method === 'get') expect(route.scope, `${route.method} ${route.path}`).toBe('read');
      else expect(['match', 'write', 'admin'], `${route.method} ${route.path}`).toContain(route.scope);
    }
  });
});
