'use client';

/** Alt+↑ / Alt+↓ move between claims from anywhere on the page, in the sidebar's visible order. */
import { useCallback, useEffect, useRef } from 'react';

export function useClaimNavigation(selectedId: string | null, select: (id: string) => void) {
  const order = useRef<string[]>([]);
  const setVisibleOrder = useCallback((ids: string[]) => {
    order.current = ids;
  }, []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
      const ids = order.current;
      if (!ids.length) return;
      e.preventDefault();
      const i = selectedId ? ids.indexOf(selectedId) : -1;
      const next = e.key === 'ArrowDown' ? ids[Math.min(ids.length - 1, i + 1)] : ids[Math.max(0, i < 0 ? 0 : i - 1)];
      if (next) select(next);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [select, selectedId]);
  return setVisibleOrder;
}
