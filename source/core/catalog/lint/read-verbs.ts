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

function fromSet(tool: string, read: ReadonlySet<string>, depth = 1): VerbCheck {
  return (args) => {
    const words = positionalWords(args, depth + 1);
    const verb = words[0];
    if (verb === undefined || read.has(verb)) {
      // Sub-verbs that write even under a reading group.
      if (words.slice(1).some((w) => ['write', 'delete', 'create', 'update', 'put', 'patch', 'sync', 'rollback', 'terminate-op', 'set', 'lookup', 'revoke', 'renew', 'enable', 'disable', 'tune'].includes(w))) {
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
const REDIS_WRITE_SUBVERBS = new Set(['set', 'rewrite', 'resetstat', 'reset', 'kill', 'pause', 'setname', 'no-evict', 'purge', 'failover', 'forget', 'addslots', 'delslots', 'meet', 'replicate']);

function redisCli(args: readonly string[]): string | undefined {
  const flagsWithValue = new Set(['-h', '-p', '-a', '-n', '-u', '--user', '--pass', '--tls', '--cacert', '--cert', '--key', '-s', '-i', '-r', '--eval']);
  const words = positionalWords(args, 2, flagsWithValue).map((w) => w.toLowerCase());
  const [command, sub] = words;
  if (command === undefined) return undefined; // --bigkeys, --latency, --stat …
  if (!REDIS_READ.has(command)) return `redis-cli ${command}`;
  if (sub && REDIS_WRITE_SUBVERBS.has(sub)) return `redis-cli ${command} ${sub}`;
  return undefined;
}

const SQL_WRITE = /\b(drop|delete|update|insert|alter|truncate|create|grant|revoke|vacuum|reindex|cluster|copy|lock|call|do|set\s+(?!transaction\s+read\s+only)\w+|pg_terminate_backend|pg_cancel_backend|pg_reload_conf|kill|flush|reset|shutdown|purge)\b/i;

function sqlClient(tool: string): VerbCheck {
  return (args) => {
    const statement = args.find((arg) => SQL_WRITE.test(arg.replace(/'[^']*'/g, "''")));
    return statement === undefined ? undefined : `${tool} running "${(SQL_WRITE.exec(statement)?.[0] ?? '').toUpperCase()}"`;
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
