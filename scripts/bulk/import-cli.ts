// `npm run import:bulk -- --dir <folder>`: a big first load of your own files into an EMPTY embedded
// database through Neo4j's offline importer. The folder holds the importer layout that
// `npm run seed -- --bulk --csv-dir <folder>` writes (README, "Big first loads"): nodes/<Label>.csv and
// relationships/<TYPE>.<From>.<To>.csv with typed headers. Every row is validated like any other load
// first; a database that holds data is refused with exit code 3. Incremental imports use the import API.
import { parseArgs } from 'node:util';
import { InvalidInputError } from '../../engine/index.ts';
import { defaultEmbeddedOptions } from '../neo4j/embedded.ts';
import { bulkLoad, DatabaseNotEmptyError, notEmptyExitCode } from './bulkLoad.ts';
import { readImporterCsv } from './readImporterCsv.ts';

const { values } = parseArgs({ options: { dir: { type: 'string' } }, strict: true });
if (!values.dir) {
  console.error('--dir <folder> is required: a folder with nodes/<Label>.csv and relationships/<TYPE>.<From>.<To>.csv');
  process.exit(2);
}
if (process.env.NEO4J_URI) {
  console.error("import:bulk writes the embedded database's files directly; it cannot load a server named by NEO4J_URI.");
  process.exit(2);
}
try {
  const batch = await readImporterCsv(values.dir);
  const { report, neo4j, graph } = await bulkLoad(batch, defaultEmbeddedOptions());
  await graph.close();
  await neo4j.stop();
  console.log(`bulk-imported ${report.nodes} nodes + ${report.relationships} relationships in ${(report.totalMs / 1000).toFixed(1)} s`);
} catch (error) {
  if (error instanceof InvalidInputError) {
    console.error(error.message);
    for (const issue of error.issues.slice(0, 50)) console.error(`  ${issue.file ?? ''} row ${issue.row ?? '-'} ${issue.path}: ${issue.message}`);
    process.exit(1);
  }
  console.error(error instanceof Error ? error.message : error);
  process.exit(error instanceof DatabaseNotEmptyError ? notEmptyExitCode : 1);
}
