import { Fragment } from 'react';
import { isCodePart, isObjectPart, isTaskPart, type Words } from '../../trace/words.ts';
import { TaskRef } from './TaskChip.tsx';

/** Renders word parts: code in code font, tasks as chip + name, objects as their variable. */
export function WordsView({ words }: { words: Words }) {
  return (
    <>
      {words.map((p, i) => {
        // Parts never reorder within one sentence, so the index is a stable key.
        const key = i;
        if (typeof p === 'string') return <Fragment key={key}>{p}</Fragment>;
        if (isTaskPart(p)) return <TaskRef key={key} task={p.task} name={p.name} />;
        if (isObjectPart(p)) {
          return (
            <code key={key} className="sim-code sim-objref">
              {p.name}
            </code>
          );
        }
        if (isCodePart(p)) {
          return (
            <code key={key} className="sim-code">
              {p.code}
            </code>
          );
        }
        return null;
      })}
    </>
  );
}
