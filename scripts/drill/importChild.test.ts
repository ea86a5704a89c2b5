import { describe, expect, it } from 'vitest';
import { nodeMergeCypher, relationshipMergeCypher } from '../../engine/load/loadGraph.ts';
import { describeStatement } from './importChild.ts';

// The killed-import drill checks batches by what the loader's statements write; if the loader's Cypher
// changes shape, this fails here instead of the drill reporting every batch as unrecognised.
describe('describeStatement', () => {
  it("recognises the loader's node and relationship statements with the ids they write", () => {
    expect(describeStatement(1, nodeMergeCypher({ label: 'Enterprise', rows: [] }), { rows: [{ id: 'a' }, { id: 'b' }] })).toEqual({
      t: 'begin',
      seq: 1,
      kind: 'node',
      label: 'Enterprise',
      ids: ['a', 'b'],
    });
    expect(
      describeStatement(2, relationshipMergeCypher({ type: 'MAKES', from: 'Enterprise', to: 'Product', rows: [] }), { rows: [{ from: 'a', to: 'p' }] }),
    ).toEqual({
      t: 'begin',
      seq: 2,
      kind: 'rel',
      type: 'MAKES',
      from: 'Enterprise',
      to: 'Product',
      pairs: [['a', 'p']],
    });
  });

  it('marks anything else as other', () => {
    expect(describeStatement(3, "MERGE (r:ImportRun {id: $id}) SET r.status = 'running'")).toMatchObject({ kind: 'other' });
  });
});
