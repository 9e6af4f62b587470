/**
 * The lesson pages, connected to the store: the list (`#/lessons`) and a lesson step
 * (`#/lessons/<slug>/<n>`, n from 1) with the lesson pane beside the playground's panes. Moving
 * between steps changes the address (so Back in the browser goes to the previous step); the
 * router opens what the address says.
 */

import { type ReactNode, useMemo } from 'react';
import type { LessonBundle, Question } from '../lessons/index.ts';
import { formatProblem } from '../lessons/verify.ts';
import {
  lessonKey,
  openLessonStep,
  programOf,
  progressSummary,
  questionAnswer,
} from '../store/index.ts';
import { useLab, useLabStore } from '../store/react.tsx';
import { ExerciseCard } from '../ui/lessons/ExerciseCard.tsx';
import { LessonLayout } from '../ui/lessons/LessonLayout.tsx';
import { LessonList, type LessonListItem } from '../ui/lessons/LessonList.tsx';
import { LessonPane } from '../ui/lessons/LessonPane.tsx';
import { LessonProblems } from '../ui/lessons/LessonProblems.tsx';
import { QuestionCard } from '../ui/lessons/QuestionCard.tsx';

/** The address of step `step` (0-based) of a lesson; `?presenter` is kept when it is on. */
export function lessonHref(slug: string, step: number, presenter = false): string {
  return `#/lessons/${encodeURIComponent(slug)}/${step + 1}${presenter ? '?presenter' : ''}`;
}

export const LESSON_LIST_HREF = '#/lessons';

function go(href: string): void {
  if (window.location.hash !== href) window.location.hash = href;
}

export function LessonListPage({ header }: { header: ReactNode }) {
  const lessons = useLab((s) => s.lessons);
  const loaded = useLab((s) => s.lessonsLoaded);
  const progress = useLab((s) => s.progress);
  const problems = useLab((s) => s.lessonProblems);
  const items = useMemo<LessonListItem[]>(
    () =>
      lessons.map(({ lesson }) => {
        const p = progressSummary({ lesson }, progress);
        const seen = progress[lesson.slug]?.seen ?? [];
        const unseen = lesson.steps.findIndex((_, i) => !seen.includes(i));
        return {
          slug: lesson.slug,
          title: lesson.meta.title,
          summary: lesson.meta.summary,
          minutes: lesson.meta.minutes,
          level: lesson.meta.level,
          ...p,
          resumeAt: unseen < 0 ? null : unseen,
        };
      }),
    [lessons, progress],
  );
  const problemTexts = useMemo(() => problems.map(formatProblem), [problems]);
  return (
    <div className="layout lesson-list-page">
      {header}
      <main className="lesson-list-page__main">
        <LessonList
          items={items}
          href={(slug, step) => lessonHref(slug, step)}
          problems={problemTexts}
          loading={!loaded}
        />
      </main>
    </div>
  );
}

export interface LessonStepPageProps {
  header: ReactNode;
  /** The playground's panes, laid out, without a header. */
  playground: ReactNode;
  /** Presenter mode (`?presenter`): presenter notes are shown. */
  presenter: boolean;
}

export function LessonStepPage({ header, playground, presenter }: LessonStepPageProps) {
  const lessons = useLab((s) => s.lessons);
  const loaded = useLab((s) => s.lessonsLoaded);
  const at = useLab((s) => s.lessonAt);
  const missing = useLab((s) => s.lessonMissing);
  const seen = useLab((s) => (s.lessonAt ? s.progress[s.lessonAt.slug]?.seen : undefined));
  const problems = useLab((s) => s.lessonProblems);
  const open = useMemo(() => openLessonStep({ lessons, lessonAt: at }), [lessons, at]);

  let pane: ReactNode;
  if (!loaded) {
    pane = <PaneMessage title="Loading the lesson…" />;
  } else if (missing || !open || !at) {
    pane = (
      <PaneMessage title="No such lesson">
        <p>
          There is no lesson named <code>{missing ?? at?.slug}</code>.{' '}
          <a href={LESSON_LIST_HREF}>See all lessons</a>.
        </p>
      </PaneMessage>
    );
  } else {
    const { bundle, step } = open;
    const index = lessons.indexOf(bundle);
    const nextBundle = lessons[index + 1];
    pane = (
      <LessonPane
        title={bundle.lesson.meta.title}
        lessonNumber={index + 1}
        lessonCount={lessons.length}
        stepTitles={bundle.lesson.steps.map((s) => s.title)}
        step={at.step}
        seen={seen ?? []}
        body={step.body}
        notes={step.notes}
        presenter={presenter}
        stepHref={(i) => lessonHref(bundle.lesson.slug, i, presenter)}
        next={
          nextBundle
            ? {
                title: nextBundle.lesson.meta.title,
                href: lessonHref(nextBundle.lesson.slug, 0, presenter),
              }
            : null
        }
        onGo={(i) => go(lessonHref(bundle.lesson.slug, i, presenter))}
      >
        <LessonProblems
          title="This lesson has problems"
          level={4}
          problems={problems.filter((p) => p.file === bundle.lesson.file).map(formatProblem)}
        />
        {step.questions.map((q) => (
          <QuestionSlot key={q.id} bundle={bundle} question={q} />
        ))}
        {step.exercise && <ExerciseSlot bundle={bundle} exerciseId={step.exercise.id} />}
      </LessonPane>
    );
  }
  return <LessonLayout header={header} lesson={pane} playground={playground} />;
}

function PaneMessage({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <section className="lesson-pane" aria-label="Lesson">
      <div className="lesson-pane__scroll">
        <p className="lesson-pane__crumbs">
          <a href={LESSON_LIST_HREF}>All lessons</a>
        </p>
        <h2 className="lesson-pane__title">{title}</h2>
        <div className="lesson-prose">{children}</div>
      </div>
    </section>
  );
}

function QuestionSlot({ bundle, question }: { bundle: LessonBundle; question: Question }) {
  const store = useLabStore();
  const key = lessonKey(bundle.lesson.slug, question.id);
  const given = useLab((s) => s.answers[key] ?? null);
  const trace = useLab((s) => s.trace);
  const step = useLab((s) => s.step);
  const source = useLab((s) => s.source);
  const shippedTrace = useLab((s) => s.shippedTrace);
  const answer = useMemo(
    () => questionAnswer({ shippedTrace }, bundle, question),
    [shippedTrace, bundle, question],
  );
  const shipped = shippedTrace(bundle, question.program);
  const program = programOf(bundle, question.program);
  const lessonRunShown = trace !== null && trace === shipped && source === program?.source;
  const a = store.getState();
  return (
    <QuestionCard
      question={question}
      answer={answer}
      given={given}
      atProof={lessonRunShown && given?.proof === step}
      lessonRunShown={lessonRunShown}
      onAnswer={(r) => a.answer(question.id, r)}
      onRetry={() => a.retryQuestion(question.id)}
      onReveal={() => a.revealAnswer(question.id)}
      onShowProof={() => a.showProof(question.id)}
    />
  );
}

function ExerciseSlot({ bundle, exerciseId }: { bundle: LessonBundle; exerciseId: string }) {
  const store = useLabStore();
  const key = lessonKey(bundle.lesson.slug, exerciseId);
  const exercise = bundle.lesson.steps.find((s) => s.exercise?.id === exerciseId)?.exercise;
  const hints = useLab((s) => s.hintsShown[key] ?? 0);
  const solutionShown = useLab((s) => s.solutionsShown[key] ?? false);
  const run = useLab((s) => s.exerciseRuns[key] ?? null);
  const source = useLab((s) => s.source);
  const trace = useLab((s) => s.trace);
  const running = useLab((s) => s.running);
  const passed = useLab(
    (s) => s.progress[bundle.lesson.slug]?.passed.includes(exerciseId) ?? false,
  );
  if (!exercise) return null;
  const a = store.getState();
  return (
    <ExerciseCard
      exercise={exercise}
      solutionSource={programOf(bundle, exercise.solution)?.source ?? ''}
      hintsShown={hints}
      solutionShown={solutionShown}
      run={run}
      edited={run !== null && run.source !== source}
      runShown={run !== null && trace !== null && trace.source === run.source}
      running={running}
      passedBefore={passed}
      onCheck={() => void a.run()}
      onShowHint={() => a.showHint(exerciseId)}
      onShowSolution={() => a.showSolution(exerciseId)}
      onUseSolution={() => a.loadSolution(exerciseId)}
      onReset={() => a.resetExercise(exerciseId)}
      onSeek={a.seek}
    />
  );
}
