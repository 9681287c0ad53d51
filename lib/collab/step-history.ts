/**
 * The maps of the most recent confirmed steps, by version, so that a position reported
 * at an older version (a remote cursor, a claim created elsewhere) can be brought to the
 * current document.
 */
import { getVersion, sendableSteps } from 'prosemirror-collab';
import type { EditorState } from 'prosemirror-state';
import type { StepMap } from 'prosemirror-transform';

/** How many confirmed step maps are kept. */
export const STEP_HISTORY_SIZE = 2000;

export class StepHistory {
  private maps = new Map<number, StepMap>();

  /** Records the map of the step that produced version `version + 1`. */
  record(version: number, map: StepMap): void {
    this.maps.set(version, map);
    if (this.maps.size > STEP_HISTORY_SIZE) {
      const oldest = this.maps.keys().next().value;
      if (oldest !== undefined) this.maps.delete(oldest);
    }
  }

  /**
   * Maps a position given at confirmed version `version` to the editor's current document
   * (through the confirmed steps since then and the local unconfirmed ones), or null when
   * that version is ahead of the editor or too old to map.
   */
  mapToCurrent(pos: number, version: number, state: EditorState, assoc = 1): number | null {
    const current = getVersion(state);
    if (version > current) return null;
    let p = pos;
    for (let v = version; v < current; v++) {
      const map = this.maps.get(v);
      if (!map) return null;
      p = map.map(p, assoc);
    }
    for (const step of sendableSteps(state)?.steps ?? []) p = step.getMap().map(p, assoc);
    return Math.max(0, Math.min(p, state.doc.content.size));
  }
}
