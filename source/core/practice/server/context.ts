import type { ServerResponse } from 'node:http';
import type { ApiTypes } from '../api/api-types.js';
import type { ObjectStore } from '../object-store.js';
import type { Scenario } from '../scenario/scenario.js';

/** Everything a request handler may read: the scenario, its objects, and who the user is. */
export type PracticeContext = {
  scenario: Scenario;
  store: ObjectStore;
  types: ApiTypes;
  user: string;
  groups: string[];
  /** host:port, as discovery reports it. */
  serverAddress: string;
  /** Milliseconds since the epoch; ages are computed per request, as a real server does. */
  now: () => number;
  /** Open watch responses, ended when the server stops. */
  watches: Set<ServerResponse>;
};
