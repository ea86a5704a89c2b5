/** Words shared by every view: loading and error states, units, lists, export buttons, the entity picker, the text-match provider. */
export const common = {
  'state.loading': '加载中…',
  'state.empty': '暂无数据',
  'state.error': '出错了',
  'state.retry': '重试',
  'state.networkError': '无法连接服务器',
  'state.networkDetail': '请求 {url} 没有得到响应，请确认服务已启动。',
  'state.badResponse': '服务器返回了无法识别的内容',
  'state.field': '字段',
  // what an API problem means, by its HTTP status, before the server's own words (shown as sent)
  'problem.400': '请求有误，请检查填写的内容。服务器原文：',
  'problem.401': '需要有效的 API 密钥才能执行此操作。服务器原文：',
  'problem.403': '当前密钥无权执行此操作。服务器原文：',
  'problem.404': '该地址所指的对象不存在（或已删除）。服务器原文：',
  'problem.409': '与现有数据冲突（可能已被他人修改，或同一请求重复提交）。服务器原文：',
  'problem.413': '提交的内容超出大小限制。服务器原文：',
  'problem.415': '不支持此文件或内容类型。服务器原文：',
  'problem.429': '请求过于频繁，请稍后再试。服务器原文：',
  'problem.503': '服务暂时不可用（可能正在启动或繁忙），请稍后重试。服务器原文：',
  'problem.5xx': '服务器内部出错。服务器原文：',
  'problem.other': '服务器原文：',

  'unit.yi': '{value} 亿元',
  'list.sep': '、',
  'label.colon': '{label}：{value}',

  'picker.chosen': '已选：{name}（{id}）',
  'picker.none': '没有找到与“{q}”相关的结果',
  'picker.count': '{n} 条建议，用上下方向键选择，回车确认',

  'export.csv': '导出 CSV',
  'export.xlsx': '导出 Excel',
  'export.png': '导出 PNG',
  'export.svg': '导出 SVG',
  'export.working': '正在导出…',

  'provider.lexical': '文本匹配：词法',
  'provider.embedding': '文本匹配：语义向量',
  'provider.hybrid': '文本匹配：词法＋语义',

  'provider.hint': '文本相似度的计算方式：词法（分词后比对）或语义向量（嵌入模型）',
  'col.rank': '排名',

  'unit.m2': '{value} m²',
  'unit.yuanPerM2Month': '元/m²/月',
  'unit.wanPerMu': '万元/亩',
  'unit.wan': '万元',
} as const;
