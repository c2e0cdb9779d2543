-- The chain views' running totals (src-hq/db/schema/chain.ts). A push appends each batch's ledger
-- changes to chain_move_queue in its own transaction, from statement-level triggers reading the batch's
-- transition tables: one plain insert per row (upserting the totals right there made the ingest 2-3x
-- slower: bench-chain's "ingest cost"). An update (a row repriced by the store's costing replay) queues
-- its old values out and its new ones in; the same row delivered again queues nothing. A waste
-- reversal is queued under the reason of the row it reverses, looked up by the store's sequence number
-- (hence the index), for reversals only. chain_fold() moves the oldest queued rows into the totals in
-- one grouped statement; HQ's tick calls it (src-hq/services/chain/fold.ts), one folder at a time
-- across HQ processes (an advisory lock), so two folds never update the same totals in another order.
CREATE INDEX chain_stock_moves_seq ON mirror.stock_moves (store_id, seq);
--> statement-breakpoint
-- Rows that arrive.
CREATE FUNCTION chain_moves_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO chain_move_queue (sign, fresh, store_id, item_id, area_id, lot, expiry, seq, kind, day, reason, moves, qty, value)
  SELECT r.s, r.fresh, r.store_id, r.item_id, r.area_id, r.lot, r.expiry, r.seq, r.kind, r.day,
         CASE WHEN r.kind = 'transfer_variance' THEN 'kind:transfer_variance'
              WHEN r.kind <> 'waste' THEN ''
              WHEN r.reverses_seq IS NULL THEN r.reason
              ELSE coalesce((SELECT o.reason FROM mirror.stock_moves o
                             WHERE o.store_id = r.store_id AND o.seq = r.reverses_seq), r.reason) END,
         CASE WHEN r.reverses_seq IS NULL THEN 1 ELSE -1 END, r.qty, r.value
  FROM (SELECT 1 AS s, true AS fresh, n.* FROM new_moves n) r;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Rows that change: the old values out, the new in; unchanged rows not at all.
CREATE FUNCTION chain_moves_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO chain_move_queue (sign, fresh, store_id, item_id, area_id, lot, expiry, seq, kind, day, reason, moves, qty, value)
  SELECT r.s, r.fresh, r.store_id, r.item_id, r.area_id, r.lot, r.expiry, r.seq, r.kind, r.day,
         CASE WHEN r.kind = 'transfer_variance' THEN 'kind:transfer_variance'
              WHEN r.kind <> 'waste' THEN ''
              WHEN r.reverses_seq IS NULL THEN r.reason
              ELSE coalesce((SELECT o.reason FROM mirror.stock_moves o
                             WHERE o.store_id = r.store_id AND o.seq = r.reverses_seq), r.reason) END,
         CASE WHEN r.reverses_seq IS NULL THEN 1 ELSE -1 END, r.qty, r.value
  FROM (SELECT 1 AS s, false AS fresh, n.* FROM new_moves n JOIN old_moves p USING (store_id, id)
        WHERE (n.item_id, n.area_id, n.lot, n.expiry, n.kind, n.day, n.qty, n.value, n.reason, n.reverses_seq) IS DISTINCT FROM (p.item_id, p.area_id, p.lot, p.expiry, p.kind, p.day, p.qty, p.value, p.reason, p.reverses_seq)
        UNION ALL
        SELECT -1, false, p.* FROM old_moves p JOIN new_moves n USING (store_id, id)
        WHERE (n.item_id, n.area_id, n.lot, n.expiry, n.kind, n.day, n.qty, n.value, n.reason, n.reverses_seq) IS DISTINCT FROM (p.item_id, p.area_id, p.lot, p.expiry, p.kind, p.day, p.qty, p.value, p.reason, p.reverses_seq)) r;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Rows that go.
CREATE FUNCTION chain_moves_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO chain_move_queue (sign, fresh, store_id, item_id, area_id, lot, expiry, seq, kind, day, reason, moves, qty, value)
  SELECT r.s, r.fresh, r.store_id, r.item_id, r.area_id, r.lot, r.expiry, r.seq, r.kind, r.day,
         CASE WHEN r.kind = 'transfer_variance' THEN 'kind:transfer_variance'
              WHEN r.kind <> 'waste' THEN ''
              WHEN r.reverses_seq IS NULL THEN r.reason
              ELSE coalesce((SELECT o.reason FROM mirror.stock_moves o
                             WHERE o.store_id = r.store_id AND o.seq = r.reverses_seq), r.reason) END,
         CASE WHEN r.reverses_seq IS NULL THEN 1 ELSE -1 END, r.qty, r.value
  FROM (SELECT -1 AS s, false AS fresh, p.* FROM old_moves p) r;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER chain_moves_after_insert AFTER INSERT ON mirror.stock_moves
  REFERENCING NEW TABLE AS new_moves FOR EACH STATEMENT EXECUTE FUNCTION chain_moves_inserted();
--> statement-breakpoint
CREATE TRIGGER chain_moves_after_update AFTER UPDATE ON mirror.stock_moves
  REFERENCING OLD TABLE AS old_moves NEW TABLE AS new_moves FOR EACH STATEMENT EXECUTE FUNCTION chain_moves_updated();
--> statement-breakpoint
CREATE TRIGGER chain_moves_after_delete AFTER DELETE ON mirror.stock_moves
  REFERENCING OLD TABLE AS old_moves FOR EACH STATEMENT EXECUTE FUNCTION chain_moves_deleted();
--> statement-breakpoint
-- Folds at most max_rows of the oldest queued changes into the totals; returns how many, or -1 when
-- another fold holds the lock (it is doing the work).
CREATE FUNCTION chain_fold(max_rows int) RETURNS int LANGUAGE plpgsql AS $$
DECLARE
  folded int;
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtext('chain_fold')) THEN
    RETURN -1;
  END IF;
  WITH d AS (
    -- A range of the key from the oldest row, not "IN (the oldest N)": the queue's statistics are
    -- whatever it held at the last ANALYZE (often nothing), and a semi-join planned for an empty
    -- queue ran for minutes over 50,000 rows.
    DELETE FROM chain_move_queue
    WHERE id < (SELECT min(id) FROM chain_move_queue) + max_rows
    RETURNING *
  ),
  b AS (
    INSERT INTO chain_item_balances AS t (store_id, item_id, qty, value, moves)
    SELECT store_id, item_id, sum(sign * qty), sum(sign * value), sum(sign) FROM d GROUP BY 1, 2
    ON CONFLICT (store_id, item_id) DO UPDATE
      SET qty = t.qty + excluded.qty, value = t.value + excluded.value, moves = t.moves + excluded.moves
  ),
  l AS (
    INSERT INTO chain_lot_balances AS t (store_id, item_id, area_id, lot, expiry, qty)
    SELECT store_id, item_id, area_id, lot,
           (array_agg(expiry ORDER BY id DESC) FILTER (WHERE fresh AND expiry IS NOT NULL))[1], sum(sign * qty)
    FROM d GROUP BY 1, 2, 3, 4
    ON CONFLICT (store_id, item_id, area_id, lot) DO UPDATE
      SET qty = t.qty + excluded.qty, expiry = coalesce(excluded.expiry, t.expiry)
  ),
  m AS (
    INSERT INTO chain_item_monthly AS t (month, store_id, item_id, kind, reason, qty, value, moves)
    SELECT substr(day, 1, 7), store_id, item_id, kind, reason, sum(sign * qty), sum(sign * value), sum(sign * moves)
    FROM d GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT (month, store_id, item_id, kind, reason) DO UPDATE
      SET qty = t.qty + excluded.qty, value = t.value + excluded.value, moves = t.moves + excluded.moves
  ),
  sm AS (
    INSERT INTO chain_store_monthly AS t (month, store_id, kind, reason, qty, value, moves)
    SELECT substr(day, 1, 7), store_id, kind, reason, sum(sign * qty), sum(sign * value), sum(sign * moves)
    FROM d GROUP BY 1, 2, 3, 4
    ON CONFLICT (month, store_id, kind, reason) DO UPDATE
      SET qty = t.qty + excluded.qty, value = t.value + excluded.value, moves = t.moves + excluded.moves
  ),
  sd AS (
    INSERT INTO chain_store_daily AS t (store_id, day, value)
    SELECT store_id, day, sum(sign * value) FROM d GROUP BY 1, 2
    ON CONFLICT (store_id, day) DO UPDATE SET value = t.value + excluded.value
  )
  SELECT count(*) INTO folded FROM d;
  RETURN folded;
END
$$;
--> statement-breakpoint
-- What HQ already holds when this migration runs: queued, then folded by the tick.
INSERT INTO chain_move_queue (sign, fresh, store_id, item_id, area_id, lot, expiry, seq, kind, day, reason, moves, qty, value)
  SELECT r.s, r.fresh, r.store_id, r.item_id, r.area_id, r.lot, r.expiry, r.seq, r.kind, r.day,
         CASE WHEN r.kind = 'transfer_variance' THEN 'kind:transfer_variance'
              WHEN r.kind <> 'waste' THEN ''
              WHEN r.reverses_seq IS NULL THEN r.reason
              ELSE coalesce((SELECT o.reason FROM mirror.stock_moves o
                             WHERE o.store_id = r.store_id AND o.seq = r.reverses_seq), r.reason) END,
         CASE WHEN r.reverses_seq IS NULL THEN 1 ELSE -1 END, r.qty, r.value
  FROM (SELECT 1 AS s, true AS fresh, n.* FROM mirror.stock_moves n) r;
