import type { PartnerRequestBody } from '../contracts/partners.ts';
import type { ChainReader } from './chainReader.ts';
import type { ExportLang } from './exportText.ts';
import { nameIn, partnerResultIn } from './namesIn.ts';
import { partnerContext, partnerTable, type Table } from './tables.ts';

/** A partner list as its export: the same answer as the API's JSON, with the chain, mode and filters it answers stated above it, in `lang`. */
export async function partnerExport(engine: Pick<ChainReader, 'partners' | 'chainMap'>, request: PartnerRequestBody, lang: ExportLang = 'zh'): Promise<Table> {
  const [result, map] = await Promise.all([engine.partners(request), engine.chainMap(request.chainId)]);
  const shown = partnerResultIn(lang, map, result);
  return partnerTable(shown, partnerContext(request, shown, nameIn(lang)(map.chain), lang), lang);
}
