/**
 * The committed OpenAPI document (contracts/openapi.json, kept fresh by the contract tests) is valid for the
 * tools clients use: Redocly's recommended rules and Spectral's OAS and OWASP API rulesets (redocly.yaml,
 * .spectral.yaml: every rule switched off is listed there with its reason), and every string and array a
 * client sends is bounded (what the switched-off OWASP string and array limits would ask of requests).
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { OPENAPI_FILE } from '../../../lib/openapi';

const run = promisify(execFile);
const ROOT = new URL('../../../', import.meta.url).pathname;
type Json = Record<string, unknown>;
const document = JSON.parse(readFileSync(`${ROOT}${OPENAPI_FILE}`, 'utf8')) as Json;

async function cli(bin: string, args: string[]): Promise<{ code: number; out: string; log: string }> {
  try {
    const { stdout, stderr } = await run(`${ROOT}node_modules/.bin/${bin}`, args, {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, out: stdout, log: stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, out: failed.stdout ?? '', log: failed.stderr ?? '' };
  }
}

describe('the OpenAPI document', () => {
  it('passes redocly lint (recommended) with no error and no warning', { timeout: 120_000 }, async () => {
    const { code, out, log } = await cli('redocly', [
      'lint',
      OPENAPI_FILE,
      '--config',
      'redocly.yaml',
      '--format',
      'json',
    ]);
    const report = JSON.parse(out) as { totals: { errors: number; warnings: number } };
    expect(report.totals, out + log).toEqual(expect.objectContaining({ errors: 0, warnings: 0 }));
    expect(code).toBe(0);
  });

  it('passes Spectral (spectral:oas and the OWASP API ruleset) with no error', { timeout: 120_000 }, async () => {
    const { code, out } = await cli('spectral', [
      'lint',
      OPENAPI_FILE,
      '--ruleset',
      '.spectral.yaml',
      '--format',
      'json',
      '--fail-severity',
      'error',
    ]);
    const findings = JSON.parse(out) as Array<{ code: string; severity: number }>;
    expect(findings.filter((f) => f.severity === 0).map((f) => f.code)).toEqual([]);
    expect(code).toBe(0);
  });

  it('bounds every string and array a client sends', () => {
    const components = (document.components as Json).schemas as Record<string, Json>;
    const unbounded: string[] = [];
    const visit = (schema: Json | undefined, where: string) => {
      if (!schema) return;
      if (typeof schema.$ref === 'string') return visit(components[schema.$ref.split('/').pop() as string], where);
      for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
        for (const [i, part] of ((schema[key] as Json[] | undefined) ?? []).entries())
          visit(part, `${where}.${key}[${i}]`);
      }
      if (schema.type === 'string' && !['maxLength', 'enum', 'const', 'format', 'pattern'].some((k) => k in schema)) {
        unbounded.push(where);
      }
      if (schema.type === 'array') {
        if (!('maxItems' in schema)) unbounded.push(where);
        visit(schema.items as Json, `${where}[]`);
      }
      for (const [name, property] of Object.entries((schema.properties as Record<string, Json>) ?? {})) {
        visit(property, `${where}.${name}`);
      }
    };
    let checked = 0;
    for (const [path, operations] of Object.entries(document.paths as Record<string, Record<string, Json>>)) {
      for (const [method, operation] of Object.entries(operations)) {
        for (const parameter of (operation.parameters as Json[]) ?? []) {
          checked++;
          visit(parameter.schema as Json, `${method} ${path} ${parameter.in} ${parameter.name}`);
        }
        const body = (operation.requestBody as Json | undefined)?.content as Record<string, Json> | undefined;
        if (body) {
          checked++;
          visit(body['application/json']?.schema as Json, `${method} ${path} body`);
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
    expect(unbounded).toEqual([]);
  });
});
