/**
 * Facts about the default program's trace that the specs rely on (the program is in
 * src/app/default-program.ts; its steps are deterministic). Step numbers are event indexes.
 */
export const DEFAULT = {
  steps: 116,
  last: 115,
  /** main creates coffee (create_task); its `ready` event, the next step, queues it behind tea. */
  coffeeCreated: 17,
  /** tea holds control and runs line 5: print(f"start {drink}"), printing "start tea". */
  teaPrints: 33,
  teaLine: 5,
  /** toast has slept 1 s and runs again, printing "toast ready". */
  toastReady: 61,
  /** Every step where control changes hands, in order. */
  handoffs: [9, 27, 28, 36, 37, 45, 46, 54, 57, 59, 64, 65, 68, 70, 76, 77, 80, 82, 88, 89, 91],
  output: [
    'waiting…',
    'start tea',
    'start coffee',
    'start toast',
    'toast ready',
    'coffee ready',
    'tea ready',
    "served: ['tea', 'coffee', 'toast']",
  ],
} as const;
