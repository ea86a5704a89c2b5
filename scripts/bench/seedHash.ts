// `npx tsx scripts/bench/seedHash.ts [--scale N] [--seed S]`: a SHA-256 over every generated row, in order,
// and the time and peak RSS of generation. Used to show a generator change leaves the output unchanged
// (hash before and after) and to measure generation at big scales without loading anything.
import { createHash } from 'node:crypto';
import { buildSeed, seedEnterpriseCount } from '../../seed/generate/buildSeed.ts';
import { numberFlags } from '../args.ts';

const flags = numberFlags(['scale', 'seed'] as const, process.argv.slice(2));
const scale = flags.scale ? flags.scale / seedEnterpriseCount() : 1;
let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);
const started = process.hrtime.bigint();
const batch = buildSeed({ scale, seed: flags.seed });
const ms = Number(process.hrtime.bigint() - started) / 1e6;
peakRss = Math.max(peakRss, process.memoryUsage().rss);
clearInterval(sampler);

// Row by row, so a million-firm graph never becomes one string.
const hash = createHash('sha256');
let nodes = 0;
let relationships = 0;
for (const group of batch.nodes) {
  hash.update(`N:${group.label}:${group.file}\n`);
  for (const row of group.rows) hash.update(`${JSON.stringify(row)}\n`);
  nodes += group.rows.length;
}
for (const group of batch.relationships) {
  hash.update(`R:${group.type}:${group.from}:${group.to}:${group.file}\n`);
  for (const row of group.rows) hash.update(`${JSON.stringify(row)}\n`);
  relationships += group.rows.length;
}
const enterprises = batch.nodes.find((g) => g.label === 'Enterprise')?.rows.length ?? 0;
console.log(
  JSON.stringify({
    scale: Number(scale.toFixed(4)),
    enterprises,
    nodes,
    relationships,
    sha256: hash.digest('hex'),
    generateMs: Math.round(ms),
    peakRssMb: Math.round(peakRss / 2 ** 20),
  }),
);
