import type { Request, RequestHandler } from 'express';
import type { z } from 'zod';
import type { Table } from '../engine/index.ts';
import type { Scope } from './config.ts';

export type HttpMethod = 'get' | 'post' | 'patch' | 'put' | 'delete';

/** What a handler answers; the route's declaration says which of these it may be (api/mountRoutes.ts sends them). */
export type Reply =
  | { kind: 'json'; status: 200 | 201 | 202; body: unknown; location?: string; etag?: string; headers?: Record<string, string> }
  | { kind: 'empty' }
  | { kind: 'table'; table: Table; format: 'csv' | 'xlsx' }
  | { kind: 'workbook'; content: Buffer; filename: string; fallbackName: string };

export const json = (body: unknown): Reply => ({ kind: 'json', status: 200, body });
/** 201 with the new resource's address in `Location`. */
export const created = (body: unknown, location: string): Reply => ({ kind: 'json', status: 201, body, location });
export const noContent = (): Reply => ({ kind: 'empty' });
/** A list as a CSV or XLSX download (`?format=`), named after its Chinese title. */
export const table = (t: Table, format: 'csv' | 'xlsx'): Reply => ({ kind: 'table', table: t, format });
/** An XLSX workbook as a download under a (Chinese) file name, with an ASCII name for old clients. */
export const workbook = (content: Buffer, filename: string, fallbackName: string): Reply => ({ kind: 'workbook', content, filename, fallbackName });

type Infer<S> = S extends z.ZodType ? z.infer<S> : undefined;

/** The parsed request a handler receives: path, query and body already validated by the route's schemas. */
export interface RouteInput<P, Q, B> {
  params: Infer<P>;
  query: Infer<Q>;
  body: Infer<B>;
  /** For what the schemas do not cover: the caller (actor of writes) and an uploaded file. */
  req: Request;
}

/**
 * One route of the API, declared once: the same object registers the Express handler (validation →
 * problem+json, the declared success answer) and its entry in the OpenAPI document, so a path, its
 * schemas and its docs cannot drift apart (issue 14 item 2; after @asteasolutions/zod-to-openapi's
 * `registry.registerPath` and hono's `createRoute`).
 */
export interface RouteDefinition<
  P extends z.ZodObject | undefined = z.ZodObject | undefined,
  Q extends z.ZodObject | undefined = z.ZodObject | undefined,
  B extends z.ZodType | undefined = z.ZodType | undefined,
> {
  method: HttpMethod;
  /** OpenAPI style, relative to /api/v1: `/chains/{id}/map`. */
  path: string;
  summary: string;
  tags: string[];
  /**
   * The scope the operation needs: api/auth.ts enforces exactly this (before the body is read), and the
   * document states it. Reads need `read`; computing matches `match`; anything that writes `write`.
   */
  scope: Scope;
  params?: P;
  query?: Q;
  body?: B;
  /** Request headers the operation honours, for the OpenAPI document (the route checks them itself). */
  headers?: z.ZodObject;
  /** A Chinese example body for the docs page. */
  bodyExample?: unknown;
  /**
   * A deadline longer than the API's request timeout, for work that is expected to take longer and is
   * better waited for than refused (a classification whose classifier is still training).
   */
  timeoutMs?: number;
  /** A file upload (multipart/form-data field `file`) instead of a JSON body: the middleware that receives it. */
  upload?: RequestHandler;
  /**
   * The success answer: its status and, for JSON, the zod schema of its body (engine/contracts). In
   * tests every JSON answer is parsed with it, so drift between the engine and the contract fails.
   */
  response:
    | { status: 200 | 201; schema: z.ZodType; description?: string; exportable?: boolean }
    | { status: 204; description?: string }
    | { status: 200; workbook: true; description?: string };
  /** A second success answer: 202 Accepted with this body (e.g. an import job to poll at `Location`). */
  accepted?: { schema: z.ZodType; description: string };
  /** Error statuses beyond the common ones (400, 401, 403, 404, 413, 429, 503), e.g. 409. */
  errors?: { status: number; description: string }[];
  handler: (input: RouteInput<P, Q, B>) => Promise<Reply>;
}

/** Declares a route; the generic parameters give the handler the parsed, typed request. */
export function defineRoute<
  P extends z.ZodObject | undefined = undefined,
  Q extends z.ZodObject | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
>(route: RouteDefinition<P, Q, B>): RouteDefinition {
  return route as unknown as RouteDefinition;
}
