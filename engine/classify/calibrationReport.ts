/** One bin of a reliability table: answers whose confidence fell in [from, to). */
export interface ReliabilityBin {
  from: number;
  to: number;
  answers: number;
  meanConfidence: number;
  accuracy: number;
}

export interface CalibrationReport {
  /** Expected calibration error: Σ (bin share × |accuracy − mean confidence|), 10 equal-width bins. */
  expectedCalibrationError: number;
  bins: ReliabilityBin[];
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;

export function calibrationReport(answers: { confidence: number; right: boolean }[], binCount = 10): CalibrationReport {
  const bins = Array.from({ length: binCount }, (_, b) => ({ from: b / binCount, to: (b + 1) / binCount, answers: 0, confidence: 0, right: 0 }));
  for (const a of answers) {
    const bin = bins[Math.min(binCount - 1, Math.floor(a.confidence * binCount))];
    bin.answers++;
    bin.confidence += a.confidence;
    bin.right += a.right ? 1 : 0;
  }
  const n = Math.max(1, answers.length);
  const ece = bins.reduce((s, b) => s + (b.answers ? Math.abs(b.right - b.confidence) / n : 0), 0);
  return {
    expectedCalibrationError: r3(ece),
    bins: bins.map((b) => ({
      from: b.from,
      to: r3(b.to),
      answers: b.answers,
      meanConfidence: b.answers ? r3(b.confidence / b.answers) : 0,
      accuracy: b.answers ? r3(b.right / b.answers) : 0,
    })),
  };
}
