import { describe, expect, it } from 'vitest';
import { AttachmentModel, signalNames } from './attachmentModel.ts';

// Two hand-made segments: distillers, and property firms.
const firms = [
  { id: 'a1', name: '甲酒业', products: ['浓香型白酒', '白酒'], labels: [0] },
  { id: 'a2', name: '乙酒业', products: ['酱香型白酒', '白酒销售'], labels: [0] },
  { id: 'b1', name: '丙置业', products: ['房地产开发', '物业管理', '商业租赁'], labels: [1] },
  { id: 'b2', name: '丁地产', products: ['住宅开发', '物业管理', '房屋租赁'], labels: [1] },
];
const segments = [
  { id: 'liquor', text: ['白酒'] },
  { id: 'property', text: ['房地产开发'] },
];
const model = new AttachmentModel(firms, segments);
const signal = (products: string[], name: (typeof signalNames)[number]) => {
  const { values } = model.signals({ name: '某某股份', products });
  const j = signalNames.indexOf(name);
  return [values[j], values[signalNames.length + j]];
};

describe('the leading product lines of a firm (lists put the main business first)', () => {
  const distillerWithProperty = ['浓香型白酒', '白酒', '白酒销售', '物业管理', '商业租赁', '房地产开发', '住宅开发', '房屋租赁'];

  it('speak for the main business when the tail of the list outnumbers it', () => {
    const [liquor, property] = signal(distillerWithProperty, 'gramCentroid');
    expect(property).toBeGreaterThan(liquor);
    for (const name of ['leadingGramCentroid', 'leadingProductLines'] as const) {
      const [leadLiquor, leadProperty] = signal(distillerWithProperty, name);
      expect(leadLiquor, name).toBeGreaterThan(leadProperty);
    }
  });

  it('follow the order given: the same lines listed the other way round lead to the other segment', () => {
    for (const name of ['leadingGramCentroid', 'leadingProductLines'] as const) {
      const [leadLiquor, leadProperty] = signal([...distillerWithProperty].reverse(), name);
      expect(leadProperty, name).toBeGreaterThan(leadLiquor);
    }
  });
});

describe("the embedding signals (a firm's products by meaning)", () => {
  // Hand-made 3-d "embeddings": the distillers point one way, the property firms another.
  const unit = (v: number[]) => Float32Array.from(v.map((x) => x / Math.hypot(...v)));
  const embedded = [
    { ...firms[0], embedding: unit([1, 0.1, 0]) },
    { ...firms[1], embedding: unit([0.9, 0.2, 0.1]) },
    { ...firms[2], embedding: unit([0.1, 1, 0]) },
    { ...firms[3], embedding: unit([0, 0.9, 0.2]) },
  ];
  const dense = (m: AttachmentModel, embedding?: Float32Array, self?: number) => {
    const { values } = m.signals({ name: '某某股份', products: ['某种产品'], embedding }, self);
    return (['denseCentroid', 'denseNeighbours'] as const).map((name) => [
      values[signalNames.indexOf(name)],
      values[signalNames.length + signalNames.indexOf(name)],
    ]);
  };

  it('point a firm that shares no characters with either segment to the one whose firms mean the same', () => {
    const m = new AttachmentModel(embedded, segments);
    expect(m.hasEmbeddings).toBe(true);
    for (const [liquor, property] of dense(m, unit([0.95, 0.15, 0.05]))) expect(liquor).toBeGreaterThan(property);
  });

  it("score an attached firm as if new: its own vector is out of its segment's centroid and out of the vote", () => {
    const alone = new AttachmentModel(
      [embedded[0], embedded[2], embedded[3]].map((f, i) => ({ ...f, labels: [i === 0 ? 0 : 1] })),
      segments,
    );
    const [[centroid], [vote]] = dense(alone, undefined, 0);
    expect(centroid).toBe(0);
    expect(vote).toBe(0);
  });

  it('are absent, all zeros, unless every attached firm has an embedding', () => {
    const m = new AttachmentModel([...embedded.slice(0, 3), firms[3]], segments);
    expect(m.hasEmbeddings).toBe(false);
    for (const pair of dense(m, unit([1, 0, 0]))) expect(pair).toEqual([0, 0]);
  });
});

describe('the termLogit signal (a linear model trained to tell the segments apart)', () => {
  const termLogit = (m: AttachmentModel, products: string[], self?: number) => {
    const { values } = m.signals({ name: '某某股份', products }, self);
    const j = signalNames.indexOf('termLogit');
    return [values[j], values[signalNames.length + j]];
  };

  it('gives a new firm the log-probability of each segment, the right one higher', () => {
    const [liquor, property] = termLogit(model, ['酱香型白酒', '白酒']);
    expect(liquor).toBeGreaterThan(property);
    expect(Math.exp(liquor) + Math.exp(property)).toBeLessThanOrEqual(1 + 1e-6); // stored as Float32
  });

  it('scores an attached firm as new only when it was cross-fitted (a model that never saw it), else gives nothing', () => {
    const crossFitted = new AttachmentModel(firms, segments, 10, [0, 1, 2, 3]);
    const [liquor, property] = termLogit(crossFitted, firms[0].products, 0);
    expect(liquor).toBeLessThan(0);
    expect(liquor).toBeGreaterThan(property);
    expect(termLogit(model, firms[0].products, 0)).toEqual([0, 0]);
  });
});
