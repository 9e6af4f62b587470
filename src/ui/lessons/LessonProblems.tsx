/** What is wrong with lessons (dev only: a production build refuses such lessons). */
export function LessonProblems({
  problems,
  title,
  level,
}: {
  problems: readonly string[];
  title: string;
  level: 3 | 4;
}) {
  if (problems.length === 0) return null;
  const Heading = level === 3 ? 'h3' : 'h4';
  return (
    <section className="lesson-list__problems" aria-label="Lesson problems">
      <Heading>{title}</Heading>
      <ul>
        {problems.map((p) => (
          <li key={p}>
            <code>{p}</code>
          </li>
        ))}
      </ul>
    </section>
  );
}
