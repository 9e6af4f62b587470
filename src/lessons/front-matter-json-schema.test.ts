import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { frontMatterJsonSchema, frontMatterJsonSchemaText } from './front-matter-json-schema.ts';
import { FRONT_MATTER_FIELDS } from './schema.ts';

describe('the front matter JSON Schema an author’s editor reads', () => {
  it('is the committed docs/lesson-front-matter.schema.json (run npm run lessons:schema)', () => {
    const file = new URL('../../docs/lesson-front-matter.schema.json', import.meta.url);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(JSON.parse(frontMatterJsonSchemaText()));
  });

  it('lists every documented field, requires the required ones and allows no others', () => {
    const schema = frontMatterJsonSchema();
    const properties = schema.properties as Record<string, { markdownDescription?: string }>;
    expect(Object.keys(properties).sort()).toEqual(Object.keys(FRONT_MATTER_FIELDS).sort());
    const required = Object.entries(FRONT_MATTER_FIELDS)
      .filter(([, d]) => d.required)
      .map(([n]) => n);
    expect([...(schema.required as string[])].sort()).toEqual(required.sort());
    expect(schema.additionalProperties).toBe(false);
    expect(properties.minutes?.markdownDescription).toContain('Example: `15`');
  });
});
