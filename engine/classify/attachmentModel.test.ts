import { describe, expect, it } from 'vitest';
import { AttachmentModel, signalNames } from './attachmentModel.ts';

// Two hand-made segments: distillers, and property firms.
const firms = [
  { id: 'a1', name: '甲酒业', products: ['浓香型白酒', '白酒'], labels: [0] },
  { id: 'a2', name: '乙酒业', products: ['酱香型白酒', '白酒销售'], labels: [0] },
  { id: 'b1', name: '丙置业', products: ['房地产开发', '物业管理', '商业租赁'], labels: [1] },
  { id: 'b2', name: '丁地产', products: ['住宅开发', '物业管理', '房屋租赁'], labels: [1] },
];
const segments = [{ id: 'liquor', text: ['白酒'] }, { id: 'property', text: ['房地产开发'] }];
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
