'use client';

/** Opens the browser's print dialog (save as PDF from there, or use the PDF download). */
export function PrintButton() {
  return (
    <button type="button" className="button small" onClick={() => window.print()}>
      Print
    </button>
  );
}
