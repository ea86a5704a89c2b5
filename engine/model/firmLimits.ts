/**
 * One firm's product list (import, stored node, classification request). Real lists are long: of the
 * 2,847 listed firms in ../shared/real, 101 name over 30 products, 7 over 50, the most 68. At 50 a
 * single such firm made a whole import fail; 200 admits them with room and keeps a row bounded.
 *
 * Kept with the model rather than in engine/config/limits.ts with the other limits: the stored node's
 * schema (nodes.ts) reads it, and config/ imports the model's enums, so the model imports nothing of config/.
 */
export const firmLimits = {
  maxProducts: 200,
  maxProductChars: 100,
};
