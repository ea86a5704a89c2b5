/**
 * Parameters that are themselves codes, and which words they are shown as: `tags` a list of
 * enterprise tags, `size` an enterprise size class, `level` a talent level, `mode` 补链/强链/延链,
 * `priceUnit` the unit a resource kind is priced in (site, land, other), `resourceKind` a resource kind,
 * `rules` a list of hard constraints (or `declined`).
 * Every other parameter is a name, a number or a list of names, shown as it is.
 * A file of its own (no zod) so the viewer can bundle the renderer that reads it.
 */
export const wordParams = ['tags', 'size', 'level', 'mode', 'priceUnit', 'resourceKind', 'rules'] as const;
export type WordParam = (typeof wordParams)[number];
