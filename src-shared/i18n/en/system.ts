/** English texts: backup, restore and uploads. */
export const enSystem = {
  'upload.sheet.tooBig': 'The file is larger than {mb} MB. Split it into smaller files and import each.',
  'upload.sheet.tooManyRows':
    'Row {row} has data, but a file may have at most {max} rows. Split it, or delete the rows below your data, and import again.',
  'upload.sheet.tooManyColumns':
    'Cell {cell} has data, but only the first {max} columns (up to {maxLetters}) are read. Delete the columns to the right of your data, save and import again.',
  'upload.sheet.tooManyCells':
    'The sheet holds more than {max} cells. Split it into smaller files, or delete the unused rows and columns, and import again.',
  'upload.sheet.tooManySharedStrings':
    'The workbook has more than {max} different texts. Copy only the data into a new workbook, save it and import that.',
  'upload.sheet.tooManyEntries':
    'The file holds {count} parts (at most {max}): it is not a plain workbook. Save the data as a new .xlsx or as CSV and import that.',
  'upload.sheet.uncompressedTooBig':
    'Unpacked, the workbook would be larger than {max} MB. Save only the data as a new .xlsx or as CSV and import that.',
  'upload.sheet.timeout':
    'Reading the file took longer than {seconds} s and was stopped. Save only the data as CSV, or split the file, and import again.',
  'upload.sheet.outOfMemory':
    'Reading the file needed more than {mb} MB of memory and was stopped. Save only the data as CSV, or split the file, and import again.',
  'upload.sheet.badType': '"{name}" is not a .csv or .xlsx file. Save it as CSV or Excel (.xlsx) and try again.',
  'upload.sheet.unreadable': 'The file cannot be read as {format}: {reason}',
  'upload.sheet.busy': 'Other files are being read right now. Try again in a minute.',
  'upload.sheet.oldFormat':
    '"{name}" is an old Excel (.xls) or password-protected file. Open it in Excel or WPS, save it as .xlsx without a password (or as CSV) and import that.',
  'upload.image.tooLarge':
    'The photo is {width} × {height} pixels; at most {max} pixels a side and {megapixels} megapixels are accepted. Take it again at a lower resolution, or shrink it, and add it again.',
  'system.restore.running': 'The store database is being restored from a backup. Wait a minute, then sign in again.',
  'system.restore.notStaged': 'That restore is no longer prepared. Choose the backup again.',
  'system.restore.refused.missing': 'The backup file {file} does not exist. Choose one from the list.',
  'system.restore.refused.notFile': '{file} is not a file. Choose a backup file.',
  'system.restore.refused.empty': 'The file is empty: it is not a backup. Nothing was changed. Choose another backup.',
  'system.restore.refused.notSqlite':
    'The file is not a database backup of this app. Nothing was changed. Choose a file from the backups folder (store-….sqlite).',
  'system.restore.refused.liveFile':
    'That is the database the store is using right now, not a backup. Nothing was changed. Choose a backup from the list.',
  'system.restore.refused.corrupt': 'The backup is damaged ({detail}). Nothing was changed. Choose an older backup.',
  'system.restore.refused.notOurs':
    'The file is a database, but not a store database of this app ({detail}). Nothing was changed. Choose a backup made by this app.',
  'system.restore.refused.newer':
    'The backup was made by a newer version of the app (schema {schema}; this app knows {known}). Nothing was changed. Install the newer app first.',
  'system.restore.refused.noStore':
    'The backup holds no store (it was taken before first-run setup). Nothing was changed. Choose a later backup.',
  'system.restore.refused.tooBig':
    'The file is larger than {mb} MB. Copy it into the backups folder on the store PC and choose it from the list.',
  'system.restore.badUpload': 'The upload was interrupted or sent out of order. Choose the file again.',
  'system.restore.confirmMismatch': 'Type the store code {code} exactly to confirm.',
  'system.restore.title': 'Restore from a backup',
  'system.restore.hint':
    'Restoring replaces everything in the store with what the backup holds. The current data is kept as a pre-restore backup first. Everyone is signed out.',
  'system.restore.choose': 'Restore…',
  'system.restore.upload': 'Upload a backup file…',
  'system.restore.uploading': 'Uploading {percent}%',
  'system.restore.checking': 'Checking the backup…',
  'system.restore.contents': 'What the backup holds',
  'system.restore.file': 'File',
  'system.restore.store': 'Store',
  'system.restore.lastChange': 'Last change in it',
  'system.restore.schemaVersion': 'Schema version',
  'system.restore.schemaOlder': '{schema} (this app: {known}; it will be brought up to date)',
  'system.restore.counts': 'Users / items / stock movements / audit entries',
  'system.restore.otherStore':
    'This backup is of another store ({code} {name}); the running store is {currentCode} {currentName}.',
  'system.restore.confirmLabel': 'To confirm, type the store code {code}',
  'system.restore.confirm': 'Replace the store database',
  'system.restore.done': 'The store was restored from {file}. Sign in again.',
  'system.restore.signedOut': 'The store database was restored from a backup. Everyone was signed out: sign in again.',
  'system.reason.uploaded': 'uploaded',
} as const;
