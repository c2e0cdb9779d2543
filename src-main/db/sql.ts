import type Database from 'better-sqlite3';

/** A database connection as services see it (ctx.sqlite). */
export type Conn = Database.Database;

/**
 * One SQL statement, named for what it answers at the place it is defined
 * (`const itemByCode = sql<ItemRow, [string]>('SELECT ... WHERE code = ?')`),
 * prepared once per connection on first use and reused after: preparing
 * costs more than running most of the small queries a store makes.
 *
 * `Row` is what one row holds; take it from the drizzle schema where the
 * columns are a table's (`Pick<typeof items.$inferSelect, 'id' | 'code'>`,
 * with `AS` aliases in the SQL matching the schema's property names), so a
 * renamed column fails the type-check instead of reading `undefined`.
 * `Params` is the tuple of positional parameters, or `[Record<string, unknown>]`
 * for named ones.
 *
 * This is the one way the main process runs SQL by hand. Plain inserts,
 * updates and look-ups by key use drizzle's query builder (`ctx.db`); SQL is
 * for what it says more clearly (the ledger, reports, upserts with RETURNING).
 */
export interface Sql<Row, Params extends unknown[]> {
  readonly text: string;
  get(conn: Conn, ...params: Params): Row | undefined;
  all(conn: Conn, ...params: Params): Row[];
  run(conn: Conn, ...params: Params): Database.RunResult;
  iterate(conn: Conn, ...params: Params): IterableIterator<Row>;
  /** The statement itself, for what the wrapper does not cover (pluck, raw, columns). */
  prepared(conn: Conn): Database.Statement<Params, Row>;
}

export function sql<Row = never, Params extends unknown[] = []>(text: string): Sql<Row, Params> {
  const byConn = new WeakMap<Conn, Database.Statement<Params, Row>>();
  const prepared = (conn: Conn) => {
    let st = byConn.get(conn);
    if (!st) byConn.set(conn, (st = conn.prepare<Params, Row>(text)));
    return st;
  };
  return {
    text,
    get: (conn, ...params) => prepared(conn).get(...params),
    all: (conn, ...params) => prepared(conn).all(...params),
    run: (conn, ...params) => prepared(conn).run(...params),
    iterate: (conn, ...params) => prepared(conn).iterate(...params),
    prepared,
  };
}

const dynamic = new WeakMap<Conn, Map<string, Database.Statement>>();
/** Distinct texts kept per connection: filters combine into a bounded but open set. */
const DYNAMIC_LIMIT = 500;

/**
 * A statement whose text is assembled from fixed fragments at run time (a
 * grid's sort and filters, a report's optional conditions), cached per
 * connection by its text. Values always travel as parameters: only
 * whitelisted fragments may be spliced into the text.
 */
export function dynamicSql<Row, Params extends unknown[] = unknown[]>(
  conn: Conn,
  text: string,
): Database.Statement<Params, Row> {
  let m = dynamic.get(conn);
  if (!m) dynamic.set(conn, (m = new Map()));
  let st = m.get(text);
  if (!st) {
    if (m.size >= DYNAMIC_LIMIT) m.clear();
    m.set(text, (st = conn.prepare(text)));
  }
  return st as unknown as Database.Statement<Params, Row>;
}

/**
 * A row of the drizzle schema (`$inferSelect`, or a `Pick` of it) as SQLite
 * hands it to hand-written SQL: drizzle's boolean columns are stored, and
 * come back, as 0 or 1.
 */
export type SqlRow<T> = { [K in keyof T]: boolean extends T[K] ? Exclude<T[K], boolean> | 0 | 1 : T[K] };
