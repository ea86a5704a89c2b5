// `npx tsx scripts/make-example-xlsx.ts`: writes seed/examples/research-units.xlsx, the XLSX example
// of docs/import-format.md (first sheet, Chinese headers in row 1, one research unit per row).
import ExcelJS from 'exceljs';
import { researchUnitColumns } from '../engine/index.ts';

const units = [
  {
    id: 'ru.example-nuaa-uav',
    name: '南京航空航天大学无人机系统示例研究中心',
    description: '无人机飞行控制、组合导航与适航验证',
    universityId: 'univ.nuaa',
    parkId: '',
    topics: '飞行控制算法;组合导航;适航审定',
  },
  {
    id: 'ru.example-njust-composite',
    name: '南京理工大学先进复合材料示例实验室',
    description: '碳纤维复合材料结构设计与自动化成型',
    universityId: 'univ.njust',
    parkId: '',
    topics: '复合材料成型',
  },
  {
    id: 'ru.example-cpu-chiral',
    name: '中国药科大学手性药物示例研究室',
    description: '手性药物的不对称合成、连续流工艺与杂质研究',
    universityId: 'univ.cpu',
    parkId: 'park.xianlin-science-park',
    topics: '手性合成;连续流反应;杂质研究',
  },
];

const book = new ExcelJS.Workbook();
book.creator = 'ChainMatch';
const sheet = book.addWorksheet('科研单位');
sheet.columns = researchUnitColumns.map((c) => ({ header: c.zh, key: c.field, width: c.field === 'name' ? 40 : 28 }));
sheet.getRow(1).font = { bold: true };
for (const u of units) sheet.addRow(u);
const out = new URL('../seed/examples/research-units.xlsx', import.meta.url);
await book.xlsx.writeFile(out.pathname);
console.log(`wrote ${out.pathname}: ${units.length} research units`);
