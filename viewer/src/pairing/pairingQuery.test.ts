import { describe, expect, it } from 'vitest';
import { pairingRequest, partnerOf, subjectRef, talentRequest } from './pairingQuery.ts';

describe('pairing requests', () => {
  const base = { limit: 10, inXianlin: false, localOnly: false };
  it('asks with exactly one subject and only the filters that apply', () => {
    expect(pairingRequest({ ...base, subject: null })).toBeNull();
    expect(pairingRequest({ ...base, subject: { kind: 'enterprise', id: 'E1', name: '甲' } })).toEqual({ enterpriseId: 'E1', limit: 10, filters: {} });
    expect(pairingRequest({ ...base, inXianlin: true, localOnly: true, subject: { kind: 'enterprise', id: 'E1', name: '甲' } })).toEqual({
      enterpriseId: 'E1',
      limit: 10,
      filters: { inXianlin: true },
    });
    expect(pairingRequest({ ...base, localOnly: true, subject: { kind: 'researchUnit', id: 'ru.1', name: '乙' } })).toEqual({
      researchUnitId: 'ru.1',
      limit: 10,
      filters: { localOnly: true },
    });
    expect(pairingRequest({ ...base, subject: { kind: 'text', text: '  制剂工艺 ', role: 'need' } })).toEqual({
      text: '制剂工艺',
      textRole: 'need',
      limit: 10,
      filters: {},
    });
    expect(pairingRequest({ ...base, subject: { kind: 'text', text: '   ', role: 'need' } })).toBeNull();
  });

  it('asks for talent for an enterprise or a need, never a research unit', () => {
    expect(talentRequest({ kind: 'enterprise', id: 'E1', name: '甲' }, 5, [])).toEqual({ enterpriseId: 'E1', limit: 5, filters: {} });
    expect(talentRequest({ kind: 'text', text: '药代', role: 'need' }, 5, ['national'])).toEqual({ text: '药代', limit: 5, filters: { levels: ['national'] } });
    expect(talentRequest({ kind: 'researchUnit', id: 'r', name: 'r' }, 5, [])).toBeNull();
  });

  it('names the partner on the far side of the pair, and the subject of a match record', () => {
    const item = {
      enterprise: { id: 'E1', name: '甲企业', demo: true },
      researchUnit: { id: 'ru.1', name: '乙研究院', university: '丙大学', demo: false },
    } as Parameters<typeof partnerOf>[0];
    expect(partnerOf(item, 'to-research-units')).toEqual({ id: 'ru.1', name: '乙研究院', sub: '丙大学', demo: false });
    expect(partnerOf(item, 'to-enterprises')).toEqual({ id: 'E1', name: '甲企业', sub: null, demo: true });
    expect(subjectRef({ kind: 'enterprise', id: 'E1', name: '甲' })).toEqual({ id: 'E1', name: '甲' });
    expect(subjectRef({ kind: 'text', text: '制剂', role: 'need' }).id).toMatch(/^text\./);
  });
});
