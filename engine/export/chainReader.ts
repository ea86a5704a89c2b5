import type { ChainMap } from '../chain/chainMap.ts';
import type { GapReport } from '../chain/gapReport.ts';
import type { PartnerRequestBody } from '../contracts/partners.ts';
import type { Graph } from '../graph/graph.ts';
import type { PartnerResult } from '../match/partners/rankPartners.ts';

/**
 * What the chain exports read of the engine: the ChainMatchEngine the API holds has all of it. Declared
 * here, where it is used, so export/ imports no engine class (the engine root imports the folders, not
 * the other way round).
 */
export interface ChainReader {
  readonly graph: Graph;
  chainMap(chainId: string): Promise<ChainMap>;
  gaps(chainId: string): Promise<GapReport>;
  partners(request: PartnerRequestBody): Promise<PartnerResult>;
}
