-- Stores had a free-text region before regions existed: each distinct text becomes a region
-- (code and both names the text, for an administrator to rename) and the stores point at it.
INSERT INTO "regions" ("id", "code", "name_zh", "name_en", "created_at", "updated_at")
SELECT gen_random_uuid()::text, r, r, r, (extract(epoch from now()) * 1000)::bigint, (extract(epoch from now()) * 1000)::bigint
FROM (SELECT DISTINCT trim("region") AS r FROM "stores" WHERE trim("region") <> '') AS t
WHERE NOT EXISTS (SELECT 1 FROM "regions" g WHERE lower(g."code") = lower(t.r));
--> statement-breakpoint
UPDATE "stores" s SET "region_id" = g."id"
FROM "regions" g
WHERE s."region_id" IS NULL AND trim(s."region") <> '' AND lower(g."code") = lower(trim(s."region"));
