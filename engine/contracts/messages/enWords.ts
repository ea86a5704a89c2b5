import type { WordParam } from './wordParams.ts';

/**
 * The English words of the parameters that are codes (wordParams.ts), for the engine's English exports.
 * They are the viewer's words (viewer/src/i18n/en: tag.*, size.*, level.*, action.*, priceUnit.*, rkind.*,
 * constraint.*, title.*) — viewer/src/i18n/messages/enWords.test.ts fails when the two differ. The Chinese words
 * are the engine's (engine/i18n/say.ts zhWords).
 */
export const enWords: Record<WordParam, Record<string, string>> = {
  tags: {
    listed: 'Listed',
    'little-giant': 'Little giant',
    'high-tech': 'High-tech',
    unicorn: 'Unicorn',
    gazelle: 'Gazelle',
    'smart-factory': 'Smart factory',
    'tech-center': 'Tech centre',
    'korean-funded': 'Korean-funded',
  },
  size: { micro: 'Micro', small: 'Small', medium: 'Medium', large: 'Large' },
  level: {
    laureate: 'Nobel/Turing laureate',
    academician: 'Academician',
    national: 'National talent',
    provincial: 'Provincial talent',
    municipal: 'Municipal talent',
    district: 'District talent',
    other: 'Researcher',
  },
  mode: { fill: 'Fill', strengthen: 'Strengthen', extend: 'Extend' },
  priceUnit: { site: 'yuan/m²/month', land: '× 10,000 yuan/mu', other: '× 10,000 yuan' },
  resourceKind: { site: 'Site', land: 'Land', loan: 'Finance', equipment: 'Equipment', talent: 'Talent', service: 'Service', policy: 'Policy' },
  rules: {
    kind: 'Wrong kind',
    capacity: 'No capacity left',
    sameOwner: 'Same organisation',
    certification: 'Certification missing',
    area: 'Area too small',
    floorLoad: 'Floor load too low',
    price: 'Price above ceiling',
    amount: 'Amount too small',
    rate: 'Rate above ceiling',
    term: 'Term too short',
    park: 'Outside allowed parks',
    dates: 'Dates do not fit',
    declined: 'Every pair declined before',
  },
  title: {
    教授: 'Professor',
    副教授: 'Associate professor',
    研究员: 'Research fellow',
    副研究员: 'Associate research fellow',
    首席科学家: 'Chief scientist',
    总工程师: 'Chief engineer',
    高级工程师: 'Senior engineer',
    工程师: 'Engineer',
    技术总监: 'Technical director',
    讲师: 'Lecturer',
    博士后: 'Postdoctoral fellow',
  },
};
