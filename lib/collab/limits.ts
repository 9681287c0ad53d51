/** Limits of the collaboration protocol that the server enforces and the browser respects (no server imports here). */

/** Most steps one request may carry; the editor sends longer runs in several requests. */
export const MAX_STEPS_PER_REQUEST = 500;
