import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GENERATED_FILE, generateTypes, SPEC_TYPES_FILE } from '../scripts/generate-types.js';

describe('generated types', () => {
  it('are what `npm run generate` writes from the schemas today', async () => {
    const { seed, spec } = await generateTypes();
    expect(seed).toBe(readFileSync(GENERATED_FILE, 'utf8'));
    expect(spec).toBe(readFileSync(SPEC_TYPES_FILE, 'utf8'));
  });

  it('declare every model and their union', () => {
    const text = readFileSync(GENERATED_FILE, 'utf8');
    expect(text).toContain('export interface OpenResponsesImageGenCallGenerating {');
    // the spec's events, their shared types declared once
    const spec = readFileSync(SPEC_TYPES_FILE, 'utf8');
    expect(spec).toContain('export interface ResponseOutputTextDeltaStreamingEvent {');
    expect(spec.match(/export interface ResponseResource \{/g)).toHaveLength(1);
    expect(spec).toMatch(/export type OpenResponsesStreamingEvent =\n {2}\| ErrorStreamingEvent\n/);
    expect(text).toContain(
      'export type ImageGenCallEvent = OpenResponsesImageGenCallInProgress | OpenResponsesImageGenCallGenerating | OpenResponsesImageGenCallPartialImage | OpenResponsesImageGenCallCompleted;',
    );
  });
});
