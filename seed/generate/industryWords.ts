/** The industry wording of synthetic firm names, per chain (e.g. 南京恒瑞[生物医药]有限公司). */
export const industryWords: Record<string, string[]> = {
  biomed: ['生物医药', '医药科技', '生物技术', '药业', '医疗器械', '生物科技', '制药'],
  ai: ['人工智能', '智能科技', '信息技术', '数据科技', '机器人', '智能装备'],
  electronics: ['微电子', '电子科技', '光电科技', '半导体', '通信技术', '显示科技'],
  equipment: ['机械', '装备制造', '智能装备', '精密机械', '重工', '自动化'],
  nev: ['新能源', '动力科技', '电池科技', '汽车科技', '能源科技'],
  materials: ['新材料', '材料科技', '化工科技', '复合材料', '高分子'],
  green: ['环保科技', '环境科技', '节能科技', '水务', '环境工程'],
};

/** Names and scopes of intermediaries that officers do not want in candidate lists. */
export const intermediaryWords = ['贸易', '商贸', '咨询', '企业管理咨询', '培训', '商务服务'];
