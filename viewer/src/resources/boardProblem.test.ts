import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/apiError.ts';
import { boardProblem } from './boardProblem.ts';

describe('what the board says about a refused write', () => {
  it('puts the API’s messages beside the fields they name', () => {
    const problem = boardProblem(
      new ApiError(400, 'Invalid input', 'invalid body', [
        { path: 'body.areaM2', message: 'Too small' },
        { path: 'body.areaM2', message: 'again' },
        { path: 'body.title', message: 'Required' },
      ]),
    );
    expect(problem.message).toBe('board.problem.invalid');
    expect([...problem.byField]).toEqual([
      ['areaM2', ['Too small', 'again']],
      ['title', ['Required']],
    ]);
  });
  it('says in words when someone else changed it (412), when the key may not change it (403), when to sign in (401)', () => {
    expect([412, 403, 401].map((s) => boardProblem(new ApiError(s, 'x')).message)).toEqual([
      'board.problem.stale',
      'board.problem.forbidden',
      'board.problem.signIn',
    ]);
  });
  it('treats an unknown owner (404 naming a field) as a form mistake, a plain 404 as a record gone', () => {
    expect(boardProblem(new ApiError(404, 'x', undefined, [{ path: 'body.ownerId', message: 'unknown' }])).message).toBe('board.problem.invalid');
    expect(boardProblem(new ApiError(404, 'x')).message).toBe('board.problem.notFound');
    expect(boardProblem(new Error('boom')).message).toBe('board.problem.other');
  });
});
