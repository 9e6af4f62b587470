/**
 * The lesson front matter: a valibot schema whose every field is documented. `FRONT_MATTER_FIELDS`
 * is the documentation (docs/lesson-format.md repeats it; a test keeps the two in step).
 */
import * as v from 'valibot';

export const LEVELS = ['beginner', 'intermediate', 'advanced'] as const;
export type Level = (typeof LEVELS)[number];

export interface FieldDoc {
  readonly required: boolean;
  /** The YAML type in words. */
  readonly type: string;
  readonly description: string;
  readonly example: string;
}

/** Every front-matter field, in the order the docs list them. */
export const FRONT_MATTER_FIELDS = {
  title: {
    required: true,
    type: 'text, at most 80 characters',
    description: 'The lesson title, shown in the lesson list and above the steps.',
    example: 'Waiting is wasted',
  },
  summary: {
    required: true,
    type: 'text, at most 240 characters',
    description: 'One or two sentences saying what the lesson shows; shown in the lesson list.',
    example: 'Three slow downloads one after another, then all at once with asyncio.',
  },
  objectives: {
    required: true,
    type: 'list of 1–6 texts',
    description: 'What a learner can do after the lesson, each starting with a verb.',
    example: '[Explain why a blocking wait wastes time, Run three coroutines concurrently]',
  },
  minutes: {
    required: true,
    type: 'whole number, 1–120',
    description: 'About how long the lesson takes a learner, in minutes.',
    example: '15',
  },
  level: {
    required: true,
    type: 'one of beginner, intermediate, advanced',
    description: 'How much the lesson expects a learner to know already.',
    example: 'beginner',
  },
  tags: {
    required: false,
    type: 'list of texts',
    description: 'Topics, for search and filtering (default: none).',
    example: '[tasks, gather]',
  },
  requires: {
    required: false,
    type: 'list of lesson slugs',
    description:
      'Lessons to take first, by slug (the file name without its number and `.md`); each must exist and come earlier (default: none).',
    example: '[coroutines-and-the-event-loop]',
  },
  draft: {
    required: false,
    type: 'true or false',
    description:
      'A draft is checked like any lesson but left out of the lesson list of a production build (default: false).',
    example: 'false',
  },
} as const satisfies Record<string, FieldDoc>;

export type FrontMatterField = keyof typeof FRONT_MATTER_FIELDS;

const text = (max: number) =>
  v.pipe(
    v.string('must be text'),
    v.trim(),
    v.nonEmpty('must not be empty'),
    v.maxLength(max, `must be at most ${max} characters`),
  );

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const frontMatterSchema = v.strictObject(
  {
    title: v.pipe(text(80), v.description(FRONT_MATTER_FIELDS.title.description)),
    summary: v.pipe(text(240), v.description(FRONT_MATTER_FIELDS.summary.description)),
    objectives: v.pipe(
      v.array(text(200), 'must be a list of texts (one per line, each starting with "- ")'),
      v.minLength(1, 'must list at least one objective'),
      v.maxLength(6, 'must list at most 6 objectives'),
      v.description(FRONT_MATTER_FIELDS.objectives.description),
    ),
    minutes: v.pipe(
      v.number('must be a whole number of minutes'),
      v.integer('must be a whole number of minutes'),
      v.minValue(1, 'must be at least 1'),
      v.maxValue(120, 'must be at most 120'),
      v.description(FRONT_MATTER_FIELDS.minutes.description),
    ),
    level: v.pipe(
      v.picklist(LEVELS, `must be one of ${LEVELS.join(', ')}`),
      v.description(FRONT_MATTER_FIELDS.level.description),
    ),
    tags: v.pipe(
      v.optional(v.array(text(40), 'must be a list of texts'), []),
      v.description(FRONT_MATTER_FIELDS.tags.description),
    ),
    requires: v.pipe(
      v.optional(
        v.array(
          v.pipe(
            v.string('must be a list of lesson slugs'),
            v.regex(SLUG, 'must name lessons by slug: lowercase words joined by "-"'),
          ),
          'must be a list of lesson slugs',
        ),
        [],
      ),
      v.description(FRONT_MATTER_FIELDS.requires.description),
    ),
    draft: v.pipe(
      v.optional(v.boolean('must be true or false'), false),
      v.description(FRONT_MATTER_FIELDS.draft.description),
    ),
  },
  // valibot reports an unknown key through this message; the parser rewords it with the key.
  'is not a front-matter field',
);

/** The validated front matter. */
export type LessonMeta = v.InferOutput<typeof frontMatterSchema>;
