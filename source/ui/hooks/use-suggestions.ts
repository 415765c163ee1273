import { useEffect, useRef, useState } from 'react';
import type { CatalogTest } from '../../core/catalog/schema.js';
import type { Suggestions, TuiServices } from '../services.js';

export type SuggestionState = Suggestions & { loading: boolean };

/**
 * Loads suggestions for one parameter in the background; typing stays possible meanwhile. A new
 * parameter, new earlier values or unmounting cancels the load in flight.
 */
export function useSuggestions(services: TuiServices, test: CatalogTest, param: string | undefined, values: Readonly<Record<string, string>>, refreshKey: number): SuggestionState {
  const [state, setState] = useState<SuggestionState>({ loading: false, values: [] });
  const dependencyKey = JSON.stringify(values);
  // A changed refresh key (ctrl+r) asks for fresh values instead of the cached ones.
  const lastRefresh = useRef(refreshKey);
  useEffect(() => {
    const refresh = refreshKey !== lastRefresh.current;
    lastRefresh.current = refreshKey;
    if (!param || !services.suggest) {
      setState({ loading: false, values: [] });
      return undefined;
    }
    const abort = new AbortController();
    setState({ loading: true, values: [] });
    services
      .suggest({ test, param, values, signal: abort.signal, ...(refresh ? { refresh } : {}) })
      .then((result) => {
        if (!abort.signal.aborted) setState({ ...result, loading: false });
      })
      .catch((error: unknown) => {
        if (!abort.signal.aborted) setState({ loading: false, values: [], reason: error instanceof Error ? error.message : String(error) });
      });
    return () => abort.abort();
  }, [services, test, param, dependencyKey, refreshKey]);
  return state;
}
