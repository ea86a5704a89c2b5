// `npm run neo4j:jars`: resolve Neo4j's jars from Maven Central and build the launcher, ahead of a start.
import { ensureJars } from './jars.ts';

await ensureJars();
console.log('Neo4j jars and launcher are ready in scripts/neo4j/target');
