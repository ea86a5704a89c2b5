import { districtTime } from '../config/districtTime.ts';
import { localTime } from './exportContext.ts';
import { demoCell, demoColumn, withDemoNote, type Table } from './tables.ts';
import type { MatchRecord } from '../tracking/matchStore.ts';

// The viewer's words (viewer/src/i18n/zh/matches.ts), so a file handed on reads like the board it came from.
const statusLabels = { proposed: '待联系', contacted: '已联系', agreed: '已达成', declined: '已放弃' } as const;
const kindLabels: Record<string, string> = { partner: '补链/强链/延链', pairing: '校企对接', talent: '人才匹配', resource: '资源供需', event: '对接活动' };
const confidenceLabels = { strong: '强', medium: '中', weak: '弱' } as const;

/**
 * Tracked matches for CSV/XLSX export, one row per match with its latest change; 演示数据 是 when either
 * side is demo data. Chains by name (`chainNames`: id → name), times in the district's local time.
 */
export function matchTable(items: MatchRecord[], chainNames: ReadonlyMap<string, string> = new Map()): Table {
  return withDemoNote({
    title: '对接跟踪记录',
    columns: [
      { key: 'id', header: '编号', width: 34 },
      { key: 'kind', header: '类型', width: 12 },
      { key: 'status', header: '状态', width: 8 },
      { key: 'subject', header: '对象', width: 30 },
      { key: 'candidate', header: '推荐对象', width: 30 },
      demoColumn,
      { key: 'chain', header: '产业链', width: 12 },
      { key: 'score', header: '得分', width: 8 },
      { key: 'confidence', header: '证据强度', width: 8 },
      { key: 'reason', header: '推荐理由', width: 60 },
      // 负责人 and 跟进截止 are the board's words (viewer/src/i18n/zh/matches.ts): the owner is who recorded it.
      { key: 'createdBy', header: '负责人', width: 14 },
      { key: 'dueDate', header: '跟进截止', width: 12 },
      { key: 'overdue', header: '逾期', width: 6 },
      { key: 'createdAt', header: `记录时间（${districtTime.zoneLabel}）`, width: 18 },
      { key: 'lastActor', header: '最后操作人', width: 14 },
      { key: 'updatedAt', header: `更新时间（${districtTime.zoneLabel}）`, width: 18 },
      { key: 'lastNote', header: '最新备注', width: 40 },
    ],
    rows: items.map((m) => {
      const last = m.history[m.history.length - 1];
      return {
        id: m.id, kind: kindLabels[m.kind] ?? m.kind, status: statusLabels[m.status],
        subject: m.subjectName ? `${m.subjectName}（${m.subjectId}）` : m.subjectId,
        candidate: m.candidateName ? `${m.candidateName}（${m.candidateId}）` : m.candidateId,
        demo: demoCell(m.demo),
        chain: m.chainId ? (chainNames.get(m.chainId) ?? m.chainId) : '', score: m.score, confidence: confidenceLabels[m.explanation.confidence], reason: m.explanation.reason,
        // Owner and notes are absent for readers who may not see them (matchStore.visibleTo): empty cells.
        createdBy: m.createdBy ?? '', dueDate: m.dueDate ?? '', overdue: m.overdue ? '是' : '',
        createdAt: localTime(m.createdAt), lastActor: last?.actor ?? m.createdBy ?? '', updatedAt: localTime(m.updatedAt), lastNote: last?.note ?? '',
      };
    }),
  });
}
