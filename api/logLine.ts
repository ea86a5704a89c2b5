import { Writable } from 'node:stream';

/**
 * One readable line per request for a person at a terminal — `12:03:41 GET /api/v1/chains 200 8 ms` —
 * instead of pino's JSON object (kept for production and files: `LOG_FORMAT=json`). Anything that is
 * not a request log (start-up, errors) keeps its message; an error's message comes on the same line.
 */
export function readableLogStream(out: NodeJS.WritableStream = process.stdout): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) out.write(`${formatLogLine(line)}\n`);
      done();
    },
  });
}

export function formatLogLine(json: string): string {
  let entry: {
    time?: number;
    level?: number;
    msg?: string;
    req?: { method?: string; url?: string };
    res?: { statusCode?: number };
    responseTime?: number;
    err?: { message?: string };
  };
  try {
    entry = JSON.parse(json);
  } catch {
    return json;
  }
  const time = new Date(entry.time ?? Date.now()).toTimeString().slice(0, 8);
  const level = (entry.level ?? 30) >= 50 ? ' ERROR' : (entry.level ?? 30) >= 40 ? ' WARN' : '';
  if (entry.req && entry.res) {
    const took = entry.responseTime === undefined ? '' : ` ${Math.round(entry.responseTime)} ms`;
    return `${time}${level} ${entry.req.method} ${entry.req.url} ${entry.res.statusCode}${took}${entry.err?.message ? ` — ${entry.err.message}` : ''}`;
  }
  return `${time}${level} ${entry.msg ?? json}${entry.err?.message ? ` — ${entry.err.message}` : ''}`;
}

/** JSON unless a person is watching: readable lines on a terminal outside production. */
export function logFormat(): 'json' | 'line' {
  const chosen = process.env.LOG_FORMAT;
  if (chosen === 'json' || chosen === 'line') return chosen;
  return process.stdout.isTTY && process.env.NODE_ENV !== 'production' ? 'line' : 'json';
}
