import { describe, expect, it } from 'vitest';
import { createPairingState, formSubject, pairingHash, resetPanel } from './pairingState.ts';

const q = (text: string) => new URLSearchParams(text);

describe('pairing state', () => {
  it('reads a firm deep link into the partners tab and shares the firm with the talent tab', () => {
    const state = createPairingState(q('enterpriseId=e1&name=正大天晴'));
    expect([state.tab, state.partners.kind, state.talent.kind]).toEqual(['partners', 'enterprise', 'enterprise']);
    expect(formSubject(state, 'partners')).toEqual({ kind: 'enterprise', id: 'e1', name: '正大天晴' });
    expect(formSubject(state, 'talent')).toEqual({ kind: 'enterprise', id: 'e1', name: '正大天晴' });
  });

  it('reads words with a role for partners, and words on the talent tab as a need there only', () => {
    const partners = createPairingState(q('text=电池热管理&role=capability'));
    expect(formSubject(partners, 'partners')).toEqual({ kind: 'text', text: '电池热管理', role: 'capability' });
    expect([partners.talent.kind, partners.talent.text]).toEqual(['enterprise', '']);
    const talent = createPairingState(q('tab=talent&text=制剂工艺'));
    expect(formSubject(talent, 'talent')).toEqual({ kind: 'text', text: '制剂工艺', role: 'need' });
    expect(createPairingState(q('researchUnitId=u1')).partners.kind).toBe('researchUnit');
  });

  it('names no subject while the words are blank or nothing is picked', () => {
    const state = createPairingState(q('text=%20%20'));
    expect(formSubject(state, 'partners')).toBeNull();
    state.partners.kind = 'researchUnit';
    expect(formSubject(state, 'partners')).toBeNull();
  });

  it('one reset per tab: a new question clears the old answer and selection, and leaves the other tab alone', () => {
    const state = createPairingState(q('enterpriseId=e1'));
    state.partners.result = { items: [] } as unknown as typeof state.partners.result;
    state.partners.selected = {} as typeof state.partners.selected;
    state.talent.subject = { kind: 'enterprise', id: 'e1', name: 'e1' };
    resetPanel(state.partners, { kind: 'text', text: 'x', role: 'need' });
    expect([state.partners.result, state.partners.selected, state.partners.subject]).toEqual([null, null, { kind: 'text', text: 'x', role: 'need' }]);
    expect(state.talent.subject).toEqual({ kind: 'enterprise', id: 'e1', name: 'e1' });
  });

  it('writes the open tab’s question into the address, the role for partners only', () => {
    const state = createPairingState(q(''));
    expect(pairingHash(state)).toBe('#/pairing');
    state.partners.subject = { kind: 'researchUnit', id: 'u1', name: '药学院' };
    expect(pairingHash(state)).toBe(`#/pairing?researchUnitId=u1&name=${encodeURIComponent('药学院')}`);
    state.tab = 'talent';
    state.talent.subject = { kind: 'text', text: '制剂', role: 'need' };
    expect(pairingHash(state)).toBe(`#/pairing?tab=talent&text=${encodeURIComponent('制剂')}`);
    state.tab = 'partners';
    state.partners.subject = { kind: 'text', text: '制剂', role: 'capability' };
    expect(pairingHash(state)).toBe(`#/pairing?text=${encodeURIComponent('制剂')}&role=capability`);
  });
});
