/**
 * Segments whose firms sell services rather than make goods (CRO/CDMO, testing, distribution, hospitals,
 * engineering, operation, consulting): their 经营范围 lists the services, where a maker's reads
 * "…的研发、生产与销售" (a hospital that "研发、生产与销售 医疗服务" reads as invented).
 */
export const serviceSegments: ReadonlySet<string> = new Set([
  'ai.data',
  'biomed.cro',
  'biomed.cdmo',
  'biomed.testing',
  'biomed.distribution',
  'biomed.medical-service',
  'electronics.integration',
  'equipment.rail-engineering',
  'equipment.grid-engineering',
  'equipment.services',
  'green.consulting',
  'green.engineering',
  'green.ems',
  'green.remediation',
  'green.operation',
  'green.recycle',
  'green.carbon',
  'materials.pilot',
  'nev.aftermarket',
]);
