/**
 * Parameters that are themselves codes, and which words they are shown as: `tags` a list of
 * enterprise tags, `size` an enterprise size class, `level` a talent level, `mode` 补链/强链/延链,
 * `priceUnit` the unit a resource kind is priced in (site, land, other), `resourceKind` a resource kind,
 * `rules` a list of hard constraints (or `declined`), `title` a researcher's job title as recorded (教授, 研究员 …: words
 * in Chinese already, given English words for the common ones; an unknown title shows as recorded).
 * Every other parameter is a name, a number or a list of names, shown as it is.
 * A file of its own (no zod) so the viewer can bundle the renderer that reads it.
 */
export const wordParams = ['tags', 'size', 'level', 'mode', 'priceUnit', 'resourceKind', 'rules', 'title'] as const;
export type WordParam = (typeof wordParams)[number];
