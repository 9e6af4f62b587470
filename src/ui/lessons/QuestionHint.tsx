/** The hint after a first wrong answer: the author's `:::hint`, or one for the kind of question. */
import { kindHint, type Question } from '../../lessons/index.ts';
import { RichText } from './RichText.tsx';

export function QuestionHint({ question }: { question: Question }) {
  return (
    <div className="lesson-hint lesson-feedback__hint">
      <span className="lesson-hint__label">Hint</span>
      {question.hint ? (
        <RichText tree={question.hint} className="lesson-prose" />
      ) : (
        <p className="lesson-prose">{kindHint(question.kind)}</p>
      )}
    </div>
  );
}
