// `npm run eval:attachment`: accuracy@1/@3 of automatic segment attachment on held-out seed firms.
import { KnowledgeEngine } from '../engine/knowledgeEngine.ts';
import { evaluateAttachment } from '../engine/classify/evaluateAttachment.ts';
import { openGraph } from './runtime.ts';

const open = await openGraph();
try {
  for (const row of await evaluateAttachment(open.graph, new KnowledgeEngine(open.graph))) console.log(JSON.stringify(row));
} finally {
  await open.close();
}
