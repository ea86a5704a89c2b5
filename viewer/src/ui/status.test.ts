import { describe, expect, it } from 'vitest';
import { zh } from '../i18n/zh.ts';
import { problemLead } from './status.ts';

describe('what a problem status means, before the server’s words', () => {
  it('names the statuses the API sends, every other 5xx and 4xx by class', () => {
    expect([400, 401, 403, 404, 409, 413, 415, 429, 503].map(problemLead)).toEqual([
      'problem.400',
      'problem.401',
      'problem.403',
      'problem.404',
      'problem.409',
      'problem.413',
      'problem.415',
      'problem.429',
      'problem.503',
    ]);
    expect(problemLead(500)).toBe('problem.5xx');
    expect(problemLead(502)).toBe('problem.5xx');
    expect(problemLead(418)).toBe('problem.other');
    // every key it names is in the dictionary
    for (const status of [400, 401, 403, 404, 409, 413, 415, 429, 503, 500, 418]) expect(zh[problemLead(status)!]).toBeTruthy();
  });

  it('says nothing before a failure the viewer describes itself: no answer, or an unreadable one', () => {
    expect(problemLead(0)).toBeNull();
    expect(problemLead(200)).toBeNull();
  });
});
