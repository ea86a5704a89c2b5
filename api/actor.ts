import type { Request } from 'express';

/**
 * Who is writing, recorded with every write: the owner of the API key (api/auth.ts). Without a key
 * (only where writes are opened to everyone, e.g. local development) the `X-Actor` header names
 * the person, else "anonymous"; a keyed caller cannot claim another name with it.
 */
export function actorOf(req: Request): string {
  if (req.caller?.keyed) return req.caller.actor;
  const header = req.get('X-Actor')?.trim();
  return header ? header.slice(0, 120) : 'anonymous';
}
