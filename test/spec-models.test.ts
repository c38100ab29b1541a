/**
 * The committed schemas of the spec's streaming events are what the script
 * makes of the spec's document: regenerating them changes nothing. CI has the
 * document beside the clone; elsewhere this says in one line that it did not run.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SPEC } from '../scripts/cut-spec-events.js';
import { SPEC_MODEL_DIR, specModels, withoutAnnotations } from '../scripts/spec-models.js';
import { eventTypeOf, loadSchemaSet } from '../core/models.js';

const present = existsSync(DEFAULT_SPEC);
if (!present) process.stdout.write(`spec-models: the spec document is not at ${DEFAULT_SPEC}; the committed schemas were not compared with it\n`);

describe('the spec events as bundled models', () => {
  it.skipIf(!present)('regenerating schema/models/open-responses/ from the document changes nothing', () => {
    const made = specModels(JSON.parse(readFileSync(DEFAULT_SPEC, 'utf8')));
    const committed = readdirSync(SPEC_MODEL_DIR).sort();
    expect(made.map((m) => m.file).sort()).toEqual(committed);
    for (const m of made) expect(readFileSync(join(SPEC_MODEL_DIR, m.file), 'utf8'), m.file).toBe(m.text);
  });

  it('bundles 24 events, each with its own event type and no annotation', () => {
    const set = loadSchemaSet();
    const spec = set.models.filter((m) => m.id.startsWith('urn:openresponses:'));
    expect(spec).toHaveLength(24);
    expect(new Set(spec.map(eventTypeOf)).size).toBe(24);
    for (const m of spec) {
      // the title names the model; nothing else is an annotation
      const { title, ...rest } = m.schema;
      expect(title).toBe(m.name);
      expect(withoutAnnotations(rest), m.name).toEqual(rest);
    }
  });

  it('drops annotations and keeps rules, also where a property is named like an annotation', () => {
    const schema = {
      title: 'T',
      description: 'prose',
      'x-added-in': '1',
      properties: { description: { type: 'string', description: 'a member named description' }, title: { enum: ['a'], default: 'a' } },
      required: ['description'],
      oneOf: [{ const: 1, example: 1 }],
      discriminator: { propertyName: 'type' },
    };
    expect(withoutAnnotations(schema)).toEqual({
      properties: { description: { type: 'string' }, title: { enum: ['a'] } },
      required: ['description'],
      oneOf: [{ const: 1 }],
    });
  });
});
