import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

/** What a key may do. admin implies everything; write and match each imply read. */
export const scopeSchema = z.enum(['read', 'match', 'write', 'admin']);
export type Scope = z.infer<typeof scopeSchema>;

export interface ApiKey {
  owner: string;
  /** sha256 of the key, hex: keys are never stored or compared in plain text. */
  sha256: string;
  scopes: Scope[];
}

export interface ApiConfig {
  keys: ApiKey[];
  /** Scopes every request has without a key (default read and match: reads and matching are open). */
  openScopes: Scope[];
  /** Requests per minute per key, or per client address without one. */
  rateLimitPerMinute: number;
  /** Allowed CORS origins; empty = no CORS headers (same-origin viewer only). */
  corsOrigins: string[];
  requestTimeoutMs: number;
  /** Largest JSON body; larger gets 413. */
  jsonBodyLimit: string;
  /** Largest import upload, bytes. */
  uploadLimitBytes: number;
}

export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

const keyFileSchema = z.array(z.strictObject({ owner: z.string().min(1), sha256: z.string().regex(/^[0-9a-f]{64}$/), scopes: z.array(scopeSchema).min(1) }));

/**
 * Keys come from CHAINMATCH_API_KEYS ("owner:key:scope+scope,…", hashed on load) and/or the file
 * named by CHAINMATCH_API_KEYS_FILE (JSON [{owner, sha256, scopes}]).
 */
export function apiConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const keys: ApiKey[] = [];
  for (const entry of (env.CHAINMATCH_API_KEYS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [owner, key, scopes] = entry.split(':');
    if (!owner || !key || !scopes) throw new Error('CHAINMATCH_API_KEYS entries are owner:key:scope+scope');
    keys.push({ owner, sha256: hashKey(key), scopes: scopes.split('+').map((s) => scopeSchema.parse(s)) });
  }
  if (env.CHAINMATCH_API_KEYS_FILE) keys.push(...keyFileSchema.parse(JSON.parse(readFileSync(env.CHAINMATCH_API_KEYS_FILE, 'utf8'))));
  const open = env.CHAINMATCH_OPEN_SCOPES ?? 'read,match';
  return {
    keys,
    openScopes: open
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s) => scopeSchema.parse(s)),
    rateLimitPerMinute: Number(env.RATE_LIMIT_PER_MINUTE ?? 6000),
    corsOrigins: (env.CORS_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    requestTimeoutMs: Number(env.REQUEST_TIMEOUT_MS ?? 30_000),
    jsonBodyLimit: env.JSON_BODY_LIMIT ?? '1mb',
    uploadLimitBytes: Number(env.UPLOAD_LIMIT_BYTES ?? 20 * 1024 * 1024),
  };
}

/**
 * For a first local run with no keys configured: makes one admin key, stores only its hash in
 * `file`, and returns the key once so the start script can show it. Later runs reuse the file.
 */
export function ensureLocalAdminKey(file: string): { key?: string; entry: ApiKey } {
  if (existsSync(file)) return { entry: keyFileSchema.parse(JSON.parse(readFileSync(file, 'utf8')))[0] };
  const key = `cm_${randomBytes(24).toString('base64url')}`;
  const entry: ApiKey = { owner: 'local-admin', sha256: hashKey(key), scopes: ['admin'] };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify([entry], null, 2), { mode: 0o600 });
  return { key, entry };
}
