import { useCallback, useEffect, useSyncExternalStore } from 'react';
import type { CatalogTest } from '../../core/catalog/schema.js';
import type { AccessMark, TuiServices } from '../services.js';

const noSubscription = () => () => undefined;

/**
 * RBAC pre-check marks for tests run in `namespace`: asks about them in the background and
 * re-renders as answers arrive; leaving the screen stops waiting.
 */
export function useAccessMarks(services: TuiServices, tests: readonly CatalogTest[], namespace: string): (test: CatalogTest) => AccessMark | undefined {
  const access = services.access;
  const version = useSyncExternalStore(access?.subscribe ?? noSubscription, () => access?.version() ?? 0);
  useEffect(() => {
    if (!access || tests.length === 0) return undefined;
    const abort = new AbortController();
    access.check(tests, namespace, abort.signal);
    return () => abort.abort();
  }, [access, tests, namespace]);
  // `version` is a dependency so a new answer gives a new function, and rows re-render.
  return useCallback((test: CatalogTest) => access?.mark(test, namespace), [access, namespace, version]);
}

/** A mark in a few words for a list row: "may run", "no create pods/exec", "access ?". */
export function accessWords(mark: AccessMark | undefined): string {
  switch (mark?.state) {
    case undefined:
      return '';
    case 'allowed':
      return 'may run';
    case 'denied':
      return `no ${mark.missing.replace(/ in \S+$| \(cluster-wide\)$/, '')}`;
    case 'unknown':
      return 'access ?';
    case 'checking':
      return 'access …';
  }
}
