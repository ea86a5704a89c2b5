/**
 * The industry wording (行业用语) a synthetic firm's name may carry, per chain segment: a registered
 * name reads 城市 + 字号 + 行业用语 + 组织形式 (苏州恒瑞微电子有限公司), and an officer reads the 行业用语
 * as what the firm does. So a firm of 智能芯片 is a 芯片/微电子/半导体 firm, never a 机器人 one, and a
 * CDMO is a 医药/药业 firm, never a 医疗器械 one (issue 13: the old per-chain word lists named AI-chip
 * makers 机器人 and CDMOs 医疗器械).
 *
 * Chosen by hand from each segment's name, keywords and products in seed/chains/*.json; every template
 * segment has an entry (the coherence test checks it). A word may serve several segments when the
 * trade really shares it (芯片 for AI chips and chip design); none contains an intermediary word, which
 * would get the firm dropped from candidate lists as a trader (config `excludedKeywords`).
 */
export const segmentNameWords: Record<string, readonly string[]> = {
  // 人工智能
  'ai.chip': ['芯片', '微电子', '半导体', '集成电路', '芯片科技', '智芯科技'],
  'ai.sensor': ['传感技术', '传感科技', '感知技术', '光电传感', '雷达科技', '智能传感'],
  'ai.compute': ['算力科技', '云计算', '数据中心', '智算科技', '计算技术'],
  'ai.data': ['数据科技', '数据服务', '大数据', '数据技术', '数据标注'],
  'ai.framework': ['软件', '软件技术', '智能算法', '算法科技', '计算机技术'],
  'ai.llm': ['人工智能', '人工智能科技', '智能科技', '大模型科技', '认知智能'],
  'ai.cv': ['视觉科技', '视觉智能', '图像技术', '机器视觉', '视觉技术'],
  'ai.speech-nlp': ['语音科技', '智能语音', '语言智能', '声学科技', '语音技术'],
  'ai.robot': ['机器人', '机器人科技', '机器人技术', '智能装备'],
  'ai.auto': ['智能驾驶', '自动驾驶', '智行科技', '智能网联', '汽车电子'],
  'ai.terminal': ['智能终端', '智能硬件', '智能家居', '穿戴科技', '电子科技'],
  'ai.smart-city': ['智慧城市', '智慧科技', '数字科技', '智能交通', '信息技术'],
  'ai.smart-mfg': ['工业智能', '智能制造', '工业互联', '智造科技'],
  'ai.smart-health': ['智慧医疗', '医疗信息', '医疗软件', '健康科技', '医疗科技'],
  // 生物医药
  'biomed.intermediate': ['医药化工', '精细化工', '医药中间体', '精细化学', '药物化学'],
  'biomed.excipient': ['药用辅料', '药用包装', '药包材', '胶囊', '医药包装', '药用玻璃'],
  'biomed.equipment': ['制药装备', '制药机械', '制药设备', '生物工程设备', '洁净技术'],
  'biomed.reagent': ['生物试剂', '生物技术', '生物科技', '生命科学', '试剂'],
  'biomed.api': ['药业', '制药', '原料药', '生化制药', '医药'],
  'biomed.cro': ['医药研发', '新药研发', '药物研究', '临床研究', '医药技术', '药物研发'],
  'biomed.cdmo': ['医药', '生物医药', '药业', '医药技术', '制药', '生物制药'],
  'biomed.testing': ['检测技术', '检验检测', '医药检测', '质量技术', '检测科技', '计量检测'],
  'biomed.chem-drug': ['药业', '制药', '医药', '医药科技'],
  'biomed.biologics': ['生物制药', '生物医药', '生物技术', '生物制品', '生物科技'],
  'biomed.tcm': ['中药', '中药科技', '中医药', '药业', '中药饮片'],
  'biomed.device': ['医疗器械', '医疗科技', '医疗设备', '生物医学工程', '诊断技术', '医学科技'],
  'biomed.distribution': ['医药物流', '大药房', '医药连锁', '医药供应链', '药品配送'],
  'biomed.medical-service': ['医院', '医疗', '医学检验', '健康管理', '康复医疗', '医学影像'],
  // 新型电子信息
  'electronics.materials': ['电子材料', '半导体材料', '硅材料', '靶材科技', '电子气体'],
  'electronics.display-materials': ['显示材料', '光电材料', '液晶材料', '光学材料', '发光材料'],
  'electronics.equipment': ['半导体设备', '半导体装备', '电子设备', '激光科技', '真空技术'],
  'electronics.ic-design': ['微电子', '芯片', '集成电路', '半导体', '芯片科技', '电子技术'],
  'electronics.components': ['电子元件', '电子科技', '电路科技', '元器件', '电子', '连接器'],
  'electronics.wafer-fab': ['半导体', '集成电路', '微电子', '晶圆科技', '芯片制造'],
  'electronics.display-components': ['光电科技', '光学科技', '显示器件', '触控科技', '光学膜'],
  'electronics.packaging-test': ['封装测试', '封测科技', '半导体', '微电子', '集成电路'],
  'electronics.display-panel': ['显示科技', '显示技术', '光电', '光电显示', '显示器件'],
  'electronics.optical-comm': ['光电科技', '光通信', '光纤光缆', '光电子', '光网络'],
  'electronics.display-module': ['显示科技', '光电科技', '显示技术', '触控显示'],
  'electronics.comm-equipment': ['通信技术', '通信设备', '通讯科技', '网络技术', '通信科技'],
  'electronics.terminals': ['电子科技', '智能终端', '数码科技', '电子'],
  'electronics.integration': ['信息技术', '通信工程', '网络科技', '系统集成', '信息科技'],
  // 高端装备制造
  'equipment.materials': ['特钢', '钢铁', '合金', '金属材料', '特种材料'],
  'equipment.core-components': ['轴承', '齿轮', '液压', '传动', '精密机械', '机械'],
  'equipment.sensing-control': ['自动化', '控制技术', '传感器', '测控技术', '工控'],
  'equipment.cnc-software': ['数控', '数控技术', '伺服科技', '工业软件', '电机'],
  'equipment.machine-tools': ['机床', '数控机床', '精密机床', '激光装备', '机械'],
  'equipment.robots': ['机器人', '机器人科技', '智能装备', '自动化'],
  'equipment.grid-equipment': ['电气', '电力设备', '电力科技', '输配电', '电器'],
  'equipment.rail-equipment': ['轨道交通', '轨道装备', '铁路器材', '重工', '钢结构'],
  'equipment.aerospace-parts': ['航空科技', '航空部件', '航空航天', '精密制造', '航空装备'],
  'equipment.smart-manufacturing': ['智能装备', '自动化', '智能制造', '系统集成', '工业技术'],
  'equipment.rail-engineering': ['铁路工程', '轨道工程', '桥梁工程', '路桥', '建设工程'],
  'equipment.grid-engineering': ['电力工程', '电力建设', '电气工程', '能源工程', '输变电工程'],
  'equipment.services': ['检测技术', '检测认证', '无损检测', '设备技术', '质量检测'],
  // 节能环保
  'green.material': ['环保材料', '水处理剂', '膜科技', '催化剂', '净化材料'],
  'green.component': ['泵阀', '风机', '流体设备', '换热设备', '机电'],
  'green.monitor': ['环境监测', '仪器仪表', '分析仪器', '环境仪器', '监测技术'],
  'green.water': ['水处理', '水务科技', '膜技术', '水处理设备', '环保设备'],
  'green.air': ['大气治理', '除尘设备', '废气治理', '环保设备', '环保工程'],
  'green.solid-equip': ['环保装备', '固废设备', '环保机械', '环境装备'],
  'green.energy-equip': ['节能科技', '节能设备', '热能科技', '节能装备', '热泵'],
  'green.consulting': ['环境科技', '环境技术', '环保科技', '环境工程技术', '环境研究所'],
  'green.engineering': ['环境工程', '环保工程', '环境技术', '生态环境'],
  'green.ems': ['节能科技', '能源科技', '节能服务', '综合能源'],
  'green.remediation': ['生态修复', '环境修复', '土壤修复', '生态科技', '环境工程'],
  'green.operation': ['水务', '环保运营', '环境服务', '水环境'],
  'green.recycle': ['再生资源', '资源循环', '环保能源', '固废处置', '循环科技'],
  'green.carbon': ['碳资产', '低碳科技', '碳中和科技', '碳管理', '低碳技术'],
  // 新材料
  'materials.feedstock': ['石化', '化工', '化学', '石油化工', '化学工业'],
  'materials.minerals': ['矿业', '有色金属', '冶金', '稀土', '硅业', '石墨'],
  'materials.pilot': ['材料技术', '材料科技', '材料研究院', '新材料技术'],
  'materials.polymer': ['高分子', '塑料', '新材料', '工程塑料', '树脂'],
  'materials.metal': ['金属材料', '合金', '特种金属', '磁性材料', '新材料', '钛业'],
  'materials.ceramics': ['陶瓷', '特种陶瓷', '先进陶瓷', '精细陶瓷', '粉体材料'],
  'materials.nano': ['石墨烯', '纳米科技', '碳材料', '纳米材料', '新材料'],
  'materials.film': ['薄膜', '膜材料', '功能膜', '光学膜', '新材料'],
  'materials.fiber': ['碳纤维', '复合材料', '纤维科技', '高性能纤维', '新材料'],
  'materials.e-chem': ['电子材料', '电子化学品', '电子化学', '特种气体'],
  'materials.app-electronics': ['电子科技', '光电材料', '电子材料', '散热科技'],
  'materials.app-energy': ['新能源', '能源科技', '储能科技', '电池', '风电'],
  'materials.app-equipment': ['航空材料', '复合材料', '防护科技', '涂料', '轻量化科技'],
  // 新能源汽车
  'nev.raw': ['锂业', '矿业', '锂电材料', '化工', '新能源材料'],
  'nev.cathode': ['正极材料', '锂电材料', '电池材料', '新能源材料'],
  'nev.anode': ['负极材料', '碳素', '石墨', '锂电材料', '新能源材料'],
  'nev.electrolyte': ['电解液', '氟化工', '锂电材料', '新能源材料'],
  'nev.separator': ['隔膜', '锂电隔膜', '薄膜', '膜科技', '新能源材料'],
  'nev.auxiliary': ['精密部件', '铜箔', '铝箔', '锂电科技', '电池部件'],
  'nev.cell': ['动力电池', '电池', '锂电', '储能科技', '新能源'],
  'nev.electronics': ['汽车电子', '车载电子', '智能网联', '车联科技', '电子科技'],
  'nev.motor': ['电机', '电驱动', '电机科技', '电控技术', '动力科技'],
  'nev.pack': ['动力电池', '储能', '电池系统', '能源科技', '电池科技'],
  'nev.vehicle': ['汽车', '新能源汽车', '汽车科技', '客车', '汽车制造'],
  'nev.charging': ['充电科技', '能源科技', '充电设备', '新能源', '电力科技'],
  'nev.aftermarket': ['汽车服务', '汽车维修', '汽车科技', '出行科技', '汽车租赁'],
  'nev.recycling': ['再生资源', '资源循环', '循环科技', '电池回收', '新能源科技'],
};

/**
 * What a trading, consulting or training firm adds after its segment's wording (苏州恒瑞芯片贸易有限公司):
 * the words officers filter out of candidate lists (config `excludedKeywords`).
 */
export const intermediaryWords = ['贸易', '商贸', '咨询', '企业管理咨询', '培训', '商务服务'] as const;

/** The name words of one segment; a segment without an entry is a template this table has not caught up with. */
export function nameWordsOf(segmentId: string): readonly string[] {
  const words = segmentNameWords[segmentId];
  if (!words) throw new Error(`segment ${segmentId} has no name words in seed/generate/segmentNameWords.ts`);
  return words;
}
