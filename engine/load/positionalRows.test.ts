import { describe, expect, it } from 'vitest';
import { nodeMergeCypher, positionalNodeBatches, positionalRelationshipBatches, relationshipMergeCypher } from './positionalRows.ts';

describe('positional rows', () => {
  it('sends values as a list in the order of the statement columns, one batch per run of rows with the same keys', () => {
    const rows = [
      { id: 'a', name: 'A', order: 1 },
      { order: 2, id: 'b', name: 'B' },
      { id: 'c', name: 'C' },
      { id: 'a', name: 'A2', order: null },
    ];
    const batches = [...positionalNodeBatches(rows, 10)];
    expect(batches).toEqual([
      { columns: ['name', 'order'], rows: [{ id: 'a', v: ['A', 1] }, { id: 'b', v: ['B', 2] }] },
      { columns: ['name'], rows: [{ id: 'c', v: ['C'] }] },
      // Same keys as the first run, but after a different shape: order is kept, so the repeated id ends with its last row.
      { columns: ['name', 'order'], rows: [{ id: 'a', v: ['A2', null] }] },
    ]);
    expect(nodeMergeCypher({ label: 'Segment', rows: [] }, batches[0].columns)).toBe(
      'UNWIND $rows AS row MERGE (n:Segment {id: row.id}) SET n += {`name`: row.v[0], `order`: row.v[1]}',
    );
  });

  it('splits runs at the batch size', () => {
    const rows = Array.from({ length: 5 }, (_, i) => ({ id: `n${i}`, name: `${i}` }));
    expect([...positionalNodeBatches(rows, 2)].map((b) => b.rows.length)).toEqual([2, 2, 1]);
  });

  it('writes relationships without properties with no SET, and with them by column', () => {
    const plain = [...positionalRelationshipBatches([{ from: 'a', to: 'b' }, { from: 'a', to: 'c', props: {} }], 10)];
    expect(plain).toEqual([{ columns: [], rows: [{ from: 'a', to: 'b', v: [] }, { from: 'a', to: 'c', v: [] }] }]);
    const group = { type: 'SUPPLIES' as const, from: 'Enterprise' as const, to: 'Enterprise' as const, rows: [] };
    expect(relationshipMergeCypher(group, [])).toBe(
      'UNWIND $rows AS row MATCH (a:Enterprise {id: row.from}) MATCH (b:Enterprise {id: row.to}) MERGE (a)-[r:SUPPLIES]->(b) RETURN count(r) AS written',
    );
    const withProps = [...positionalRelationshipBatches([{ from: 'a', to: 'b', props: { weight: 2, since: 2019 } }], 10)];
    expect(withProps[0]).toEqual({ columns: ['since', 'weight'], rows: [{ from: 'a', to: 'b', v: [2019, 2] }] });
    expect(relationshipMergeCypher(group, withProps[0].columns)).toContain('SET r += {`since`: row.v[0], `weight`: row.v[1]} RETURN');
  });

  it('refuses a key that is not a plain property name (it would be Cypher text)', () => {
    expect(() => [...positionalNodeBatches([{ id: 'a', 'x`}) DETACH DELETE n //': 1 }], 10)]).toThrow(/not a property name/);
  });
});
