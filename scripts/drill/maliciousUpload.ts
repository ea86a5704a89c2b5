// Drill (e), malicious upload (issue 15 item 8, F3): the API in a child process; six malicious uploads at
// once — two each of a zip-bomb XLSX, the same bomb with a lying zip directory, and a CSV of 10^6
// columns — while ordinary traffic goes on. The server must stay up with its RSS under the budget
// (engine/config/importJobs.ts), answer the others, refuse every upload (400/413, or 429 from the full
// queue) with a bounded answer, and write nothing.
import { randomBytes } from 'node:crypto';
import { graphCounts } from '../../engine/index.ts';
import { rssMbOf, startApiProcess } from '../bench/apiProcess.ts';
import type { ScratchNeo4j } from '../bench/scratchNeo4j.ts';
import { maliciousFiles, type MaliciousFile } from './maliciousFiles.ts';
import type { Outcome } from './outcome.ts';
import { sleep, Traffic } from './traffic.ts';

const drill = 'malicious upload';
/** What the API process may use under the attack (its working size under traffic is 300–700 MB). */
export const rssBudgetMb = 1536;
/** No answer (problem document or job) may be larger than this. */
const maxAnswerBytes = 64 * 1024;

interface UploadResult {
  file: MaliciousFile;
  status: number;
  bytes: number;
  /** A 202's job, followed to its end: its state, its problem's status, the job document's size. */
  job?: { state: string; problemStatus?: number; bytes: number };
}

export async function maliciousUploadDrill(out: Outcome, db: ScratchNeo4j, options: { bombChars: number; columns: number }): Promise<void> {
  const key = `drill_${randomBytes(12).toString('hex')}`;
  const files = await maliciousFiles(options);
  for (const f of files) out.info(drill, `${f.name}: ${f.what}`);
  const api = await startApiProcess(db.uri, { CHAINMATCH_API_KEYS: `drill:${key}:admin` });
  const pid = api.pid;
  try {
    const authorised = { authorization: `Bearer ${key}` };
    const traffic = new Traffic(
      api.base,
      [
        { kind: 'health', make: () => ({ path: '/health' }) },
        { kind: 'search', make: (i) => ({ path: `/api/v1/search?q=${encodeURIComponent(['电池', '芯片', '医药', '材料'][i % 4])}` }) },
        { kind: 'chains', make: () => ({ path: '/api/v1/chains' }) },
      ],
      { intervalMs: 100, timeoutMs: 10_000 },
    );
    // Warm: the first search and chain list load their caches.
    for (const path of ['/api/v1/search?q=电池', '/api/v1/chains']) await (await fetch(api.base + path)).arrayBuffer();
    const before = await graphCounts(db.graph);
    const baseline = api.rssMb();
    let peak = baseline;
    const sampler = setInterval(() => {
      try {
        peak = Math.max(peak, rssMbOf(pid));
      } catch {
        // The process is gone: the check below says so.
      }
    }, 100);
    traffic.start();
    await sleep(1_000);

    const upload = async (file: MaliciousFile): Promise<UploadResult> => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(file.content)]), file.name);
      try {
        const res = await fetch(`${api.base}/api/v1/import/enterprises`, {
          method: 'POST',
          body: form,
          headers: authorised,
          signal: AbortSignal.timeout(120_000),
        });
        const body = await res.text();
        const result: UploadResult = { file, status: res.status, bytes: body.length };
        if (res.status === 202) result.job = await follow(JSON.parse(body).id as string);
        return result;
      } catch (error) {
        return { file, status: 0, bytes: 0, job: { state: `no answer: ${(error as Error).message}`, bytes: 0 } };
      }
    };
    const follow = async (id: string): Promise<UploadResult['job']> => {
      for (const deadline = Date.now() + 120_000; Date.now() < deadline; await sleep(250)) {
        const res = await fetch(`${api.base}/api/v1/import/jobs/${id}`, { headers: authorised });
        const text = await res.text();
        const job = JSON.parse(text) as { state: string; problem: { status: number } | null };
        if (!['queued', 'running'].includes(job.state)) return { state: job.state, problemStatus: job.problem?.status, bytes: text.length };
      }
      return { state: 'still running after 120 s', bytes: 0 };
    };
    const started = Date.now();
    const results = await Promise.all([...files, ...files].map(upload));
    const attackMs = Date.now() - started;
    await sleep(1_000);
    await traffic.stop();
    clearInterval(sampler);

    for (const r of results) {
      out.info(
        drill,
        `${r.file.name}: HTTP ${r.status} (${r.bytes} bytes)${r.job ? ` → job ${r.job.state}${r.job.problemStatus ? ` ${r.job.problemStatus}` : ''} (${r.job.bytes} bytes)` : ''}`,
      );
    }
    const refused = (r: UploadResult) => [400, 413, 429].includes(r.status) || (r.status === 202 && r.job?.state === 'failed' && r.job.problemStatus === 400);
    out.check(
      drill,
      'every malicious upload is refused (400/413, 429 when the queue is full)',
      results.every(refused),
      `${results.filter(refused).length} of ${results.length} refused in ${(attackMs / 1000).toFixed(1)} s; ${results.filter((r) => r.status === 429).length} × 429`,
    );
    const largest = Math.max(...results.map((r) => Math.max(r.bytes, r.job?.bytes ?? 0)));
    out.check(drill, `every answer is at most ${maxAnswerBytes / 1024} KB`, largest <= maxAnswerBytes, `largest ${largest} bytes`);
    out.check(
      drill,
      'the API process stayed up',
      api.exited() === undefined && api.pid === pid,
      api.exited() ? JSON.stringify(api.exited()) : `pid ${pid} alive`,
    );
    out.check(drill, `RSS stays under ${rssBudgetMb} MB`, peak < rssBudgetMb, `${baseline} MB before, peak ${peak} MB (sampled every 100 ms)`);
    const samples = traffic.samples;
    const answered = samples.filter((s) => s.status >= 200 && s.status < 300);
    const slowest = Math.max(...samples.map((s) => s.ms));
    out.check(
      drill,
      'other requests are answered meanwhile (2xx)',
      samples.length > 0 && answered.length === samples.length,
      `${answered.length} of ${samples.length} answered 2xx, slowest ${Math.round(slowest)} ms, median ${Math.round(median(samples.map((s) => s.ms)))} ms`,
    );
    const after = await graphCounts(db.graph);
    // Nodes of the model: the failed jobs' own records (:ImportJob, engine/import/jobs/importJobRecords.ts) are not data.
    const modelNodes = (c: typeof before) => Object.values(c.byLabel).reduce((sum, n) => sum + Number(n), 0);
    out.check(
      drill,
      'nothing was written',
      modelNodes(after) === modelNodes(before) && after.relationships === before.relationships,
      `${modelNodes(before)} → ${modelNodes(after)} nodes of the model, ${before.relationships} → ${after.relationships} relationships`,
    );
    // The queue is free again: a small bad file is answered at once, 400 naming its row.
    const form = new FormData();
    form.append('file', new Blob(['统一社会信用代码,企业名称,是否区内企业\nnot-an-id,甲,是\n']), 'small.csv');
    const small = await fetch(`${api.base}/api/v1/import/enterprises`, { method: 'POST', body: form, headers: authorised });
    out.check(drill, 'after the attack an ordinary upload is answered at once', small.status === 400, `HTTP ${small.status}`);
  } finally {
    await api.stop();
  }
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
