import type { ChainTemplate, EnterpriseSize, EnterpriseTag, SegmentTemplate } from '../../engine/index.ts';
import type { DistrictIndex } from './district.ts';
import type { GraphBuilder } from './graphBuilder.ts';
import type { Random } from './random.ts';

/** A generated firm as the later steps see it; its node row is written once it is complete. */
export interface Firm {
  id: string;
  name: string;
  local: boolean;
  kind: 'industrial' | 'financial' | 'service';
  chainId: string | null;
  segmentIds: string[];
  productIds: string[];
  province: string;
  city: string;
  parkId: string | null;
  size: EnterpriseSize;
  revenueWan: number;
  employees: number;
  tags: EnterpriseTag[];
  description: string;
  businessScope: string;
  foundedYear: number;
  techLoanWan: number;
  source: 'article' | 'synthetic';
  /** The district key of a named firm. */
  key?: string;
  intermediary?: boolean;
}

/** Shared state of one generator run. */
export interface World {
  random: Random;
  g: GraphBuilder;
  scale: number;
  templates: ChainTemplate[];
  segments: Map<string, SegmentTemplate & { chainId: string }>;
  district: DistrictIndex;
  firms: Firm[];
}

export function firmsIn(world: World, segmentId: string, local?: boolean): Firm[] {
  return world.firms.filter((f) => f.segmentIds.includes(segmentId) && (local === undefined || f.local === local));
}

export function localIndustrial(world: World): Firm[] {
  return world.firms.filter((f) => f.local && f.kind === 'industrial');
}
