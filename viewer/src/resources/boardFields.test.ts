import { describe, expect, it } from 'vitest';
import { fieldOfPath, fieldsFor, fieldValue, formBody } from './boardFields.ts';

describe('the board form’s fields and body', () => {
  it('offers each kind’s own attributes, with the owner only when creating', () => {
    const names = fieldsFor('offers', 'loan').map((f) => f.name);
    expect(names).toEqual(['ownerId', 'title', 'description', 'amountWan', 'ratePct', 'termMonths', 'capacity', 'availableFrom', 'availableUntil']);
    expect(fieldsFor('demands', 'site').map((f) => f.name)).toContain('parkAllowList');
    expect(fieldsFor('demands', 'site').map((f) => f.name)).not.toContain('capacity');
    expect(fieldsFor('offers', 'site').find((f) => f.name === 'ownerId')?.createOnly).toBe(true);
  });

  it('turns inputs into the API’s types; what is not a number goes as typed so the API names the field', () => {
    const number = { name: 'areaM2', type: 'number' as const };
    expect(fieldValue(number, ' 3,200 ')).toBe(3200);
    expect(fieldValue(number, 'abc')).toBe('abc');
    expect(fieldValue(number, '  ')).toBeUndefined();
    expect(fieldValue({ name: 'certifications', type: 'list' }, 'GMP，ISO9001, ')).toEqual(['GMP', 'ISO9001']);
  });

  it('creates with the kind and every filled field; edits send only what changed, a cleared field as null', () => {
    const fields = fieldsFor('offers', 'site');
    const inputs = { ownerId: 'park.x', title: '厂房', areaM2: '3200', parkId: 'park.x', price: '' };
    expect(formBody(fields, inputs, 'site')).toEqual({ kind: 'site', ownerId: 'park.x', title: '厂房', areaM2: 3200, parkId: 'park.x' });
    const original = {
      title: '厂房',
      description: '',
      areaM2: 3200,
      floorLoadKnM2: null,
      price: 35,
      certifications: ['GMP'],
      parkId: 'park.x',
      capacity: 1,
      availableFrom: null,
      availableUntil: null,
    };
    const edited = {
      title: '厂房 A',
      description: '',
      areaM2: '3200',
      floorLoadKnM2: '',
      price: '',
      certifications: 'GMP',
      parkId: 'park.x',
      capacity: '1',
      availableFrom: '',
      availableUntil: '',
    };
    expect(formBody(fields, edited, 'site', original)).toEqual({ title: '厂房 A', price: null });
  });

  it('finds the field a problem names', () => {
    expect([fieldOfPath('body.areaM2'), fieldOfPath('body.certifications.0'), fieldOfPath('header.If-Match')]).toEqual(['areaM2', 'certifications', 'header']);
  });
});
