import type { enSystem } from '../en/system';

/** 简体中文：备份、恢复与上传。 */
export const zhSystem: Record<keyof typeof enSystem, string> = {
  'upload.sheet.tooBig': '文件超过 {mb} MB。请拆分成较小的文件后逐个导入。',
  'upload.sheet.tooManyRows':
    '第 {row} 行有数据，但一个文件最多 {max} 行。请拆分文件，或删除数据下方多余的行后重新导入。',
  'upload.sheet.tooManyColumns':
    '单元格 {cell} 有数据，但只读取前 {max} 列（到 {maxLetters} 列）。请删除数据右侧多余的列，保存后重新导入。',
  'upload.sheet.tooManyCells': '表格超过 {max} 个单元格。请拆分成较小的文件，或删除未用的行和列后重新导入。',
  'upload.sheet.tooManySharedStrings':
    '工作簿中不同的文字超过 {max} 条。请只把数据复制到一个新工作簿，保存后导入新文件。',
  'upload.sheet.tooManyEntries':
    '文件包含 {count} 个部件（最多 {max} 个），不是普通的工作簿。请把数据另存为新的 .xlsx 或 CSV 后导入。',
  'upload.sheet.uncompressedTooBig': '工作簿解压后会超过 {max} MB。请只把数据另存为新的 .xlsx 或 CSV 后导入。',
  'upload.sheet.timeout': '读取文件超过 {seconds} 秒，已停止。请只把数据另存为 CSV，或拆分文件后重新导入。',
  'upload.sheet.outOfMemory': '读取文件需要超过 {mb} MB 内存，已停止。请只把数据另存为 CSV，或拆分文件后重新导入。',
  'upload.sheet.busy': '正在读取其他文件，请一分钟后再试。',
  'upload.sheet.oldFormat':
    '“{name}”是旧版 Excel（.xls）或带密码的文件。请用 Excel 或 WPS 打开，另存为不带密码的 .xlsx（或 CSV）后导入。',
  'upload.image.tooLarge':
    '照片为 {width} × {height} 像素；每边最多 {max} 像素、总计最多 {megapixels} 百万像素。请用较低的分辨率重拍或缩小后再添加。',
};
