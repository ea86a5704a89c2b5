import { localTime, zoneWord } from './exportContext.ts';
import { inLang, messagesText, type ExportLang } from './exportText.ts';
import { confidenceLabels, demoCell, demoColumnIn, withDemoNote, type Table } from './tables.ts';
import type { MatchRecord } from '../tracking/matchStore.ts';

// The viewer's words (viewer/src/i18n/{zh,en}/matches.ts: status.*, mkind.*), so a file handed on reads like the board it came from.
const statusLabels = {
  zh: { proposed: '待联系', contacted: '已联系', agreed: '已达成', declined: '已放弃' },
  en: { proposed: 'Proposed', contacted: 'Contacted', agreed: 'Agreed', declined: 'Declined' },
} as const;
const kindLabels: Record<ExportLang, Record<string, string>> = {
  zh: { partner: '补链/强链/延链', pairing: '校企对接', talent: '人才匹配', resource: '资源供需', event: '对接活动' },
  en: { partner: 'Fill/strengthen/extend', pairing: 'School–enterprise', talent: 'Talent', resource: 'Resources', event: 'Matchmaking event' },
};

/**
 * Tracked matches for CSV/XLSX export, one row per match with its latest change; 演示数据 是 when either
 * side is demo data. Chains by name (`chainNames`: id → name), times in the district's local time.
 * `lang`: the words' language; in English the reason is rendered from the snapshot's messages (a
 * snapshot recorded without them keeps its Chinese reason).
 */
export function matchTable(items: MatchRecord[], chainNames: ReadonlyMap<string, string> = new Map(), lang: ExportLang = 'zh'): Table {
  const w = inLang(lang);
  const withId = (name: string | undefined, id: string) => (name ? w(`${name}（${id}）`, `${name} (${id})`) : id);
  return withDemoNote({
    title: w('对接跟踪记录', 'Tracked matches'),
    lang,
    columns: [
      { key: 'id', header: w('编号', 'Id'), width: 34 },
      { key: 'kind', header: w('类型', 'Kind'), width: 12 },
      { key: 'status', header: w('状态', 'Status'), width: 8 },
      { key: 'subject', header: w('对象', 'For'), width: 30 },
      { key: 'candidate', header: w('推荐对象', 'Recommended'), width: 30 },
      demoColumnIn(lang),
      { key: 'chain', header: w('产业链', 'Chain'), width: 12 },
      { key: 'score', header: w('得分', 'Score'), width: 8 },
      { key: 'confidence', header: w('证据强度', 'Evidence'), width: 8 },
      { key: 'reason', header: w('推荐理由', 'Reason'), width: 60 },
      // 负责人 and 跟进截止 are the board's words (viewer/src/i18n/zh/matches.ts): the owner is who recorded it.
      { key: 'createdBy', header: w('负责人', 'Owner'), width: 14 },
      { key: 'dueDate', header: w('跟进截止', 'Follow up by'), width: 12 },
      { key: 'overdue', header: w('逾期', 'Overdue'), width: 6 },
      { key: 'createdAt', header: w(`记录时间（${zoneWord(lang)}）`, `Recorded (${zoneWord(lang)})`), width: 18 },
      { key: 'lastActor', header: w('最后操作人', 'Last changed by'), width: 14 },
      { key: 'updatedAt', header: w(`更新时间（${zoneWord(lang)}）`, `Updated (${zoneWord(lang)})`), width: 18 },
      { key: 'lastNote', header: w('最新备注', 'Latest note'), width: 40 },
    ],
    rows: items.map((m) => {
      const last = m.history[m.history.length - 1];
      return {
        id: m.id,
        kind: kindLabels[lang][m.kind] ?? m.kind,
        status: statusLabels[lang][m.status],
        subject: withId(m.subjectName, m.subjectId),
        candidate: withId(m.candidateName, m.candidateId),
        demo: demoCell(m.demo, lang),
        chain: m.chainId ? (chainNames.get(m.chainId) ?? m.chainId) : '',
        score: m.score,
        confidence: confidenceLabels[lang][m.explanation.confidence],
        reason: messagesText(m.explanation.reasonParts, m.explanation.reason, lang),
        // Owner and notes are absent for readers who may not see them (matchRecord.visibleTo): empty cells.
        createdBy: m.createdBy ?? '',
        dueDate: m.dueDate ?? '',
        overdue: m.overdue ? w('是', 'Yes') : '',
        createdAt: localTime(m.createdAt),
        lastActor: last?.actor ?? m.createdBy ?? '',
        updatedAt: localTime(m.updatedAt),
        lastNote: last?.note ?? '',
      };
    }),
  });
}
