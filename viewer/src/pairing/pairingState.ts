import type { PairingResponse, PairResult, TalentLevel, TalentMatch, TalentResponse } from '../api/types.ts';
import type { PickedEntity } from '../ui/entityPicker.ts';
import type { Subject } from './pairingQuery.ts';

export type PairingTab = 'partners' | 'talent';
export type SubjectKind = Subject['kind'];

/** One tab's form and answer. `subject` is what the shown result was asked about (null before any run). */
export interface PanelState<Result, Item> {
  kind: SubjectKind;
  text: string;
  limit: number;
  subject: Subject | null;
  result: Result | null;
  selected: Item | null;
}

export interface PairingState {
  tab: PairingTab;
  /** Picked entities, shared by the tabs: the firm picked for partners is the talent tab's firm too. */
  picked: Record<'enterprise' | 'researchUnit', PickedEntity | null>;
  partners: PanelState<PairingResponse, PairResult> & { role: 'need' | 'capability'; inXianlin: boolean; localOnly: boolean };
  talent: PanelState<TalentResponse, TalentMatch> & { levels: TalentLevel[] };
}

/** Rows asked for when the person has not chosen (the smallest list that still shows a ranking). */
const defaultLimit = 10;

const pickedFrom = (query: URLSearchParams, param: string, type: PickedEntity['type']): PickedEntity | null => {
  const id = query.get(param);
  return id ? { id, type, name: query.get('name') ?? id } : null;
};

/** The state a deep link describes: `?enterpriseId=…&name=…`, `?researchUnitId=…`, `?text=…&role=…`, `&tab=talent`. */
export function createPairingState(query: URLSearchParams): PairingState {
  const tab: PairingTab = query.get('tab') === 'talent' ? 'talent' : 'partners';
  const text = query.get('text') ?? '';
  const blank = { limit: defaultLimit, subject: null, result: null, selected: null };
  return {
    tab,
    picked: { enterprise: pickedFrom(query, 'enterpriseId', 'Enterprise'), researchUnit: pickedFrom(query, 'researchUnitId', 'ResearchUnit') },
    partners: {
      ...blank,
      kind: query.get('researchUnitId') ? 'researchUnit' : text ? 'text' : 'enterprise',
      text,
      role: query.get('role') === 'capability' ? 'capability' : 'need',
      inXianlin: false,
      localOnly: false,
    },
    talent: { ...blank, kind: text && tab === 'talent' ? 'text' : 'enterprise', text: tab === 'talent' ? text : '', levels: [] },
  };
}

/** The one reset of a tab: a new question is asked, so the old answer and its selection go. */
export function resetPanel<R, I>(panel: PanelState<R, I>, subject: Subject | null): void {
  panel.subject = subject;
  panel.result = null;
  panel.selected = null;
}

/** What the tab's form names now: the text (as a need, for talent), or the picked entity of its kind. */
export function formSubject(state: PairingState, tab: PairingTab): Subject | null {
  const panel = state[tab];
  if (panel.kind === 'text') {
    const role = tab === 'partners' ? state.partners.role : 'need';
    return panel.text.trim() ? { kind: 'text', text: panel.text, role } : null;
  }
  const p = state.picked[panel.kind];
  return p ? { kind: panel.kind, id: p.id, name: p.name } : null;
}

/** The address of the open tab's question, so a reload or a shared link asks it again. */
export function pairingHash(state: PairingState): string {
  const params = new URLSearchParams();
  if (state.tab === 'talent') params.set('tab', 'talent');
  const s = state[state.tab].subject;
  if (s?.kind === 'enterprise' || s?.kind === 'researchUnit') {
    params.set(s.kind === 'enterprise' ? 'enterpriseId' : 'researchUnitId', s.id);
    params.set('name', s.name);
  } else if (s?.kind === 'text') {
    params.set('text', s.text);
    if (state.tab === 'partners') params.set('role', s.role);
  }
  const q = params.toString();
  return `#/pairing${q ? `?${q}` : ''}`;
}
