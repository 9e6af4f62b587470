/**
 * The lesson front matter as a JSON Schema, generated from the valibot schema the checker uses
 * (schema.ts), so that an editor with a YAML language server can complete and check the fields
 * while an author types. `npm run lessons:schema` writes it to docs/lesson-front-matter.schema.json;
 * a unit test keeps that file equal to this.
 */
import { toJsonSchema } from '@valibot/to-json-schema';
import { FRONT_MATTER_FIELDS, frontMatterSchema } from './schema.ts';

export function frontMatterJsonSchema(): Record<string, unknown> {
  // `ignore`: transformations such as trimming have no JSON Schema form; the checks around them
  // (types, lengths, ranges, the slug pattern, no unknown fields) all do.
  const schema = toJsonSchema(frontMatterSchema, { errorMode: 'ignore' }) as Record<
    string,
    unknown
  >;
  const properties = schema.properties as Record<string, Record<string, unknown>>;
  for (const [name, doc] of Object.entries(FRONT_MATTER_FIELDS)) {
    const property = properties[name];
    if (property)
      property.markdownDescription = `${doc.description}\n\nExample: \`${doc.example}\``;
  }
  return {
    ...schema,
    title: 'Event Loop Lab lesson front matter',
    description:
      'The YAML between the --- lines at the top of a lesson in lessons/ (docs/lesson-format.md).',
  };
}

/** The file's text: formatted as Biome formats JSON, with a final newline. */
export function frontMatterJsonSchemaText(): string {
  return `${JSON.stringify(frontMatterJsonSchema(), null, 2)}\n`;
}
