import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasRealData, realDataDir } from '../../scripts/test/realChain.ts';
import { AttachmentClassifier } from './attachmentClassifier.ts';
import { type AttachmentEvaluation, crossValidateAttachment, type HeldOutAnswer } from './crossValidateAttachment.ts';
import { readLabelledFile } from './labelledFile.ts';

// Data nobody here generated: ../shared/real, read in place (CI has it beside the clone).
describe.runIf(hasRealData())('attachment on real listed firms (../shared/real)', () => {
  const { examples, labelNames } = readLabelledFile(readFileSync(`${realDataDir}firms.jsonl`, 'utf8'));
  let report: AttachmentEvaluation;
  const answers: HeldOutAnswer[] = [];
  beforeAll(() => {
    report = crossValidateAttachment(examples, labelNames, { folds: 3, seed: 7, onAnswer: (a) => answers.push(a) });
  }, 120_000);

  it('hands out every held-out answer once, the same answers the report counts (the audit file of --answers)', () => {
    expect(new Set(answers.map((a) => a.firm.id)).size).toBe(examples.length);
    expect(answers.length).toBe(examples.length);
    expect(new Set(answers.map((a) => a.fold))).toEqual(new Set([0, 1, 2]));
    const right = answers.filter((a) => a.ranked[0]?.label === a.firm.label).length / answers.length;
    expect(right).toBeCloseTo(report.methods[0].accuracyAt1, 3);
    const baselineRight = answers.filter((a) => a.baseline.ranked[0] === a.firm.label).length / answers.length;
    expect(baselineRight).toBeCloseTo(report.methods[1].accuracyAt1, 3);
    for (const a of answers.slice(0, 50)) for (let i = 1; i < a.ranked.length; i++) expect(a.ranked[i].score).toBeLessThanOrEqual(a.ranked[i - 1].score);
  });

  it('beats the TF-IDF centroid baseline on the same folds, at every level', () => {
    const [engine, baseline] = report.methods;
    expect(baseline.method).toBe('TF-IDF centroid baseline');
    expect(engine.accuracyAt1).toBeGreaterThan(baseline.accuracyAt1 + 0.01);
    expect(engine.accuracyAt3).toBeGreaterThan(baseline.accuracyAt3 + 0.01);
    for (const level of [0, 1]) expect(engine.levels[level].accuracyAt1).toBeGreaterThan(baseline.levels[level].accuracyAt1);
  });

  it('says how sure it is in a way that means something: calibrated top answers, precise automatic attachments', () => {
    expect(report.calibration.expectedCalibrationError).toBeLessThanOrEqual(0.05);
    // ±2.5 standard errors at 100 answers
    for (const bin of report.calibration.bins.filter((b) => b.answers >= 100)) expect(Math.abs(bin.accuracy - bin.meanConfidence)).toBeLessThan(0.15);
    const attach = report.decisions.find((d) => d.decision === 'attach')!;
    const review = report.decisions.find((d) => d.decision === 'review')!;
    expect(attach.share).toBeGreaterThan(0.02);
    expect(attach.precision).toBeGreaterThan(0.85);
    expect(attach.precision).toBeGreaterThan(review.precision + 0.3);
  });

  it('puts a distiller among drink makers and a bank among banks (a domain expert check)', () => {
    const labels = [...labelNames.keys()].sort();
    const index = new Map(labels.map((l, i) => [l, i]));
    const classifier = AttachmentClassifier.train(
      examples.map((e) => ({ ...e, labels: [index.get(e.label)!] })),
      labels.map((l) => ({ id: l, text: [labelNames.get(l)!] })),
    );
    const top = (name: string, products: string[]) => labelNames.get(labels[classifier.rank({ name, products }, { limit: 1 }).items[0].segment]);
    expect(top('江苏某某酒业', ['浓香型白酒', '酱香型白酒', '白酒销售'])).toBe('白酒Ⅲ');
    expect(top('某某农村商业银行', ['公司业务', '个人业务', '资金业务', '贷款'])).toMatch(/银行|城商行|农商行/);
    expect(top('某某锂能', ['锂离子电池', '动力电池', '储能电池'])).toBe('锂电池');
  });
});
