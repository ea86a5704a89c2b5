import { describe, expect, it } from 'vitest';
import { formatLogLine } from './logLine.ts';

describe('readable request log lines', () => {
  it('turns a pino-http entry into time, method, path, status and duration', () => {
    const time = new Date(2026, 11, 6, 9, 5, 7).getTime();
    const entry = { level: 30, time, req: { method: 'GET', url: '/api/v1/chains' }, res: { statusCode: 200 }, responseTime: 8.4, msg: 'request completed' };
    expect(formatLogLine(JSON.stringify(entry))).toBe('09:05:07 GET /api/v1/chains 200 8 ms');
    expect(formatLogLine(JSON.stringify({ ...entry, level: 50, res: { statusCode: 500 }, err: { message: 'boom' } }))).toBe(
      '09:05:07 ERROR GET /api/v1/chains 500 8 ms — boom',
    );
    expect(formatLogLine(JSON.stringify({ level: 40, time, msg: 'slow' }))).toBe('09:05:07 WARN slow');
    expect(formatLogLine('not json')).toBe('not json');
  });
});
