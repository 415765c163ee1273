import { describe, expect, it } from 'vitest';
import { findWriteVerbInScript } from '../../../source/core/catalog/lint/read-verbs.js';

describe('read-only verbs in SQL fed through a heredoc', () => {
  it('given a psql heredoc that only selects, finds nothing that writes', () => {
    const script = [
      `psql -X -A -t -h "$HOST" -v min_seconds="$MIN_SECONDS" <<'SQL'`,
      `select count(*) from pg_stat_activity`,
      `where now() - state_change >= make_interval(secs => :'min_seconds'::int);`,
      `SQL`,
    ].join('\n');
    expect(findWriteVerbInScript(script)).toBeUndefined();
  });

  it('given a psql heredoc that deletes or terminates, names the statement', () => {
    expect(findWriteVerbInScript(`psql -h "$HOST" <<'SQL'\nselect 1;\ndelete from orders;\nSQL\n`)).toBe('psql running "DELETE"');
    expect(findWriteVerbInScript(`psql -h "$HOST" <<-EOF\n\tselect pg_terminate_backend(pid) from pg_stat_activity;\n\tEOF\n`)).toBe('psql running "PG_TERMINATE_BACKEND"');
  });

  it('given a mysql heredoc, checks it the same way', () => {
    expect(findWriteVerbInScript(`mysql -N -B <<"SQL"\nkill 42;\nSQL\n`)).toBe('mysql running "KILL"');
    expect(findWriteVerbInScript(`mysql -N -B <<"SQL"\nshow processlist;\nSQL\n`)).toBeUndefined();
  });

  it('given a heredoc fed to a client chosen at run time, checks it as the SQL the script runs', () => {
    const script = `client=mysql\ncommand -v mysql >/dev/null 2>&1 || client=mariadb\n"$client" -N -B <<'SQL'\ndrop table orders;\nSQL\n`;
    expect(findWriteVerbInScript(script)).toBe('mysql running "DROP"');
  });

  it('given a heredoc in a script that runs no SQL client, leaves its text alone', () => {
    expect(findWriteVerbInScript(`cat <<'TEXT'\ndelete everything is just words here\nTEXT\n`)).toBeUndefined();
  });
});
