/**
 * The message catalogue (issue 16 item 5): every reason clause and signal detail the matchers send,
 * one code each, with its Chinese template. `{name}` is a parameter; the parameters named in
 * `wordParams` (message.ts) are codes shown as words (tags, size class, talent level, mode).
 * The API sends `{ code, params, text }` — `text` is this template filled in, for clients that want
 * the sentence; the viewer renders code + params in the user's language (its English templates,
 * viewer/src/i18n/messages/enMessages.ts, are typed against these codes so none can be missing).
 *
 * How parts join (joinMessages): clauses with '；'; a code ending in `Note` is appended to the part
 * before it; a code ending in `Head` is followed directly by the next part.
 */
export const zhMessages = {
  // 强链/补链/延链 partner reasons (engine/match/partners/explainPartner.ts)
  'partner.inSegment': '属于「{segment}」环节',
  'partner.makes': '生产「{products}」',
  'partner.nearSegment': '业务与「{segment}」相近',
  'partner.tradePartners': '可与 {count} 家本地企业上下游配套',
  'partner.supplyTies': '已与 {count} 家本地企业有供货关系',
  'partner.tiers': '{tags}',
  'partner.viaAlliance': '可经「{alliance}」引荐',
  'partner.pairedParty': '党组织与「{owner}」结对共建',
  'partner.commonPartner': '与本地企业共同合作「{partner}」',
  // partner signal details (engine/match/partners/rankPartners.ts)
  'partner.fitMember': '环节成员 是；本环节产品 {products} 种；文本相似度 {similarity}',
  'partner.fitOutside': '环节成员 否；本环节产品 {products} 种；文本相似度 {similarity}',
  'partner.tierTags': '梯度标签：{tags}',
  'partner.noTier': '无梯度标签（不计分）',
  'partner.size': '规模：{size}',
  'partner.sizeUnknown': '规模未知（不计分）',
  'partner.channels': '联盟 {alliances}，结对党组织 {pairedOrgs}，共同合作高校/院所 {commonPartners}',
  'partner.noChannel': '无引荐渠道（不计分）',
  'partner.ties': '已供应本地 {count} 家企业本环节所需（份额 {shares}）',
  'partner.noTies': '未向本地企业供应本环节产品（不计分）',
  'partner.buyers': '产品可供本地 {count} 家企业作投入',
  'partner.adjacency': '可与本地 {count} 家企业上下游配套（买方 {buyers}，卖方 {sellers}）',
  'partner.localExpansion': '本地企业扩产 {amount} 亿元：N−1 缺口率 {before}% → {after}%',
  'partner.importedCapacity': '引进产能约 {amount} 亿元：N−1 缺口率 {before}% → {after}%',
  'partner.outsideRelief': '可替代外部采购 {share}%（外部依赖度 {dependence}%）',
  'partner.noTarget': '本链没有需要{mode}的环节',
  'partner.noCandidate': '目标环节没有符合条件的候选企业（可放宽省份、规模或标签筛选）',

  // school–enterprise pairing (engine/match/pairing/)
  'pair.unitHead': '{unit}：',
  'pair.pairHead': '{unit} ↔ {firm}：',
  'pair.aroundTopic': '围绕「{topic}」',
  'pair.closeResearch': '研究方向相近',
  'pair.hitWords': '命中需求中的「{words}」',
  'pair.meaning': '语义相近：需求与其研究方向「{topics}」意思相近（语义相似度 {similarity}（第 {rank} 名））',
  'pair.contact': '由{researcher}（{title}）对接',
  'pair.displaced': '{researcher}已对接 {cap} 对，达到上限',
  'pair.textSimilarity': '需求与研究方向文本相似度 {score}',
  'pair.topicShared': '「{topic}」（共同技术主题）',
  'pair.noTopic': '无对应的研究方向',
  'pair.cooperated': '已有产学研合作',
  'pair.cooperatedUniversity': '与该校其他院所有合作',
  'pair.noCooperation': '尚无合作记录',
  'pair.researcher': '{researcher}（{title}，{level}）',
  'pair.noResearcher': '无专长对口的研究人员',
  'pair.displacedNote': '；{researcher}已对接本清单 {cap} 对（上限），改由他人对接',
  'pair.samePark': '同一园区',
  'pair.xianlin': '位于仙林大学城，近在区内',
  'pair.notNear': '不在同一区域',
  'pair.sameAlliance': '同属「{alliance}」',
  'pair.pairedParty': '党组织结对共建',
  'pair.noChannel': '无共同联盟或结对',

  // talent (engine/match/talent/rankTalent.ts)
  'talent.head': '{talent}（{title}，{affiliation}）：',
  'talent.headNoAffiliation': '{talent}（{title}，未知单位）：',
  'talent.expertiseHit': '专长「{topic}」对应需求中的「{terms}」',
  'talent.meaning': '语义相近：需求与其专长「{expertise}」意思相近（语义相似度 {similarity}（第 {rank} 名））',
  'talent.textSimilarity': '需求与专长文本相似度 {score}',
  'talent.topicNeeded': '「{topic}」（企业技术需求）',
  'talent.level': '{level}',
  'talent.honoursNote': '（{honours}）',
  'talent.near': '在仙林大学城或区内',
  'talent.far': '区外',
  'talent.cooperates': '所在单位已与该企业合作',
  'talent.noCooperation': '尚无合作',

  // shared by pairing and talent
  'text.combined': '词面与语义综合相关度 {score}（语义相似度 {similarity}（第 {rank} 名））',
  'text.combinedClose': '词面与语义综合相关度 {score}（语义相近：语义相似度 {similarity}（第 {rank} 名））',
  'topic.hit': '「{topic}」（命中 {terms}，覆盖 {coverage}）',
  'signal.noData': '无数据（文字描述没有企业信息）',
  'signal.relevanceNote': '（按相关度 {relevance} 折算）',
} as const satisfies Record<string, string>;
