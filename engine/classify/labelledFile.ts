import { InvalidInputError, type FieldIssue } from '../core/errors.ts';
import type { LabelledExample } from './crossValidateAttachment.ts';

/**
 * Reads a labelled file for `npm run eval:attachment --file`: JSON Lines, one firm a line, with
 * `name`, `products` (names, or objects with a `name`), optional `description`, and the label as
 * `label` (optional `labelName`, `ancestors` top-down). The ../shared/real layout is read as is:
 * `industry_code`/`industry_name` are the label and its name, `level1_code`, `level2_code` its ancestors,
 * and the firm's name is its registered `fullname` when present (平安银行股份有限公司, what an enterprise
 * list and the API carry), else its short `name` (平安银行). Other files: `name` (else `fullname`).
 */
export function readLabelledFile(text: string, file = 'input'): { examples: LabelledExample[]; labelNames: Map<string, string> } {
  const examples: LabelledExample[] = [];
  const labelNames = new Map<string, string>();
  const issues: FieldIssue[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    const row = i + 1;
    let r: Record<string, unknown>;
    try {
      r = JSON.parse(line);
    } catch {
      issues.push({ row, file, path: `${row}`, message: 'not valid JSON' });
      return;
    }
    const registered = typeof r.industry_code === 'string' && typeof r.fullname === 'string' && r.fullname.trim() ? r.fullname : undefined;
    const name = registered ?? r.name ?? r.fullname;
    const label = r.label ?? r.industry_code;
    if (typeof name !== 'string' || !name.trim()) issues.push({ row, file, path: `${row}.name`, message: 'a firm needs a name' });
    if (typeof label !== 'string' || !label.trim())
      issues.push({ row, file, path: `${row}.label`, message: 'a labelled firm needs a label (or industry_code)' });
    if (!Array.isArray(r.products ?? [])) issues.push({ row, file, path: `${row}.products`, message: 'products must be a list' });
    if (typeof name !== 'string' || typeof label !== 'string' || !Array.isArray(r.products ?? [])) return;
    const products = ((r.products ?? []) as unknown[]).map((p) => (typeof p === 'string' ? p : String((p as { name?: unknown })?.name ?? ''))).filter(Boolean);
    const ancestors = Array.isArray(r.ancestors) ? r.ancestors.map(String) : [r.level1_code, r.level2_code].filter((x): x is string => typeof x === 'string');
    const labelName = r.labelName ?? r.industry_name;
    if (typeof labelName === 'string') labelNames.set(label, labelName);
    examples.push({
      id: String(r.id ?? r.company_code ?? `row-${row}`),
      name,
      products,
      description: typeof r.description === 'string' ? r.description : undefined,
      label,
      ancestors: ancestors.length ? ancestors : undefined,
    });
  });
  if (issues.length) throw new InvalidInputError(`${issues.length} bad line(s) in ${file}`, issues.slice(0, 100));
  return { examples, labelNames };
}
