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
  'upload.sheet.busy': 'Other files are being read right now. Try again in a minute.',
  'upload.sheet.oldFormat':
    '"{name}" is an old Excel (.xls) or password-protected file. Open it in Excel or WPS, save it as .xlsx without a password (or as CSV) and import that.',
  'upload.image.tooLarge':
    'The photo is {width} × {height} pixels; at most {max} pixels a side and {megapixels} megapixels are accepted. Take it again at a lower resolution, or shrink it, and add it again.',
} as const;
