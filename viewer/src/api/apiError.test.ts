import { describe, expect, it } from 'vitest';
import { ApiError, filenameFromDisposition, problemFromBody } from './apiError.ts';

describe('problemFromBody', () => {
  it('keeps the problem+json title, detail and field errors', () => {
    const body = JSON.stringify({
      type: 'about:blank',
      title: '请求参数无效 Invalid input',
      status: 400,
      detail: 'invalid body',
      errors: [{ path: 'body.mode', message: 'Invalid option' }],
    });
    const e = problemFromBody(400, 'Bad Request', 'application/problem+json', body);
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toMatchObject({
      status: 400,
      title: '请求参数无效 Invalid input',
      detail: 'invalid body',
      fieldErrors: [{ path: 'body.mode', message: 'Invalid option' }],
    });
  });

  it('turns anything else into a titled error with the start of the body', () => {
    const e = problemFromBody(502, 'Bad Gateway', 'text/html', '<h1>upstream down</h1>');
    expect(e.title).toBe('HTTP 502 Bad Gateway');
    expect(e.detail).toBe('<h1>upstream down</h1>');
    expect(problemFromBody(500, '', 'application/json', '{not json').title).toBe('HTTP 500');
    expect(problemFromBody(503, '', 'application/json', '').detail).toBeUndefined();
  });
});

describe('filenameFromDisposition', () => {
  it('prefers the UTF-8 name, then the plain one, then the fallback', () => {
    expect(filenameFromDisposition(`attachment; filename="export.csv"; filename*=UTF-8''${encodeURIComponent('补链候选企业.csv')}`, 'x.csv')).toBe(
      '补链候选企业.csv',
    );
    expect(filenameFromDisposition('attachment; filename="export.xlsx"', 'x.xlsx')).toBe('export.xlsx');
    expect(filenameFromDisposition(null, 'x.csv')).toBe('x.csv');
  });
});
