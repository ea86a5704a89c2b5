import { describe, expect, it } from 'vitest';
import { allRoutes, type Engines } from '../routes/allRoutes.ts';
import { openApiDocument } from './document.ts';

/**
 * Issue 15 item 2: every string a request may carry has a maximum length and every array a maximum
 * size — checked on the OpenAPI document, which is generated from the same zod schemas the routes
 * validate with, so a new unbounded field anywhere (path, query, header, JSON body) fails here.
 * A string is bounded by `maxLength`, an enum or constant, a fixed format (uuid, date, binary), or an
 * anchored pattern without an open-ended quantifier (`^o\d{1,9}$`).
 */
type Schema = Record<string, any>;

const boundedPattern = (pattern: string) => pattern.startsWith('^') && pattern.endsWith('$') && !/[*+]|\{\d+,\}/.test(pattern.replace(/\\./g, ''));

function unbounded(doc: Schema): string[] {
  const found: string[] = [];
  const components = (doc.components?.schemas ?? {}) as Record<string, Schema>;
  const walk = (s: Schema | undefined, where: string, seen: Set<string>): void => {
    if (!s || typeof s !== 'object') return;
    if (typeof s.$ref === 'string') {
      const name = s.$ref.split('/').pop()!;
      if (!seen.has(name)) walk(components[name], where, new Set([...seen, name]));
      return;
    }
    const types: unknown[] = Array.isArray(s.type) ? s.type : [s.type];
    const fixed = s.enum !== undefined || s.const !== undefined || ['binary', 'uuid', 'date', 'date-time'].includes(s.format);
    if (types.includes('string') && s.maxLength === undefined && !fixed && !(typeof s.pattern === 'string' && boundedPattern(s.pattern))) found.push(where);
    if (types.includes('array') && s.maxItems === undefined) found.push(`${where}[]`);
    for (const [name, property] of Object.entries((s.properties ?? {}) as Record<string, Schema>)) walk(property, `${where}.${name}`, seen);
    walk(s.items, `${where}[]`, seen);
    if (typeof s.additionalProperties === 'object') walk(s.additionalProperties, `${where}{}`, seen);
    for (const key of ['anyOf', 'oneOf', 'allOf']) ((s[key] ?? []) as Schema[]).forEach((option) => walk(option, where, seen));
  };
  for (const [path, operations] of Object.entries(doc.paths as Record<string, Record<string, Schema>>)) {
    for (const [method, operation] of Object.entries(operations)) {
      const at = `${method} ${path}`;
      for (const p of (operation.parameters ?? []) as Schema[]) walk(p.schema, `${at} ${p.in}.${p.name}`, new Set());
      for (const [type, content] of Object.entries((operation.requestBody?.content ?? {}) as Record<string, Schema>))
        walk(content.schema, `${at} body(${type})`, new Set());
    }
  }
  return [...new Set(found)];
}

describe('every request field is bounded (issue 15 item 2)', () => {
  const doc = openApiDocument(allRoutes({} as Engines), 'test') as unknown as Schema;

  it('no string without a maximum length, no array without a maximum size, in any parameter or body', () => {
    expect(unbounded(doc)).toEqual([]);
  });

  it('the check finds an unbounded string and array (so it can fail)', () => {
    const probe = {
      paths: {
        '/x': {
          post: {
            parameters: [{ in: 'query', name: 'q', schema: { type: 'string', pattern: '^a+$' } }],
            requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/B' } } } },
          },
        },
      },
      components: {
        schemas: {
          B: {
            type: 'object',
            properties: {
              name: { type: 'string' },
              tags: { type: 'array', items: { type: 'string', maxLength: 5 } },
              ok: { type: 'string', pattern: '^o\\d{1,9}$' },
            },
          },
        },
      },
    };
    expect(unbounded(probe)).toEqual(['post /x query.q', 'post /x body(application/json).name', 'post /x body(application/json).tags[]']);
  });
});
