-- Money on labels follows the store's currency: the price prefixes that
-- hard-coded the yuan sign print the store's currency symbol instead
-- ({currency} in a prefix or suffix; see src-shared/labels/layout.ts).
-- Only the exact built-in texts change; a prefix a user wrote otherwise is kept.
UPDATE `label_templates` SET `definition` = replace(replace(`definition`, '"prefix":"单价￥"', '"prefix":"单价{currency}"'), '"prefix":"总价￥"', '"prefix":"总价{currency}"');
