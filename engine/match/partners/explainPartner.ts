import { confidenceThresholds } from '../../config/scoring.ts';
import type { Message } from '../../contracts/messages/message.ts';
import { say } from '../../i18n/say.ts';
import type { ChainSnapshot, SnapshotSegment } from '../../chain/snapshot.ts';
import type { Confidence, GraphPath, PathNode, SignalScore } from '../explanation.ts';
import type { CandidateBasics, CandidateRelations } from './candidates.ts';
import type { ChainTrade, TradeLink } from './signals.ts';
import { oncePer } from '../../core/oncePer.ts';

const segmentNode = (s: SnapshotSegment): PathNode => ({ id: s.id, label: 'Segment', name: s.name, ...(s.nameEn ? { nameEn: s.nameEn } : {}) });

/** Looks up names for the nodes a path passes through. */
export class ChainNames {
  /** One per snapshot, shared by the requests on it. */
  static readonly of = oncePer((snapshot: ChainSnapshot) => new ChainNames(snapshot));

  private readonly products = new Map<string, string>();
  private readonly firms = new Map<string, string>();
  private readonly segments = new Map<string, SnapshotSegment>();

  constructor(snapshot: ChainSnapshot) {
    for (const s of snapshot.segments) {
      this.segments.set(s.id, s);
      for (const p of s.products) this.products.set(p.id, p.name);
    }
    for (const f of snapshot.firms) this.firms.set(f.id, f.name);
  }
  product = (id: string): PathNode => ({ id, label: 'Product', name: this.products.get(id) ?? id });
  firm = (id: string): PathNode => ({ id, label: 'Enterprise', name: this.firms.get(id) ?? id });
  segment = (id: string): PathNode => {
    const s = this.segments.get(id);
    return s ? segmentNode(s) : { id, label: 'Segment', name: id };
  };
}

const maxPathsPerSignal = 3;

function tradePath(names: ChainNames, c: PathNode, localId: string, link: TradeLink, buyer: boolean): GraphPath {
  const local = names.firm(localId);
  if (link.kind === 'product') {
    const cp = names.product(link.candidateProductId);
    const lp = names.product(link.localProductId);
    return buyer
      ? {
          signal: 'connectivity',
          nodes: [c, cp, lp, local],
          relationships: [
            { type: 'MAKES', from: c.id, to: cp.id },
            { type: 'INPUT_TO', from: cp.id, to: lp.id },
            { type: 'MAKES', from: local.id, to: lp.id },
          ],
        }
      : {
          signal: 'connectivity',
          nodes: [local, lp, cp, c],
          relationships: [
            { type: 'MAKES', from: local.id, to: lp.id },
            { type: 'INPUT_TO', from: lp.id, to: cp.id },
            { type: 'MAKES', from: c.id, to: cp.id },
          ],
        };
  }
  const cs = names.segment(link.candidateSegmentId);
  const ls = names.segment(link.localSegmentId);
  const feeds = buyer ? { type: 'FEEDS', from: cs.id, to: ls.id } : { type: 'FEEDS', from: ls.id, to: cs.id };
  return {
    signal: 'connectivity',
    nodes: [c, cs, ls, local],
    relationships: [{ type: 'IN_SEGMENT', from: c.id, to: cs.id }, feeds, { type: 'IN_SEGMENT', from: local.id, to: ls.id }],
  };
}

/** The graph paths behind a candidate's signals, as node and relationship lists a viewer can draw. */
export function partnerPaths(
  names: ChainNames,
  candidate: CandidateBasics,
  relations: CandidateRelations,
  trade: ChainTrade,
  target: SnapshotSegment,
): GraphPath[] {
  const c: PathNode = { id: candidate.id, label: 'Enterprise', name: candidate.name };
  const s = segmentNode(target);
  const paths: GraphPath[] = [];
  if (candidate.segmentIds.includes(target.id)) paths.push({ signal: 'fit', nodes: [c, s], relationships: [{ type: 'IN_SEGMENT', from: c.id, to: s.id }] });
  const targetProducts = new Set(target.products.map((p) => p.id));
  for (const p of candidate.products.filter((x) => targetProducts.has(x.id)).slice(0, 2)) {
    const pn: PathNode = { id: p.id, label: 'Product', name: p.name };
    paths.push({
      signal: 'fit',
      nodes: [c, pn, s],
      relationships: [
        { type: 'MAKES', from: c.id, to: p.id },
        { type: 'INCLUDES', from: s.id, to: p.id },
      ],
    });
  }
  // Buyers first, then sellers; only the first few become paths (a candidate may have hundreds).
  const trades: GraphPath[] = [];
  for (const [firms, buyer] of [
    [trade.buyers, true],
    [trade.sellers, false],
  ] as const) {
    for (const [id, link] of firms) {
      if (trades.length === maxPathsPerSignal) break;
      trades.push(tradePath(names, c, id, link, buyer));
    }
  }
  paths.push(...trades);
  for (const t of relations.ties.slice(0, maxPathsPerSignal)) {
    const o: PathNode = { id: t.other.id, label: 'Enterprise', name: t.other.name };
    const [from, to] = t.direction === 'sells' ? [c, o] : [o, c];
    paths.push({ signal: 'ties', nodes: [from, to], relationships: [{ type: 'SUPPLIES', from: from.id, to: to.id }] });
  }
  for (const a of relations.alliances.slice(0, 1)) {
    const an: PathNode = { id: a.id, label: 'Alliance', name: a.name };
    const o: PathNode = { id: a.localMember.id, label: 'Enterprise', name: a.localMember.name };
    paths.push({
      signal: 'channel',
      nodes: [c, an, o],
      relationships: [
        { type: 'MEMBER_OF', from: c.id, to: an.id },
        { type: 'MEMBER_OF', from: o.id, to: an.id },
      ],
    });
  }
  for (const p of relations.pairedOrgs.slice(0, 1)) {
    const po: PathNode = { id: p.orgId, label: 'PartyOrg', name: p.orgName };
    const po2: PathNode = { id: p.partnerOrgId, label: 'PartyOrg', name: p.partnerOrgName };
    const owner: PathNode = { id: p.owner.id, label: p.owner.label, name: p.owner.name };
    const paired = p.storedFromCandidate ? { type: 'PAIRED_WITH', from: po.id, to: po2.id } : { type: 'PAIRED_WITH', from: po2.id, to: po.id };
    paths.push({
      signal: 'channel',
      nodes: [c, po, po2, owner],
      relationships: [{ type: 'HAS_PARTY_ORG', from: c.id, to: po.id }, paired, { type: 'HAS_PARTY_ORG', from: owner.id, to: po2.id }],
    });
  }
  for (const u of relations.commonPartners.slice(0, 1)) {
    const un: PathNode = { id: u.id, label: u.label, name: u.name };
    const o: PathNode = { id: u.localFirm.id, label: 'Enterprise', name: u.localFirm.name };
    paths.push({
      signal: 'channel',
      nodes: [c, un, o],
      relationships: [
        { type: 'COOPERATES_WITH', from: c.id, to: un.id },
        { type: 'COOPERATES_WITH', from: o.id, to: un.id },
      ],
    });
  }
  return paths;
}

/**
 * How much graph evidence stands behind a candidate. strong: it sits in the segment by the graph and
 * already supplies local firms or has an introduction channel; medium: graph fit and a measured role
 * for local firms (it would supply or trade with several, or relieve the segment's concentration);
 * weak: everything else (e.g. a text match only). Thresholds: confidenceThresholds.partner (config/scoring.ts).
 */
export function confidenceOf(signals: SignalScore[]): Confidence {
  const value = (name: string) => signals.find((s) => s.signal === name)?.value ?? 0;
  const { strong, medium } = confidenceThresholds.partner;
  if (value('fit') >= strong.fit && (value('ties') > 0 || value('channel') >= strong.channel)) return 'strong';
  const role = Math.max(value('buyers'), value('adjacency'), value('concentrationRelief'), value('outsideRelief'));
  if (value('fit') >= medium.fit && (role >= medium.role || value('ties') > 0)) return 'medium';
  return 'weak';
}

/** The reason's clauses, from the signals that carry the score (joined into one line by reasonOf). */
export function partnerReason(candidate: CandidateBasics, relations: CandidateRelations, target: SnapshotSegment, partners: number): Message[] {
  const parts: Message[] = [];
  const targetProducts = new Set(target.products.map((p) => p.id));
  const made = candidate.products.filter((p) => targetProducts.has(p.id));
  if (candidate.segmentIds.includes(target.id)) parts.push(say('partner.inSegment', { segment: target.name }));
  if (made.length > 0) parts.push(say('partner.makes', { products: made.slice(0, 2).map((p) => p.name) }));
  if (parts.length === 0) parts.push(say('partner.nearSegment', { segment: target.name }));
  if (partners > 0) parts.push(say('partner.tradePartners', { count: partners }));
  if (relations.ties.length > 0) parts.push(say('partner.supplyTies', { count: relations.ties.length }));
  const tiers = candidate.tags.filter((t) => t !== 'korean-funded');
  if (tiers.length > 0) parts.push(say('partner.tiers', { tags: tiers }));
  if (relations.alliances[0]) parts.push(say('partner.viaAlliance', { alliance: relations.alliances[0].name }));
  else if (relations.pairedOrgs[0]) parts.push(say('partner.pairedParty', { owner: relations.pairedOrgs[0].owner.name }));
  else if (relations.commonPartners[0]) parts.push(say('partner.commonPartner', { partner: relations.commonPartners[0].name }));
  return parts;
}
