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
  'upload.sheet.badType': '“{name}”不是 .csv 或 .xlsx 文件。请另存为 CSV 或 Excel (.xlsx) 后重试。',
  'upload.sheet.unreadable': '无法按 {format} 读取该文件：{reason}',
  'upload.sheet.busy': '正在读取其他文件，请一分钟后再试。',
  'upload.sheet.oldFormat':
    '“{name}”是旧版 Excel（.xls）或带密码的文件。请用 Excel 或 WPS 打开，另存为不带密码的 .xlsx（或 CSV）后导入。',
  'upload.image.tooLarge':
    '照片为 {width} × {height} 像素；每边最多 {max} 像素、总计最多 {megapixels} 百万像素。请用较低的分辨率重拍或缩小后再添加。',
  'system.restore.running': '正在从备份恢复门店数据库。请稍等一分钟，然后重新登录。',
  'system.restore.notStaged': '该恢复已失效，请重新选择备份。',
  'system.restore.refused.missing': '备份文件 {file} 不存在。请从列表中选择。',
  'system.restore.refused.notFile': '{file} 不是文件。请选择备份文件。',
  'system.restore.refused.empty': '文件为空，不是备份。未做任何更改。请选择其他备份。',
  'system.restore.refused.notSqlite':
    '该文件不是本软件的数据库备份。未做任何更改。请从备份文件夹中选择（store-….sqlite）。',
  'system.restore.refused.liveFile': '这是门店正在使用的数据库，不是备份。未做任何更改。请从列表中选择备份。',
  'system.restore.refused.corrupt': '备份已损坏（{detail}）。未做任何更改。请选择更早的备份。',
  'system.restore.refused.notOurs':
    '该文件是数据库，但不是本软件的门店数据库（{detail}）。未做任何更改。请选择本软件生成的备份。',
  'system.restore.refused.newer':
    '该备份由更新版本的软件生成（结构版本 {schema}，本软件为 {known}）。未做任何更改。请先安装新版本。',
  'system.restore.refused.noStore': '该备份中没有门店（是在首次设置之前生成的）。未做任何更改。请选择更晚的备份。',
  'system.restore.refused.tooBig': '文件超过 {mb} MB。请把它复制到门店电脑的备份文件夹，再从列表中选择。',
  'system.restore.badUpload': '上传中断或顺序错误。请重新选择文件。',
  'system.restore.confirmMismatch': '请准确输入门店编码 {code} 以确认。',
  'system.restore.title': '从备份恢复',
  'system.restore.hint': '恢复会用备份中的内容替换门店的全部数据。当前数据会先保存为“恢复前”备份。所有人都将退出登录。',
  'system.restore.choose': '恢复…',
  'system.restore.upload': '上传备份文件…',
  'system.restore.uploading': '正在上传 {percent}%',
  'system.restore.checking': '正在检查备份…',
  'system.restore.contents': '备份内容',
  'system.restore.file': '文件',
  'system.restore.store': '门店',
  'system.restore.lastChange': '最后一次更改',
  'system.restore.schemaVersion': '数据库结构版本',
  'system.restore.schemaOlder': '{schema}（本软件：{known}；恢复后会自动升级）',
  'system.restore.counts': '用户 / 物料 / 库存流水 / 审计记录',
  'system.restore.otherStore': '该备份属于另一家门店（{code} {name}）；当前门店为 {currentCode} {currentName}。',
  'system.restore.confirmLabel': '请输入门店编码 {code} 以确认',
  'system.restore.confirm': '替换门店数据库',
  'system.restore.done': '已从 {file} 恢复门店数据。请重新登录。',
  'system.restore.signedOut': '门店数据库已从备份恢复，所有人已退出登录。请重新登录。',
  'system.reason.uploaded': '上传',
};
