/**
 * Update expressions built from plain objects: `SET` of fields, `ADD` of numbers, `REMOVE` of attributes,
 * with every name and value behind a placeholder (reserved words and odd names are safe).
 */

export interface UpdateParts {
  set?: Readonly<Record<string, unknown>>;
  add?: Readonly<Record<string, number>>;
  remove?: readonly string[];
}

export interface UpdateExpression {
  UpdateExpression: string;
  ExpressionAttributeNames: Record<string, string>;
  /** Absent when nothing needs a value (DynamoDB refuses an empty map). */
  ExpressionAttributeValues?: Record<string, unknown>;
}

/**
 * The expression for `parts`; `names` and `values` that a condition uses are merged in (their placeholders
 * must not start with `#u` / `:u`).
 */
export function updateExpression(
  parts: UpdateParts,
  condition: { names?: Record<string, string>; values?: Record<string, unknown> } = {},
): UpdateExpression {
  const taken = [...Object.keys(condition.names ?? {}), ...Object.keys(condition.values ?? {})];
  if (taken.some((placeholder) => /^[#:]u\d/.test(placeholder))) {
    throw new Error('Condition placeholders #u… and :u… belong to updateExpression');
  }
  const removed = new Set(parts.remove ?? []);
  const both = [...Object.keys(parts.set ?? {}), ...Object.keys(parts.add ?? {})].filter((a) => removed.has(a));
  if (both.length > 0) throw new Error(`An update cannot both change and remove ${both.join(', ')}`);
  const names: Record<string, string> = { ...condition.names };
  const values: Record<string, unknown> = { ...condition.values };
  let n = 0;
  const name = (attribute: string) => {
    const placeholder = `#u${n++}`;
    names[placeholder] = attribute;
    return placeholder;
  };
  const clauses: string[] = [];
  const set = Object.entries(parts.set ?? {}).map(([attribute, value]) => {
    const placeholder = name(attribute);
    values[`:${placeholder.slice(1)}`] = value;
    return `${placeholder} = :${placeholder.slice(1)}`;
  });
  if (set.length > 0) clauses.push(`SET ${set.join(', ')}`);
  const add = Object.entries(parts.add ?? {}).map(([attribute, value]) => {
    const placeholder = name(attribute);
    values[`:${placeholder.slice(1)}`] = value;
    return `${placeholder} :${placeholder.slice(1)}`;
  });
  if (add.length > 0) clauses.push(`ADD ${add.join(', ')}`);
  const remove = (parts.remove ?? []).map(name);
  if (remove.length > 0) clauses.push(`REMOVE ${remove.join(', ')}`);
  if (clauses.length === 0) throw new Error('An update needs at least one change');
  return {
    UpdateExpression: clauses.join(' '),
    ExpressionAttributeNames: names,
    ...(Object.keys(values).length > 0 ? { ExpressionAttributeValues: values } : {}),
  };
}
