/**
 * How many changes a run of steps makes, as a person counts them: typing or deleting in one
 * place is one change however many keystrokes it took; each new place, and each formatting
 * step, is another. Used by the save status ("3 unsent changes"). Pure, for browser and tests.
 */
import type { Step } from 'prosemirror-transform';

export function countChanges(steps: readonly Step[]): number {
  let changes = 0;
  /** Where the previous change ended, in the document after the previous step; -1: nowhere. */
  let end = -1;
  for (const step of steps) {
    let from = Infinity;
    let to = -Infinity;
    let newEnd = -1;
    step.getMap().forEach((oldStart, oldEnd, _newStart, stepNewEnd) => {
      from = Math.min(from, oldStart);
      to = Math.max(to, oldEnd);
      newEnd = Math.max(newEnd, stepNewEnd);
    });
    if (from === Infinity) {
      // A step that replaces nothing (formatting): a change of its own.
      changes++;
      end = -1;
      continue;
    }
    // Continues the previous change when it starts or ends where that one ended (typing on, deleting back).
    if (!(end >= 0 && from <= end && end <= to)) changes++;
    end = newEnd;
  }
  return changes;
}
