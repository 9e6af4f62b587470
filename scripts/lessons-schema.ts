/** `npm run lessons:schema`: writes the front matter's JSON Schema for editors (see the module). */
import { writeFileSync } from 'node:fs';
import { frontMatterJsonSchemaText } from '../src/lessons/front-matter-json-schema.ts';

const out = new URL('../docs/lesson-front-matter.schema.json', import.meta.url);
writeFileSync(out, frontMatterJsonSchemaText());
process.stdout.write(
  'wrote docs/lesson-front-matter.schema.json (format it with npm run format)\n',
);
