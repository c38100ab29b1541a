/**
 * Every stdio harness is told where the run's schemas are: ORC_SCHEMAS names a file holding every schema by
 * `$id` and the models in order (schema/protocol/schemas.schema.json), written once per schema set and gone
 * when orc exits. A harness that models any schema learns a `--schema` model from it.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemasFile, schemasFileContent } from '../adapters/stdio/schemas-file.js';
import { loadSchemaSet, PROJECT_ROOT, SCHEMA_DIR } from '../core/models.js';
import { createAjv } from '../core/oracle.js';
import { orc } from './helpers/cli.js';

const SEER = join(PROJECT_ROOT, 'test', 'harnesses', 'schemas-seer.mjs');
const validFile = createAjv({ allErrors: true }).compile(JSON.parse(readFileSync(join(SCHEMA_DIR, 'protocol', 'schemas.schema.json'), 'utf8')));

const SEEN = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:orc-test:seen',
  title: 'SeenEvent',
  type: 'object',
  required: ['type', 'n'],
  properties: { type: { type: 'string', enum: ['orc.seen'] }, n: { type: 'integer' } },
};

describe('ORC_SCHEMAS', () => {
  it('is one file per schema set, holding every schema by $id and the models in order, as schemas.schema.json says', () => {
    const dir = mkdtempSync(join(tmpdir(), 'orc-seen-'));
    writeFileSync(join(dir, 'seen.schema.json'), JSON.stringify(SEEN));
    const set = loadSchemaSet([join(dir, 'seen.schema.json')]);
    const path = schemasFile(set);
    expect(schemasFile(set)).toBe(path);
    const file = JSON.parse(readFileSync(path, 'utf8'));
    expect(file).toEqual(schemasFileContent(set));
    expect(validFile(file), JSON.stringify(validFile.errors)).toBe(true);
    expect(file.models.map((m: { name: string }) => m.name)).toEqual(set.models.map((m) => m.name));
    expect(Object.keys(file.schemas)).toEqual([...set.byId.keys()]);
    expect(schemasFile(loadSchemaSet())).not.toBe(path);
  });

  it("reaches a cmd: harness, which sees a --schema model among the run's models; the file is gone once orc exits", () => {
    const dir = mkdtempSync(join(tmpdir(), 'orc-seen-'));
    const schema = join(dir, 'seen.schema.json');
    writeFileSync(schema, JSON.stringify(SEEN));
    const told = join(dir, 'told.json');
    const r = orc([
      'run',
      '--schema',
      schema,
      '--model',
      'SeenEvent',
      '--adapter',
      `seer=cmd:${JSON.stringify(process.execPath)} ${JSON.stringify(SEER)} ${JSON.stringify(told)}`,
      '--suite',
      'Required.Parse.AcceptsValid',
      '--runs',
      '1',
      '--out',
      join(dir, 'reports'),
    ]);
    expect(r.stderr).not.toMatch(/did not start/);
    const seen = JSON.parse(readFileSync(told, 'utf8'));
    expect(seen.path).toEqual(expect.any(String));
    expect(seen.file.models).toContainEqual({ name: 'SeenEvent', id: 'urn:orc-test:seen' });
    expect(seen.file.models).toContainEqual({ name: 'OpenResponsesImageGenCallGenerating', id: expect.any(String) });
    expect(seen.file.schemas['urn:orc-test:seen']).toEqual(SEEN);
    expect(validFile(seen.file)).toBe(true);
    // the harness took it: its parse was asked for the model and refused it (a Required failure, not "n/a")
    expect(JSON.parse(readFileSync(join(dir, 'reports', 'report.json'), 'utf8')).results).toContainEqual(
      expect.objectContaining({ adapter: 'seer', model: 'SeenEvent', id: 'Required.Parse.AcceptsValid', status: 'failed' }),
    );
    expect(existsSync(seen.path)).toBe(false);
  });
});
