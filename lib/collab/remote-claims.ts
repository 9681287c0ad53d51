/**
 * Placing a claim that someone else created (or re-attached) into this editor: its range
 * was stated at the server's version then; bring it through the confirmed steps since and
 * this editor's unconfirmed ones with the same mapAnchor the server uses.
 */
import type { EditorState } from 'prosemirror-state';
import type { Anchor } from '../claims/anchor';
import type { StepHistory } from './step-history';

/**
 * The claim's anchor in this editor's document, or null while the editor has not yet
 * received the steps the claim's version includes (try again after the next steps).
 */
export function placeRemoteAnchor(anchor: Anchor, version: number, state: EditorState, history: StepHistory): { confirmed: Anchor; anchor: Anchor } | null {
  return history.placeAnchor(anchor, version, state);
}
