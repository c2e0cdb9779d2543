-- HQ's audit trail is append-only: an UPDATE or DELETE of a row fails, whoever runs it
-- through HQ's own connection (a superuser can still drop the trigger; the stores'
-- audit anchors are the outside check for their own chains).
CREATE FUNCTION hq_audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'hq_audit is append-only';
END
$$;
--> statement-breakpoint
CREATE TRIGGER hq_audit_no_update BEFORE UPDATE OR DELETE ON hq_audit FOR EACH ROW EXECUTE FUNCTION hq_audit_refuse_change();
