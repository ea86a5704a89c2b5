// Usage: npx tsx scripts/validate-chain-template.ts seed/chains/<id>.json …
// Prints each file's size (segments/products/edges) or the exact field that is wrong.
import { readFileSync } from 'node:fs';
import { chainTemplateSchema } from '../engine/index.ts';

let failed = false;
for (const file of process.argv.slice(2)) {
  const parsed = chainTemplateSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    failed = true;
    for (const issue of parsed.error.issues) console.log(`${file}: ${issue.path.join('.')}: ${issue.message}`);
    continue;
  }
  const t = parsed.data;
  const products = t.segments.flatMap((s) => s.products);
  const ids = [...t.segments.map((s) => s.id), ...products.map((p) => p.id)];
  const dup = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (dup.length) {
    failed = true;
    console.log(`${file}: duplicate ids ${dup.join(', ')}`);
  }
  console.log(`${file}: ${t.segments.length} segments, ${products.length} products, ${t.feeds.length} FEEDS, ${t.inputTo.length} INPUT_TO`);
}
process.exit(failed ? 1 : 0);
