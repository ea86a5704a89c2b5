import type { TextProvider } from '../api/types.ts';
import type { MessageKey } from '../i18n/i18n.ts';
import type { Table } from '../ui/csv.ts';
import type { Subject } from './pairingQuery.ts';
import type { PairingState, PairingTab, PanelState, SubjectKind } from './pairingState.ts';

/**
 * What differs between the pairing tab and the talent tab; everything else (the form's frame, the
 * ranked list, the detail column, running a request) is one implementation in matchPanel.ts.
 */
export interface Matcher<Result extends { items: Item[]; textProvider: TextProvider }, Item> {
  tab: PairingTab;
  /** This tab's part of the view state. */
  panel(state: PairingState): PanelState<Result, Item>;
  /** Prefix of the tab's element ids (`pair-limit`, `talent-text`, …), which the e2e tests pin. */
  id: 'pair' | 'talent';
  kinds: readonly SubjectKind[];
  words: Record<'formTitle' | 'run' | 'text' | 'textHint' | 'listTitle' | 'listLabel' | 'start' | 'detailNone' | 'empty', MessageKey>;
  signals: readonly string[];
  /** Fields of this matcher only: beside the text box, before and after the limit. */
  fields(state: PairingState): { withText?: HTMLElement; beforeLimit?: HTMLElement[]; afterLimit?: HTMLElement[] };
  /** How to fetch the result for the form's subject (called again on retry), or null when the subject is not enough to ask. */
  request(state: PairingState, subject: Subject | null): (() => Promise<Result>) | null;
  key(item: Item, result: Result): string;
  count(result: Result, subjectName: string): string;
  /** A note above the list (talent: who the per-affiliation cap left out). */
  preface(result: Result): HTMLElement | null;
  noMatch(result: Result): HTMLElement | null;
  card(item: Item, result: Result, rank: number, selected: boolean, select: () => void): HTMLElement;
  detail(item: Item, result: Result, subject: Subject, width: number): HTMLElement;
  table(result: Result, subjectName: string): Table;
}
