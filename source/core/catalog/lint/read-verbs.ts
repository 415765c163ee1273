/**
 * Read-only allow-lists per tool: a test that says `effect: read-only` may only use these verbs.
 * An allow-list rather than a deny-list, so a new or unknown verb is refused until someone says it
 * only reads.
 */

// Flags that take a separate value; needed to find the first positional argument (the verb).
const VALUE_FLAGS = new Set([
  '-n', '--namespace', '-l', '--selector', '-o', '--output', '-c', '--container', '--context', '--kube-context',
  '--kubeconfig', '--field-selector', '--sort-by', '--tail', '--since', '--cluster', '--user', '--server', '-s',
  '--request-timeout', '--as', '--as-group', '--token', '--template', '-p', '-h', '-a', '--pass', '--port', '--host',
  '-U', '-d', '--dbname', '--username', '-u', '--revision', '--max-log-requests', '--since-time',
]);

/** The positional words of an argv (skipping flags and their values), up to `count`. */
export function positionalWords(args: readonly string[], count: number, valueFlags: ReadonlySet<string> = VALUE_FLAGS): string[] {
  const words: string[] = [];
  for (let i = 0; i < args.length && words.length < count; i++) {
    const arg = args[i] as string;
    if (arg === '--') break;
    if (arg.startsWith('-')) {
      if (!arg.includes('=') && valueFlags.has(arg)) i++;
      continue;
    }
    words.push(arg);
  }
  return words;
}

type VerbCheck = (args: readonly string[]) => string | undefined;

// `diff` asks the server for a dry run (dryRun=All): nothing is stored, so it only reads.
const KUBECTL_READ = new Set(['get', 'describe', 'logs', 'top', 'events', 'explain', 'api-resources', 'api-versions', 'version', 'cluster-info', 'wait', 'diff']);

function kubectl(args: readonly string[]): string | undefined {
  const [verb, sub] = positionalWords(args, 2);
  if (verb === undefined) return undefined;
  if (KUBECTL_READ.has(verb)) return undefined;
  if (verb === 'auth' && (sub === 'can-i' || sub === 'whoami')) return undefined;
  if (verb === 'rollout' && (sub === 'status' || sub === 'history')) return undefined;
  if (verb === 'config' && ['view', 'get-contexts', 'current-context', 'get-clusters', 'get-users'].includes(sub ?? '')) return undefined;
  if (verb === 'certificate' || verb === 'alpha') return `kubectl ${verb} ${sub ?? ''}`.trim();
  if (verb === 'exec') return undefined; // judged by the command it runs, see innerCommand
  return `kubectl ${verb}${sub && !sub.includes('/') ? ` ${sub}` : ''}`;
}

const HELM_READ = new Set(['list', 'ls', 'status', 'history', 'get', 'show', 'inspect', 'search', 'version', 'env', 'lint', 'template', 'verify']);
const ISTIOCTL_READ = new Set(['analyze', 'proxy-status', 'ps', 'proxy-config', 'pc', 'version', 'describe', 'x', 'experimental', 'verify-install', 'precheck', 'bug-report']);
const FLUX_READ = new Set(['get', 'check', 'logs', 'stats', 'version', 'tree', 'trace', 'events', 'diff', 'export']);
const LINKERD_READ = new Set(['check', 'stat', 'viz', 'top', 'tap', 'edges', 'routes', 'version', 'diagnostics', 'authz']);
const CMCTL_READ = new Set(['status', 'check', 'inspect', 'version']);
const VAULT_READ = new Set(['status', 'read', 'list', 'version', 'token', 'audit', 'auth', 'secrets', 'policy']);

// Sub-verbs that write even under a reading group (`linkerd viz install`, `istioctl x revision tag set`).
const SUBVERBS_THAT_WRITE = new Set([
  'write', 'delete', 'create', 'update', 'put', 'patch', 'sync', 'rollback', 'terminate-op', 'set', 'lookup', 'revoke', 'renew', 'enable', 'disable', 'tune',
  'install', 'uninstall', 'upgrade', 'inject', 'uninject', 'prune', 'remove', 'add', 'apply', 'tag', 'revision', 'kill', 'restart', 'reset',
]);

function fromSet(tool: string, read: ReadonlySet<string>, depth = 1): VerbCheck {
  return (args) => {
    const words = positionalWords(args, depth + 1);
    const verb = words[0];
    if (verb === undefined || read.has(verb)) {
      // Sub-verbs that write even under a reading group.
      if (words.slice(1).some((w) => SUBVERBS_THAT_WRITE.has(w))) {
        return `${tool} ${words.join(' ')}`;
      }
      return undefined;
    }
    return `${tool} ${verb}`;
  };
}

function argocd(args: readonly string[]): string | undefined {
  const [group, verb] = positionalWords(args, 2);
  if (group === 'version' || group === undefined) return undefined;
  if (['get', 'list', 'diff', 'history', 'manifests', 'resources', 'logs'].includes(verb ?? '')) return undefined;
  return `argocd ${group} ${verb ?? ''}`.trim();
}

const REDIS_READ = new Set([
  'info', 'ping', 'dbsize', 'slowlog', 'client', 'config', 'memory', 'latency', 'scan', 'type', 'ttl', 'pttl', 'exists', 'strlen', 'llen',
  'scard', 'zcard', 'hlen', 'cluster', 'role', 'lastsave', 'time', 'xinfo', 'xlen', 'xpending', 'object', 'pubsub', 'command', 'get', 'mget',
  'hgetall', 'lrange', 'smembers', 'zrange', 'keys', 'randomkey', 'sentinel',
]);
const REDIS_WRITE_SUBVERBS = new Set([
  'set', 'rewrite', 'resetstat', 'reset', 'kill', 'pause', 'setname', 'no-evict', 'purge', 'failover', 'forget', 'addslots', 'delslots', 'meet', 'replicate',
  'remove', 'monitor', 'flushconfig', 'simulate-failure', 'debug', 'is-master-down-by-addr', 'flushslots', 'setslot', 'saveconfig', 'bumpepoch', 'reset-stats',
]);

function redisCli(args: readonly string[]): string | undefined {
  const flagsWithValue = new Set(['-h', '-p', '-a', '-n', '-u', '--user', '--pass', '--tls', '--cacert', '--cert', '--key', '-s', '-i', '-r', '--eval']);
  // --eval runs a Lua script and --pipe sends whatever stdin holds: neither can be judged read-only.
  const wholeFlag = args.find((a) => a === '--eval' || a === '--pipe' || a === '--functions-rdb');
  if (wholeFlag) return `redis-cli ${wholeFlag}`;
  const words = positionalWords(args, 2, flagsWithValue).map((w) => w.toLowerCase());
  const [command, sub] = words;
  if (command === undefined) return undefined; // --bigkeys, --latency, --stat …
  if (!REDIS_READ.has(command)) return `redis-cli ${command}`;
  if (sub && REDIS_WRITE_SUBVERBS.has(sub)) return `redis-cli ${command} ${sub}`;
  return undefined;
}

const SQL_WRITE = /\b(drop|delete|update|insert|alter|truncate|create|grant|revoke|vacuum|reindex|cluster|copy|lock|call|do|set\s+(?!transaction\s+read\s+only)\w+|pg_terminate_backend|pg_cancel_backend|pg_reload_conf|kill|flush|reset|shutdown|purge)\b/i;
// Functions that change state from inside a SELECT, and client commands that reach the shell or
// the file system (psql's \! and \o |, mysql's system).
const SQL_SIDE_EFFECTS = /\b(nextval|setval|lo_import|lo_export|lo_unlink|pg_switch_wal|pg_rotate_logfile|pg_promote|pg_create_\w+|pg_drop_\w+|pg_replication_origin_\w+|pg_stat_reset\w*|pg_file_write|dblink_exec|program|system|source)\b|\\!|\\(?:o|g|w|gx)\s*\||\\copy|\\(?:o|w|i|ir|gexec)\b/i;

function sqlClient(tool: string): VerbCheck {
  return (args) => {
    // File arguments cannot be judged: a read-only test states its SQL inline.
    const file = args.findIndex((arg) => arg === '-f' || arg === '--file' || arg.startsWith('--file='));
    if (file >= 0) return `${tool} ${args[file]?.split('=')[0]}`;
    for (const arg of args) {
      const unquoted = arg.replace(/'[^']*'/g, "''");
      const found = SQL_WRITE.exec(unquoted) ?? SQL_SIDE_EFFECTS.exec(unquoted);
      if (found) return `${tool} running "${found[0].toUpperCase()}"`;
    }
    return undefined;
  };
}

// mongosh methods that write, drop, reconfigure or kill; read-only tests only query.
const MONGO_WRITE =
  /\.(?:insert\w*|update\w*|delete\w*|remove|replace\w*|save|drop\w*|create\w*|rename\w*|bulkWrite|findAndModify|findOneAnd\w+|killOp|fsyncLock|shutdownServer|stepDown|reconfig|add|addArb|freeze|syncFrom|setProfilingLevel|grantRolesToUser|revokeRolesFromUser|createUser|updateUser|dropUser|compact|repairDatabase)\s*\(|\$(?:out|merge)\b|\b(?:shutdown|setParameter|killOp|killSessions|replSetStepDown|replSetReconfig|setFeatureCompatibilityVersion|fsync|compact|dropDatabase|renameCollection|collMod|reIndex)\s*:/;

function mongoShell(args: readonly string[]): string | undefined {
  const at = args.findIndex((a) => a === '--eval');
  const code = at >= 0 ? (args[at + 1] ?? '') : args.find((a) => a.startsWith('--eval='))?.slice('--eval='.length);
  if (args.some((a) => a === '-f' || a === '--file' || /\.js$/.test(a))) return 'mongosh running a script file';
  const found = code === undefined ? undefined : MONGO_WRITE.exec(code);
  return found ? `mongosh running "${found[0].replace(/[\s(:]+$/, '')}"` : undefined;
}

// HTTP methods other than GET and HEAD change things on the server they reach (an Elasticsearch
// index, an admin API); so do request bodies and uploads.
function curl(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const method = arg === '-X' || arg === '--request' ? args[i + 1] : /^-X(.+)$/.exec(arg)?.[1] ?? /^--request=(.+)$/.exec(arg)?.[1];
    if (method !== undefined && !/^(GET|HEAD|OPTIONS)$/i.test(method)) return `curl -X ${method}`;
    if (/^(-d|--data(-\w+)?|-F|--form(-string)?|-T|--upload-file|--json)(=|$)/.test(arg) || /^-[dFT]./.test(arg)) return `curl ${arg.split('=')[0]}`;
  }
  return undefined;
}

const RABBITMQCTL_READ = /^(list_\w+|status|cluster_status|environment|report|ping|node_health_check|await_startup|version|help|export_definitions)$/;

function rabbitmqctl(args: readonly string[]): string | undefined {
  const [verb] = positionalWords(args, 1, new Set(['-n', '--node', '-p', '--vhost', '-t', '--timeout', '--formatter']));
  return verb === undefined || RABBITMQCTL_READ.test(verb) ? undefined : `rabbitmqctl ${verb}`;
}

// Kafka's admin scripts read unless given an action that changes topics, groups or configs.
function kafkaAdmin(tool: string): VerbCheck {
  return (args) => {
    const action = args.find((a) => /^--(create|delete|alter|reset-offsets|execute|add-config|delete-config|delete-offsets|add|remove)$/.test(a));
    return action ? `${tool} ${action}` : undefined;
  };
}

const DESTRUCTIVE = new Set(['rm', 'rmdir', 'kill', 'pkill', 'killall', 'reboot', 'shutdown', 'halt', 'poweroff', 'dd', 'mkfs', 'truncate', 'shred', 'iptables', 'service', 'mv', 'chmod', 'chown', 'tee', 'ctr']);

function sysctl(args: readonly string[]): string | undefined {
  return args.some((a) => a === '-w' || a === '--write' || a === '-p' || a.includes('=')) ? 'sysctl -w' : undefined;
}

const CHECKS: Readonly<Record<string, VerbCheck>> = {
  kubectl,
  helm: fromSet('helm', HELM_READ),
  istioctl: fromSet('istioctl', ISTIOCTL_READ),
  flux: fromSet('flux', FLUX_READ),
  linkerd: fromSet('linkerd', LINKERD_READ),
  cmctl: fromSet('cmctl', CMCTL_READ),
  vault: fromSet('vault', VAULT_READ, 2),
  argocd,
  'redis-cli': redisCli,
  sysctl,
  systemctl: fromSet('systemctl', new Set(['status', 'is-active', 'is-enabled', 'is-failed', 'show', 'list-units', 'list-timers', 'cat'])),
  crictl: fromSet('crictl', new Set(['ps', 'pods', 'images', 'img', 'inspect', 'inspectp', 'inspecti', 'logs', 'stats', 'statsp', 'info', 'version'])),
  docker: fromSet('docker', new Set(['ps', 'images', 'inspect', 'logs', 'stats', 'info', 'version', 'manifest'])),
  psql: sqlClient('psql'),
  mysql: sqlClient('mysql'),
  mariadb: sqlClient('mariadb'),
  mongosh: mongoShell,
  mongo: mongoShell,
  curl,
  rabbitmqctl,
  'kafka-topics.sh': kafkaAdmin('kafka-topics.sh'),
  'kafka-topics': kafkaAdmin('kafka-topics'),
  'kafka-consumer-groups.sh': kafkaAdmin('kafka-consumer-groups.sh'),
  'kafka-consumer-groups': kafkaAdmin('kafka-consumer-groups'),
  'kafka-configs.sh': kafkaAdmin('kafka-configs.sh'),
  'kafka-configs': kafkaAdmin('kafka-configs'),
};

/**
 * The first thing in an argv that writes, or undefined when everything it runs only reads. Looks
 * through `kubectl exec … --` at the command run inside.
 */
export function findWriteVerb(argv: readonly string[]): string | undefined {
  const [tool, ...args] = argv;
  if (tool === undefined) return undefined;
  if (DESTRUCTIVE.has(tool)) return tool;
  const check = CHECKS[tool];
  const verdict = check?.(args);
  if (verdict) return verdict;
  if (tool === 'kubectl') {
    const split = args.indexOf('--');
    if (split >= 0) return findWriteVerb(args.slice(split + 1));
  }
  if (tool === 'env' || tool === 'timeout' || tool === 'nice') {
    const rest = args.filter((a) => !a.includes('=') && !/^-|^\d+[smh]?$/.test(a));
    return findWriteVerb(rest);
  }
  if ((tool === 'sh' || tool === 'bash') && args[0] === '-c' && args[1] !== undefined) return findWriteVerbInScript(args[1]);
  return undefined;
}

/** Scans a script's simple commands (split on pipes, separators and substitutions). */
export function findWriteVerbInScript(script: string): string | undefined {
  const inHeredoc = findWriteVerbInHeredocs(script);
  if (inHeredoc) return inHeredoc;
  // mongosh code spans lines in single quotes, which the word split below cannot follow.
  const mongo = /\bmongo(?:sh)?\b/.test(script) ? MONGO_WRITE.exec(script) : null;
  if (mongo) return `mongosh running "${mongo[0].replace(/[\s(:]+$/, '')}"`;
  const withoutComments = script.replace(/(^|\s)#.*$/gm, '$1');
  const commands = withoutComments.split(/\|\||&&|[|;\n&()`]|\$\(/);
  for (const command of commands) {
    const words = command
      .trim()
      .split(/\s+/)
      .map((w) => w.replace(/^["']|["']$/g, ''))
      .filter((w) => w !== '');
    // Skip leading assignments, keywords and redirection-only words.
    while (words.length > 0 && (/^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0] as string) || ['if', 'then', 'else', 'elif', 'do', 'while', 'until', 'for', 'in', '!', '{', '}', 'time', 'command', 'exec'].includes(words[0] as string))) words.shift();
    const verdict = findWriteVerb(words);
    if (verdict) return verdict;
  }
  return undefined;
}

const SQL_CLIENT = /(?:^|[\s|;&(])(psql|mysql|mariadb)(?=\s|$)/;

/**
 * SQL fed to a client through a heredoc (`psql -v x="$X" <<'SQL'`, the way a script passes values
 * to SQL as quoted psql variables) is checked like a `-c` statement. When the line feeding it names
 * no client (`"$client" <<'SQL'`), any SQL client the script mentions counts: better a false alarm.
 */
function findWriteVerbInHeredocs(script: string): string | undefined {
  for (const match of script.matchAll(/^(.*?)<<-?\s*(['"]?)(\w+)\2.*\n([\s\S]*?)^\s*\3\s*$/gm)) {
    const tool = (SQL_CLIENT.exec(match[1] ?? '') ?? SQL_CLIENT.exec(script))?.[1];
    const verdict = tool ? CHECKS[tool]?.([match[4] ?? '']) : undefined;
    if (verdict) return verdict;
  }
  return undefined;
}
