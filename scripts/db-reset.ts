// `npm run db:reset`: empty the development database (schema is kept; the next start re-seeds).
import { deleteAllData } from '../engine/index.ts';
import { openGraph } from './runtime.ts';

const open = await openGraph();
try {
  await deleteAllData(open.graph);
  console.log(`emptied ${open.uri}`);
} finally {
  await open.close();
}
