import { execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The newest PostgreSQL server binaries installed the Debian way. */
function binDir(): string {
  const versions = readdirSync('/usr/lib/postgresql').filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
  if (!versions[0]) throw new Error('no PostgreSQL server under /usr/lib/postgresql');
  return `/usr/lib/postgresql/${versions[0]}/bin`;
}

/**
 * A PostgreSQL cluster of a test's own (initdb into a temporary directory, its own port), so a
 * test can stop and restart the server without disturbing the shared one. PostgreSQL refuses to
 * run as root: when the tests run as root, the cluster belongs to and runs as the `postgres` user.
 * `destroy()` stops it and removes its files; an exit handler does the same if a test run dies.
 */
export class PrivatePostgres {
  readonly dir: string;
  private readonly bin = binDir();
  private readonly asPostgres = process.getuid?.() === 0;
  private readonly onExit = () => this.destroy();

  private constructor(readonly port: number) {
    this.dir = mkdtempSync(join(tmpdir(), 'stroom-pg-'));
  }

  /** Creates (initdb, trust on 127.0.0.1) and starts a cluster on `port`. */
  static create(port: number): PrivatePostgres {
    const cluster = new PrivatePostgres(port);
    process.once('exit', cluster.onExit);
    try {
      if (cluster.asPostgres) {
        const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
        const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
        chownSync(cluster.dir, uid, gid);
      }
      cluster.run('initdb', ['-D', cluster.data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8']);
      cluster.start();
    } catch (error) {
      cluster.destroy();
      throw error;
    }
    return cluster;
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  /** The URL of another database on this cluster (created with `createDatabase`). */
  urlOf(database: string): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  createDatabase(name: string): string {
    this.run('createdb', ['-h', '127.0.0.1', '-p', String(this.port), '-U', 'postgres', name]);
    return this.urlOf(name);
  }

  start(): void {
    this.run('pg_ctl', ['-D', this.data, '-l', join(this.dir, 'server.log'), '-w', '-t', '30', '-o', `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start']);
  }

  /** Stops the server: `fast` ends every session at once (as a restart or fail-over does). */
  stop(mode: 'fast' | 'immediate' = 'fast'): void {
    this.run('pg_ctl', ['-D', this.data, '-w', '-t', '30', '-m', mode, 'stop']);
  }

  destroy(): void {
    process.removeListener('exit', this.onExit);
    try {
      this.stop('immediate');
    } catch {
      /* not running */
    }
    rmSync(this.dir, { recursive: true, force: true });
  }

  private get data(): string {
    return join(this.dir, 'data');
  }

  private run(tool: string, args: string[]): void {
    const command = join(this.bin, tool);
    const [file, argv] = this.asPostgres ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
    execFileSync(file, argv, { stdio: 'pipe', cwd: this.dir });
  }
}
