import type { enReleases } from '../en/releases';

/** 总部下发的应用版本：版本页面、上传被拒原因、灰度比例和门店锁定版本。 */
export const zhReleases: Record<keyof typeof enReleases, string> = {
  'hq.nav.releases': '版本发布',
  'hq.releases.title': '应用版本',
  'hq.releases.hint':
    '门店从总部自动更新。先上传一个版本（latest.yml 及其安装包和 blockmap 文件），再提高它的灰度比例：锁定了版本的门店只拿到锁定的版本，其余门店拿到灰度范围覆盖到它的最新版本。新上传的版本灰度为 0%，只有锁定到它的门店会收到。',
  'hq.releases.upload': '上传版本…',
  'hq.releases.upload.title': '上传新版本',
  'hq.releases.upload.pick': '选择文件',
  'hq.releases.upload.pickHint':
    '一次选中该版本的 latest.yml（或 latest-linux.yml）和其中列出的所有文件，连同 .blockmap 文件。',
  'hq.releases.upload.start': '上传',
  'hq.releases.upload.checking': '正在校验 {file}…',
  'hq.releases.upload.sending': '正在上传 {file}',
  'hq.releases.upload.done': '版本 {version} 已上传并校验通过。当前灰度为 0%：请提高灰度比例，或把门店锁定到该版本。',
  'hq.releases.upload.noManifest': '请同时选中该版本的 latest.yml：它列出了属于这个版本的文件。',
  'hq.releases.upload.twoManifests': '只能选一个 latest.yml：{files}。',
  'hq.releases.upload.missing': 'latest.yml 列出了 {file}，但选中的文件里没有它，请一并选中。',
  'hq.releases.upload.extra': 'latest.yml 中没有 {file}：请不要选它，或换成正确的 latest.yml。',
  'hq.releases.f.version': '版本号',
  'hq.releases.f.channel': '更新描述文件',
  'hq.releases.f.installer': '安装包',
  'hq.releases.f.size': '大小',
  'hq.releases.f.releaseDate': '构建时间',
  'hq.releases.f.uploaded': '上传时间',
  'hq.releases.f.uploadedBy': '上传人',
  'hq.releases.f.rollout': '灰度比例',
  'hq.releases.f.pinned': '锁定门店数',
  'hq.releases.f.store': '门店',
  'hq.releases.f.pin': '锁定版本',
  'hq.releases.rollout.edit': '调整灰度',
  'hq.releases.rollout.title': '{version} 的灰度比例',
  'hq.releases.rollout.hint':
    '未锁定版本的门店中，有多大比例会收到此版本（前提是没有更新的版本覆盖到它们）。提高比例只会增加门店，不会撤回已覆盖的门店。',
  'hq.releases.rollout.saved': '{version} 现已推送给 {rollout}% 的门店。',
  'hq.releases.pins.title': '门店锁定版本',
  'hq.releases.pins.hint':
    '锁定后，门店只会拿到指定的版本（可以是旧版本），不受灰度影响。清除锁定后，门店重新按灰度更新。',
  'hq.releases.pins.follow': '按灰度更新',
  'hq.releases.pins.saved': '{store} 已锁定到 {version}。',
  'hq.releases.pins.cleared': '{store} 已恢复按灰度更新。',
  'hq.releases.empty': '还没有上传任何版本。',
  'hq.releases.v.channelFile': '更新描述文件应为 latest.yml，或 latest-linux.yml、latest-mac.yml 之类。',
  'hq.releases.v.version': '版本号格式如 1.4.2。',
  'hq.releases.e.noStorage': '总部没有存放版本文件的目录：请用数据目录（--data-dir）启动总部。',
  'hq.releases.e.stageGone': '这次上传在总部已不存在（有文件被拒收，或放置时间过长）：请重新上传。',
  'hq.releases.e.versionExists': '总部已有版本 {version}。请用新的版本号重新打包应用。',
  'hq.releases.e.notFound': '总部没有版本 {version}。请刷新列表。',
  'hq.releases.e.manifest.unreadable':
    'latest.yml 第 {line} 行无法读取。请上传 electron-builder 生成的原始 latest.yml，不要修改。',
  'hq.releases.e.manifest.missing': 'latest.yml 缺少 {key}。请上传 electron-builder 生成的原始 latest.yml，不要修改。',
  'hq.releases.e.manifest.badVersion': 'latest.yml 中的版本号“{value}”格式不对，应类似 1.4.2。',
  'hq.releases.e.manifest.badFileName':
    'latest.yml 中的文件名“{value}”不被接受：只能是普通文件名（字母、数字、点、横线、空格），不能带目录或网址。',
  'hq.releases.e.manifest.badChecksum': 'latest.yml 中的 sha512 校验值无效：“{value}”。',
  'hq.releases.e.manifest.badSize': 'latest.yml 中的文件大小不是字节数：“{value}”。',
  'hq.releases.e.manifest.duplicateFile': 'latest.yml 把 {value} 列了两次。',
  'hq.releases.e.manifest.pathNotInFiles': 'latest.yml 的 path（{value}）不在它的文件列表中。',
  'hq.releases.e.file.unknownFile': 'latest.yml 中没有 {file}：此版本已被拒收，请重新上传。',
  'hq.releases.e.file.size':
    '{file} 的大小是 {actual} 字节，但 latest.yml 写的是 {expected} 字节：此版本已被拒收，没有保留任何文件。请上传同一次打包生成的文件。',
  'hq.releases.e.file.sizeOver':
    '{file} 超过了 latest.yml 写的 {expected} 字节：此版本已被拒收，没有保留任何文件。请上传同一次打包生成的文件。',
  'hq.releases.e.file.tooLarge': '{file} 超过 {limit} 字节，不可能是 blockmap 文件：此版本已被拒收。',
  'hq.releases.e.file.checksum':
    '{file} 与 latest.yml 不符：它的 sha512 是 {actual}，latest.yml 写的是 {expected}。文件已损坏或来自另一次打包；此版本已被拒收，没有保留任何文件。',
  'hq.releases.e.file.notBlockmap': '{file} 不是 electron-builder 生成的 blockmap 文件：此版本已被拒收。',
  'hq.releases.e.file.missing': 'latest.yml 列出了 {file}，但它没有上传：此版本已被拒收。',
  'hq.releases.e.file.timeout': '{file} 上传中断（长时间没有数据）：此版本已被拒收。请检查网络后重新上传。',
  'hq.releases.e.file.aborted': '{file} 的上传被中断：此版本已被拒收，请重新上传。',
};
