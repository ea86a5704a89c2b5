/**
 * Gaps planted on purpose so the demo shows something true (docs/design.md: "plant a few gaps"):
 * - `missing`: no local firm, while local downstream segments need its products (补链);
 * - `dominant`: one large local firm and one micro firm, i.e. single-supplier risk (强链);
 * - `beyondEnds`: end segments of the template left without local firms (延链).
 * Chains not listed here get no planted gap.
 */
export interface PlantedGaps {
  missing: string[];
  dominant: string[];
  beyondEnds: string[];
}

export const plantedGaps: Record<string, PlantedGaps> = {
  biomed: { missing: ['biomed.cdmo'], dominant: ['biomed.excipient'], beyondEnds: ['biomed.medical-service'] },
  ai: { missing: ['ai.chip'], dominant: ['ai.data'], beyondEnds: ['ai.smart-health'] },
};
