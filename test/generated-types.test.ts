import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GENERATED_FILE, generateTypes } from '../scripts/generate-types.js';

describe('generated types', () => {
  it('are what `npm run generate` writes from the schemas today', async () => {
    expect(await generateTypes()).toBe(readFileSync(GENERATED_FILE, 'utf8'));
  });

  it('declare every model and their union', () => {
    const text = readFileSync(GENERATED_FILE, 'utf8');
    expect(text).toContain('export interface OpenResponsesImageGenCallGenerating {');
    expect(text).toContain(
      'export type ImageGenCallEvent = OpenResponsesImageGenCallInProgress | OpenResponsesImageGenCallGenerating | OpenResponsesImageGenCallPartialImage | OpenResponsesImageGenCallCompleted;',
    );
  });
});
