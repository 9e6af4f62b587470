import type { EditorSlice } from './slices/editor.ts';
import type { FocusSlice } from './slices/focus.ts';
import type { LessonSlice } from './slices/lesson/index.ts';
import type { PlaybackSlice } from './slices/playback.ts';
import type { PresenterSlice } from './slices/presenter.ts';
import type { RecordingSlice } from './slices/recording.ts';
import type { RunSlice } from './slices/run.ts';
import type { ViewSlice } from './slices/view.ts';

/** The whole store: one object made of slices. */
export type LabState = EditorSlice &
  RunSlice &
  RecordingSlice &
  PlaybackSlice &
  ViewSlice &
  LessonSlice &
  PresenterSlice &
  FocusSlice;
