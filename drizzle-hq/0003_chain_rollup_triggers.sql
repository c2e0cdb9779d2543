-- The chain views' running totals (src-hq/db/schema/chain.ts) follow mirror.stock_moves in the
-- same transaction as each batch: one statement-level trigger per operation, reading the batch's rows
-- from its transition tables, so a batch of any size costs five grouped upserts, not five per row.
-- An update (a row repriced by the store's costing replay, or the same entry delivered again) moves
-- the difference: old rows out, new rows in. Only rows that arrive new set a lot's expiry, like the
-- store's balances ("the last expiry given"). A waste reversal counts under the reason of the row it
-- reverses (found by the store's sequence number: hence the index).
CREATE INDEX chain_stock_moves_seq ON mirror.stock_moves (store_id, seq);
--> statement-breakpoint
-- Rows that arrive.
CREATE FUNCTION chain_moves_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH d AS (
    SELECT r.s, r.fresh, r.store_id, r.item_id, r.area_id, r.lot, r.expiry, r.seq, r.kind, r.day, r.qty, r.value,
           CASE WHEN r.kind = 'transfer_variance' THEN 'kind:transfer_variance'
                WHEN r.kind = 'waste' THEN coalesce(o.reason, r.reason) ELSE '' END AS reason,
           CASE WHEN r.reverses_seq IS NULL THEN 1 ELSE -1 END AS moves
    FROM (SELECT 1 AS s, true AS fresh, n.* FROM new_moves n) r
    LEFT JOIN mirror.stock_moves o
      ON r.kind = 'waste' AND r.reverses_seq IS NOT NULL AND o.store_id = r.store_id AND o.seq = r.reverses_seq
  ),
  b AS (
    INSERT INTO chain_item_balances AS t (store_id, item_id, qty, value, moves)
    SELECT store_id, item_id, sum(s * qty), sum(s * value), sum(s) FROM d GROUP BY 1, 2
    ON CONFLICT (store_id, item_id) DO UPDATE
      SET qty = t.qty + excluded.qty, value = t.value + excluded.value, moves = t.moves + excluded.moves
  ),
  l AS (
    INSERT INTO chain_lot_balances AS t (store_id, item_id, area_id, lot, expiry, qty)
    SELECT store_id, item_id, area_id, lot,
           (array_agg(expiry ORDER BY seq DESC) FILTER (WHERE fresh AND expiry IS NOT NULL))[1], sum(s * qty)
    FROM d GROUP BY 1, 2, 3, 4
    ON CONFLICT (store_id, item_id, area_id, lot) DO UPDATE
      SET qty = t.qty + excluded.qty, expiry = coalesce(excluded.expiry, t.expiry)
  ),
  m AS (
    INSERT INTO chain_item_monthly AS t (month, store_id, item_id, kind, reason, qty, value, moves)
    SELECT substr(day, 1, 7), store_id, item_id, kind, reason, sum(s * qty), sum(s * value), sum(s * moves)
    FROM d GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT (month, store_id, item_id, kind, reason) DO UPDATE
      SET qty = t.qty + excluded.qty, value = t.value + excluded.value, moves = t.moves + excluded.moves
  ),
  sm AS (
    INSERT INTO chain_store_monthly AS t (month, store_id, kind, reason, qty, value, moves)
    SELECT substr(day, 1, 7), store_id, kind, reason, sum(s * qty), sum(s * value), sum(s * moves)
    FROM d GROUP BY 1, 2, 3, 4
    ON CONFLICT (month, store_id, kind, reason) DO UPDATE
      SET qty = t.qty + excluded.qty, value = t.value + excluded.value, moves = t.moves + excluded.moves
  )
  INSERT INTO chain_store_daily AS t (store_id, day, value)
  SELECT store_id, day, sum(s * value) FROM d GROUP BY 1, 2
  ON CONFLICT (store_id, day) DO UPDATE SET value = t.value + excluded.value;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Rows that change: the old values out, the new in.
CREATE FUNCTION chain_moves_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH d AS (
    SELECT r.s, r.fresh, r.store_id, r.item_id, r.area_id, r.lot, r.expiry, r.seq, r.kind, r.day, r.qty, r.value,
           CASE WHEN r.kind = 'transfer_variance' THEN 'kind:transfer_variance'
                WHEN r.kind = 'waste' THEN coalesce(o.reason, r.reason) ELSE '' END AS reason,
           CASE WHEN r.reverses_seq IS NULL THEN 1 ELSE -1 END AS moves
    FROM (SELECT 1 AS s, false AS fresh, n.* FROM new_moves n UNION ALL SELECT -1, false, p.* FROM old_moves p) r
    LEFT JOIN mirror.stock_moves o
      ON r.kind = 'waste' AND r.reverses_seq IS NOT NULL AND o.store_id = r.store_id AND o.seq = r.reverses_seq
  ),
  b AS (
    INSERT INTO chain_item_balances AS t (store_id, item_id, qty, value, moves)
    SELECT store_id, item_id, sum(s * qty), sum(s * value), sum(s) FROM d GROUP BY 1, 2
    ON CONFLICT (store_id, item_id) DO UPDATE
      SET qty = t.qty + excluded.qty, value = t.value + excluded.value, moves = t.moves + excluded.moves
  ),
  l AS (
    INSERT INTO chain_lot_balances AS t (store_id, item_id, area_id, lot, expiry, qty)
    SELECT store_id, item_id, area_id, lot,
           (array_agg(expiry ORDER BY seq DESC) FILTER (WHERE fresh AND expiry IS NOT NULL))[1], sum(s * qty)
    FROM d GROUP BY 1, 2, 3, 4
    ON CONFLICT (store_id, item_id, area_id, lot) DO UPDATE
      SET qty = t.qty + excluded.qty, expiry = coalesce(excluded.expiry, t.expiry)
  ),
  m AS (
    INSERT INTO chain_item_monthly AS t (month, store_id, item_id, kind, reason, qty, value, moves)
    SELECT substr(day, 1, 7), store_id, item_id, kind, reason, sum(s * qty), sum(s * value), sum(s * moves)
    FROM d GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT (month, store_id, item_id, kind, reason) DO UPDATE
      SET qty = t.qty + excluded.qty, value = t.value + excluded.value, moves = t.moves + excluded.moves
  ),
  sm AS (
    INSERT INTO chain_store_monthly AS t (month, store_id, kind, reason, qty, value, moves)
    SELECT substr(day, 1, 7), store_id, kind, reason, sum(s * qty), sum(s * value), sum(s * moves)
    FROM d GROUP BY 1, 2, 3, 4
    ON CONFLICT (month, store_id, kind, reason) DO UPDATE
      SET qty = t.qty + excluded.qty, value = t.value + excluded.value, moves = t.moves + excluded.moves
  )
  INSERT INTO chain_store_daily AS t (store_id, day, value)
  SELECT store_id, day, sum(s * value) FROM d GROUP BY 1, 2
  ON CONFLICT (store_id, day) DO UPDATE SET value = t.value + excluded.value;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Rows that go.
CREATE FUNCTION chain_moves_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH d AS (
    SELECT r.s, r.fresh, r.store_id, r.item_id, r.area_id, r.lot, r.expiry, r.seq, r.kind, r.day, r.qty, r.value,
           CASE WHEN r.kind = 'transfer_variance' THEN 'kind:transfer_variance'
                WHEN r.kind = 'waste' THEN coalesce(o.reason, r.reason) ELSE '' END AS reason,
           CASE WHEN r.reverses_seq IS NULL THEN 1 ELSE -1 END AS moves
    FROM (SELECT -1 AS s, false AS fresh, p.* FROM old_moves p) r
    LEFT JOIN mirror.stock_moves o
      ON r.kind = 'waste' AND r.reverses_seq IS NOT NULL AND o.store_id = r.store_id AND o.seq = r.reverses_seq
  ),
  b AS (
    INSERT INTO chain_item_balances AS t (store_id, item_id, qty, value, moves)
    SELECT store_id, item_id, sum(s * qty), sum(s * value), sum(s) FROM d GROUP BY 1, 2
    ON CONFLICT (store_id, item_id) DO UPDATE
      SET qty = t.qty + excluded.qty, value = t.value + excluded.value, moves = t.moves + excluded.moves
  ),
  l AS (
    INSERT INTO chain_lot_balances AS t (store_id, item_id, area_id, lot, expiry, qty)
    SELECT store_id, item_id, area_id, lot,
           (array_agg(expiry ORDER BY seq DESC) FILTER (WHERE fresh AND expiry IS NOT NULL))[1], sum(s * qty)
    FROM d GROUP BY 1, 2, 3, 4
    ON CONFLICT (store_id, item_id, area_id, lot) DO UPDATE
      SET qty = t.qty + excluded.qty, expiry = coalesce(excluded.expiry, t.expiry)
  ),
  m AS (
    INSERT INTO chain_item_monthly AS t (month, store_id, item_id, kind, reason, qty, value, moves)
    SELECT substr(day, 1, 7), store_id, item_id, kind, reason, sum(s * qty), sum(s * value), sum(s * moves)
    FROM d GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT (month, store_id, item_id, kind, reason) DO UPDATE
      SET qty = t.qty + excluded.qty, value = t.value + excluded.value, moves = t.moves + excluded.moves
  ),
  sm AS (
    INSERT INTO chain_store_monthly AS t (month, store_id, kind, reason, qty, value, moves)
    SELECT substr(day, 1, 7), store_id, kind, reason, sum(s * qty), sum(s * value), sum(s * moves)
    FROM d GROUP BY 1, 2, 3, 4
    ON CONFLICT (month, store_id, kind, reason) DO UPDATE
      SET qty = t.qty + excluded.qty, value = t.value + excluded.value, moves = t.moves + excluded.moves
  )
  INSERT INTO chain_store_daily AS t (store_id, day, value)
  SELECT store_id, day, sum(s * value) FROM d GROUP BY 1, 2
  ON CONFLICT (store_id, day) DO UPDATE SET value = t.value + excluded.value;
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
-- What HQ already holds when this migration runs.
WITH d AS (
    SELECT r.s, r.fresh, r.store_id, r.item_id, r.area_id, r.lot, r.expiry, r.seq, r.kind, r.day, r.qty, r.value,
           CASE WHEN r.kind = 'transfer_variance' THEN 'kind:transfer_variance'
                WHEN r.kind = 'waste' THEN coalesce(o.reason, r.reason) ELSE '' END AS reason,
           CASE WHEN r.reverses_seq IS NULL THEN 1 ELSE -1 END AS moves
    FROM (SELECT 1 AS s, true AS fresh, n.* FROM mirror.stock_moves n) r
    LEFT JOIN mirror.stock_moves o
      ON r.kind = 'waste' AND r.reverses_seq IS NOT NULL AND o.store_id = r.store_id AND o.seq = r.reverses_seq
  ),
  b AS (
    INSERT INTO chain_item_balances AS t (store_id, item_id, qty, value, moves)
    SELECT store_id, item_id, sum(s * qty), sum(s * value), sum(s) FROM d GROUP BY 1, 2
    ON CONFLICT (store_id, item_id) DO UPDATE
      SET qty = t.qty + excluded.qty, value = t.value + excluded.value, moves = t.moves + excluded.moves
  ),
  l AS (
    INSERT INTO chain_lot_balances AS t (store_id, item_id, area_id, lot, expiry, qty)
    SELECT store_id, item_id, area_id, lot,
           (array_agg(expiry ORDER BY seq DESC) FILTER (WHERE fresh AND expiry IS NOT NULL))[1], sum(s * qty)
    FROM d GROUP BY 1, 2, 3, 4
    ON CONFLICT (store_id, item_id, area_id, lot) DO UPDATE
      SET qty = t.qty + excluded.qty, expiry = coalesce(excluded.expiry, t.expiry)
  ),
  m AS (
    INSERT INTO chain_item_monthly AS t (month, store_id, item_id, kind, reason, qty, value, moves)
    SELECT substr(day, 1, 7), store_id, item_id, kind, reason, sum(s * qty), sum(s * value), sum(s * moves)
    FROM d GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT (month, store_id, item_id, kind, reason) DO UPDATE
      SET qty = t.qty + excluded.qty, value = t.value + excluded.value, moves = t.moves + excluded.moves
  ),
  sm AS (
    INSERT INTO chain_store_monthly AS t (month, store_id, kind, reason, qty, value, moves)
    SELECT substr(day, 1, 7), store_id, kind, reason, sum(s * qty), sum(s * value), sum(s * moves)
    FROM d GROUP BY 1, 2, 3, 4
    ON CONFLICT (month, store_id, kind, reason) DO UPDATE
      SET qty = t.qty + excluded.qty, value = t.value + excluded.value, moves = t.moves + excluded.moves
  )
  INSERT INTO chain_store_daily AS t (store_id, day, value)
  SELECT store_id, day, sum(s * value) FROM d GROUP BY 1, 2
  ON CONFLICT (store_id, day) DO UPDATE SET value = t.value + excluded.value;
