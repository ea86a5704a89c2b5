import { engineeringDisciplines } from './disciplinesEngineering.ts';
import { environmentDisciplines } from './disciplinesEnvironment.ts';
import { informationDisciplines } from './disciplinesInformation.ts';
import { lifeDisciplines } from './disciplinesLife.ts';
import { materialsDisciplines } from './disciplinesMaterials.ts';
import { societyDisciplines } from './disciplinesSociety.ts';

/**
 * Disciplines (学科, after the national list of 一级学科) and the research topics of the chain
 * templates each one works on. A university's profile (`disciplines` in seed/district/qixia.json)
 * names the disciplines it has; its generated labs and its researchers draw topics only from them,
 * so a 体育学院 researches 康复医学, not 锂电铜箔 (issue 13). Every topic here is a topic of some
 * template segment, so labs and firms still meet on shared Topic nodes (the coherence test checks both).
 *
 * The table is kept by discipline group, one file each (disciplinesInformation.ts … disciplinesSociety.ts).
 */
export const disciplineTopics: Record<string, readonly string[]> = {
  ...informationDisciplines,
  ...engineeringDisciplines,
  ...materialsDisciplines,
  ...lifeDisciplines,
  ...environmentDisciplines,
  ...societyDisciplines,
};

/** The topics of one discipline; an unknown name is a typo in the district file, so it fails loudly. */
export function topicsOfDiscipline(discipline: string): readonly string[] {
  const topics = disciplineTopics[discipline];
  if (!topics) throw new Error(`discipline "${discipline}" is not in seed/generate/disciplines.ts`);
  return topics;
}
