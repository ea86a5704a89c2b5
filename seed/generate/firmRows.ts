import type { World } from './world.ts';

/** Writes each generated firm as an Enterprise node (with its park) once every attribute is settled. */
export function addFirmNodes(world: World): void {
  for (const f of world.firms) {
    world.g.node('Enterprise', {
      id: f.id,
      name: f.name,
      local: f.local,
      kind: f.kind,
      province: f.province,
      city: f.city,
      size: f.size,
      revenueWan: f.revenueWan,
      employees: f.employees,
      tags: f.tags,
      description: f.description,
      businessScope: f.businessScope,
      foundedYear: f.foundedYear,
      techLoanWan: f.techLoanWan,
      source: f.source,
    });
    if (f.local && f.parkId) world.g.rel('LOCATED_IN', 'Enterprise', f.id, 'Park', f.parkId);
  }
}
