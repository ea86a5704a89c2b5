import { z } from 'zod';
import { firmLimits } from './firmLimits.ts';
import { enterpriseSizeSchema, enterpriseTagSchema, sourceSchema } from './enterprise.ts';
import { stageSchema } from './chainTemplate.ts';
import { looksLikeUscc, usccProblem } from './uscc.ts';

/**
 * One row schema per node label: the exact properties a node of that label carries in Neo4j.
 * Neo4j properties are flat (scalars and arrays of scalars), so nested facts are kept as JSON
 * strings where they must be kept at all. Every loader and importer validates against these.
 */
const id = z.string().min(1).max(120);
const text = z.string().max(4000);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

/**
 * An enterprise id: the 统一社会信用代码 where the firm has one, else any id its list gives (a stock
 * code, a Hong Kong/Macao/Taiwan or foreign registration number). An id that looks like a USCC
 * (18 characters of its alphabet) must be a valid one, check character included.
 */
export const enterpriseIdSchema = id.superRefine((code, ctx) => {
  const problem = looksLikeUscc(code) ? usccProblem(code) : null;
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

export const districtRow = z.strictObject({ id, name: z.string(), city: z.string(), description: text });
export const sectorRow = z.strictObject({ id, name: z.string(), nameEn: z.string(), description: text });
export const parkRow = z.strictObject({ id, name: z.string(), sectorId: id, description: text, source: sourceSchema });

export const chainRow = z.strictObject({ id, name: z.string(), nameEn: z.string(), assumed: z.boolean(), description: text, source: sourceSchema });
export const segmentRow = z.strictObject({
  id,
  chainId: id,
  name: z.string(),
  nameEn: z.string(),
  stage: stageSchema,
  order: z.number().int().min(1),
  description: text,
  keywords: z.array(z.string()),
});
export const productRow = z.strictObject({ id, chainId: id, segmentId: id, name: z.string(), nameEn: z.string(), description: text });

export const enterpriseKindSchema = z.enum(['industrial', 'financial', 'service']);
export const enterpriseRow = z.strictObject({
  id: enterpriseIdSchema,
  name: z.string().min(2).max(200),
  /** In the district (栖霞区) or part of the outside candidate pool. */
  local: z.boolean(),
  kind: enterpriseKindSchema,
  province: z.string(),
  city: z.string(),
  /** null when the source gives neither a size class nor the figures to derive one. */
  size: enterpriseSizeSchema.nullable(),
  /** Annual revenue, 万元 (CNY 10,000); null when not known (real firm lists rarely carry it). */
  revenueWan: z.number().min(0).nullable(),
  /** null when not known. */
  employees: z.number().int().min(0).nullable(),
  /** 注册资本, 万元; null when not known. A weak proxy of scale, used only when revenue, size and employees are missing. */
  registeredCapitalWan: z.number().min(0).nullable().default(null),
  tags: z.array(enterpriseTagSchema),
  description: text,
  /** 经营范围 */
  businessScope: text,
  /** The product names a source gave, whether or not a chain template names them (attachment learns from them). */
  productNames: z.array(z.string().max(firmLimits.maxProductChars)).max(firmLimits.maxProducts).default([]),
  /** null when not known (often missing from real lists). */
  foundedYear: z.number().int().min(1900).max(2100).nullable().default(null),
  /** Credit granted as technology loans (科技贷款授信), 万元; 0 when none. */
  techLoanWan: z.number().min(0),
  source: sourceSchema,
});

export const universityRow = z.strictObject({
  id,
  name: z.string(),
  nameEn: z.string(),
  city: z.string(),
  inXianlin: z.boolean(),
  techTransferAlliance: z.boolean(),
  source: sourceSchema,
});
export const researchUnitRow = z.strictObject({ id, name: z.string(), description: text, source: sourceSchema });

/** Talent levels, highest first: Nobel/Turing laureate, 两院院士, national programmes (国家级人才计划), provincial, municipal, district, other researchers. */
export const talentLevelSchema = z.enum(['laureate', 'academician', 'national', 'provincial', 'municipal', 'district', 'other']);
export const talentRow = z.strictObject({
  id,
  name: z.string(),
  title: z.string(),
  level: talentLevelSchema,
  honours: z.array(z.string()),
  description: text,
  source: sourceSchema,
});
export const topicRow = z.strictObject({ id, name: z.string() });

export const allianceKindSchema = z.enum(['party-building', 'tech-transfer', 'industry']);
export const allianceRow = z.strictObject({
  id,
  name: z.string(),
  kind: allianceKindSchema,
  founded: z.string().nullable(),
  description: text,
  /** The article's published figures for this alliance, as JSON text ({"memberFirms":43,…}). */
  publishedFigures: z.string(),
  /** The "1314" roles as "role：holder" strings. */
  roles: z.array(z.string()),
  source: sourceSchema,
});
export const partyOrgKindSchema = z.enum(['functional-branch', 'enterprise', 'university', 'research-unit']);
export const partyOrgRow = z.strictObject({ id, name: z.string(), kind: partyOrgKindSchema, source: sourceSchema });

export const resourceKindSchema = z.enum(['site', 'land', 'loan', 'equipment', 'talent', 'service', 'policy']);
export const offerRow = z.strictObject({
  id,
  kind: resourceKindSchema,
  title: z.string(),
  description: text,
  areaM2: z.number().positive().nullable(),
  floorLoadKnM2: z.number().positive().nullable(),
  certifications: z.array(z.string()),
  /** 元/m²/月 for sites, 万元/亩 for land, 万元 for equipment/services. */
  price: z.number().min(0).nullable(),
  amountWan: z.number().positive().nullable(),
  ratePct: z.number().min(0).nullable(),
  termMonths: z.number().int().positive().nullable(),
  parkId: id.nullable(),
  availableFrom: isoDate.nullable(),
  availableUntil: isoDate.nullable(),
  /** How many demands this offer can serve at once. */
  capacity: z.number().int().min(1),
  status: z.enum(['open', 'closed']),
  source: sourceSchema,
  /** Last write through the API: who (the API key's actor) and when; null for seeded and imported rows. */
  updatedBy: z.string().nullable().default(null),
  updatedAt: z.string().nullable().default(null),
});
export const demandRow = z.strictObject({
  id,
  kind: resourceKindSchema,
  title: z.string(),
  description: text,
  minAreaM2: z.number().positive().nullable(),
  idealAreaM2: z.number().positive().nullable(),
  minFloorLoadKnM2: z.number().positive().nullable(),
  requiredCertifications: z.array(z.string()),
  maxPrice: z.number().min(0).nullable(),
  amountWan: z.number().positive().nullable(),
  /** Loans: the highest acceptable rate and the shortest acceptable term. */
  maxRatePct: z.number().min(0).nullable().default(null),
  minTermMonths: z.number().int().positive().nullable().default(null),
  parkAllowList: z.array(id),
  neededFrom: isoDate.nullable(),
  neededUntil: isoDate.nullable(),
  /** Units needed (people for talent, machines for equipment; 1 for a site, a plot, a loan). */
  quantity: z.number().int().min(1).default(1),
  status: z.enum(['open', 'met', 'closed']),
  source: sourceSchema,
  updatedBy: z.string().nullable().default(null),
  updatedAt: z.string().nullable().default(null),
});
export const matchStatusSchema = z.enum(['proposed', 'contacted', 'agreed', 'declined']);
export const matchRow = z.strictObject({
  id,
  kind: z.string(),
  status: matchStatusSchema,
  subjectId: id,
  candidateId: id,
  chainId: id.nullable(),
  /** Names at the time of recording, so exports read without a join. */
  subjectName: z.string().default(''),
  candidateName: z.string().default(''),
  score: z.number(),
  /** The matcher's explanation snapshot, as JSON text (Neo4j properties are flat). */
  explanation: z.string(),
  /** Units of the candidate the match takes (resource matches: what an agreed match uses of an offer's capacity). */
  units: z.number().int().min(1).default(1),
  /** The day the next follow-up is due (district calendar day); an open match past it is overdue. */
  dueDate: isoDate.nullable().default(null),
  createdAt: z.string(),
  updatedAt: z.string(),
  createdBy: z.string().default('anonymous'),
  /** Audit trail, oldest first: JSON text of { from, to, actor, at, note } per change. */
  history: z.array(z.string()),
});
export const importRunRow = z.strictObject({
  id,
  status: z.enum(['running', 'complete']),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  rows: z.number().int(),
});
