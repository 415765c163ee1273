import { useEffect, useMemo, useSyncExternalStore, type Dispatch } from 'react';
import type { TuiServices } from '../services.js';
import type { AppAction } from '../state/app-state.js';

const noSubscription = () => () => undefined;

/**
 * The services with the cluster as it is now: context, namespace, production marker and detected
 * components follow `:ctx`, `:ns` and discovery. A new services object only when one of those
 * changed, so screens that memoise on services refresh exactly then. Discovery starts once the
 * app's first frame is out.
 */
export function useLiveServices(services: TuiServices): TuiServices {
  const live = services.live;
  const snapshot = useSyncExternalStore(live?.subscribe ?? noSubscription, () => live?.snapshot());
  useEffect(() => live?.start(), [live]);
  return useMemo(
    () => (snapshot ? { ...services, cluster: snapshot.cluster, settings: { ...services.settings, ...snapshot.settings }, detectedComponents: snapshot.detectedComponents } : services),
    [services, snapshot],
  );
}

/** Shows the cluster's note (a discovery failure) on the message line once each time it changes. */
export function useClusterNote(services: TuiServices, dispatch: Dispatch<AppAction>): void {
  const note = services.live ? services.cluster.note : undefined;
  useEffect(() => {
    if (note) dispatch({ type: 'message', message: { kind: 'warn', text: note } });
  }, [note, dispatch]);
}
