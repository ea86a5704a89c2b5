import { describe, expect, it } from 'vitest';
import { anyOf, escapeLucene } from './luceneQuery.ts';

describe('Lucene escaping', () => {
  it('neutralises operators, wildcards and field syntax', () => {
    expect(escapeLucene('a AND b OR NOT c')).toBe('a and b or not c');
    expect(escapeLucene('name:x* ~"q" (y) [z] \\ /')).toBe('name\\:x\\* \\~\\"q\\" \\(y\\) \\[z\\] \\\\ \\/');
    expect(escapeLucene('}) DETACH DELETE n //')).toBe('\\}\\) DETACH DELETE n \\/\\/');
  });
  it('joins phrases with OR and drops empty ones', () => {
    expect(anyOf(['正极', ' ', '负极'])).toBe('正极 OR 负极');
    expect(anyOf([])).toBeUndefined();
  });
});
