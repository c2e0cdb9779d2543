/** English texts of app releases served by HQ: the Releases page, upload refusals, rollout and pins. */
export const enReleases = {
  'hq.nav.releases': 'Releases',
  'hq.releases.title': 'App releases',
  'hq.releases.hint':
    'Stores update themselves from HQ. Upload a release (latest.yml with its installer and blockmap), then raise its rollout: a store gets its pinned version if it has one, otherwise the newest release whose rollout includes it. A new release starts at 0 %: only pinned stores get it.',
  'hq.releases.upload': 'Upload release…',
  'hq.releases.upload.title': 'Upload a release',
  'hq.releases.upload.pick': 'Choose files',
  'hq.releases.upload.pickHint':
    'Select the release’s latest.yml (or latest-linux.yml) and the files it names, with their .blockmap files, all at once.',
  'hq.releases.upload.start': 'Upload',
  'hq.releases.upload.checking': 'Checking {file}…',
  'hq.releases.upload.sending': 'Uploading {file}',
  'hq.releases.upload.done':
    'Release {version} uploaded and checked. Its rollout is 0 %: raise it or pin stores to it.',
  'hq.releases.upload.noManifest': 'Select the release’s latest.yml too: it says which files belong to the release.',
  'hq.releases.upload.twoManifests': 'Select one latest.yml only: {files}.',
  'hq.releases.upload.missing': 'latest.yml names {file}, which is not among the selected files. Select it too.',
  'hq.releases.upload.extra': '{file} is not named in latest.yml: leave it out or select the right latest.yml.',
  'hq.releases.f.version': 'Version',
  'hq.releases.f.channel': 'Feed file',
  'hq.releases.f.installer': 'Installer',
  'hq.releases.f.size': 'Size',
  'hq.releases.f.releaseDate': 'Built',
  'hq.releases.f.uploaded': 'Uploaded',
  'hq.releases.f.uploadedBy': 'By',
  'hq.releases.f.rollout': 'Rollout',
  'hq.releases.f.pinned': 'Pinned stores',
  'hq.releases.f.store': 'Store',
  'hq.releases.f.pin': 'Pinned to',
  'hq.releases.rollout.edit': 'Set rollout',
  'hq.releases.rollout.title': 'Rollout of {version}',
  'hq.releases.rollout.hint':
    'Per cent of the stores that are not pinned which are offered this version (if no newer release includes them). Raising it only adds stores.',
  'hq.releases.rollout.saved': '{version} is now offered to {rollout} % of the stores.',
  'hq.releases.pins.title': 'Pin stores to a version',
  'hq.releases.pins.hint':
    'A pinned store gets exactly that version (even an older one) whatever the rollouts say. Clear the pin to let it follow the rollouts again.',
  'hq.releases.pins.follow': 'Follows the rollouts',
  'hq.releases.pins.saved': '{store} pinned to {version}.',
  'hq.releases.pins.cleared': '{store} follows the rollouts again.',
  'hq.releases.empty': 'No release uploaded yet.',
  'hq.releases.v.channelFile': 'The feed file is latest.yml, or latest-linux.yml, latest-mac.yml and the like.',
  'hq.releases.v.version': 'A version like 1.4.2.',
  'hq.releases.e.noStorage': 'This HQ has no directory for releases: start it with a data directory (--data-dir).',
  'hq.releases.e.stageGone':
    'This upload no longer exists at HQ (a file was refused, or it was left too long): start the upload again.',
  'hq.releases.e.versionExists': 'Release {version} already exists at HQ. Build the app with a new version number.',
  'hq.releases.e.notFound': 'Release {version} does not exist at HQ. Refresh the list.',
  'hq.releases.e.manifest.unreadable':
    'latest.yml cannot be read at line {line}. Upload the latest.yml electron-builder wrote, unchanged.',
  'hq.releases.e.manifest.missing': 'latest.yml has no {key}. Upload the latest.yml electron-builder wrote, unchanged.',
  'hq.releases.e.manifest.badVersion': 'latest.yml names version “{value}”, which is not a version like 1.4.2.',
  'hq.releases.e.manifest.badFileName':
    'latest.yml names the file “{value}”: only plain file names (letters, digits, dots, dashes, spaces) are accepted, no folders or addresses.',
  'hq.releases.e.manifest.badChecksum': 'latest.yml has a sha512 that is not one: “{value}”.',
  'hq.releases.e.manifest.badSize': 'latest.yml has a size that is not a number of bytes: “{value}”.',
  'hq.releases.e.manifest.duplicateFile': 'latest.yml names {value} twice.',
  'hq.releases.e.manifest.pathNotInFiles': 'latest.yml’s path {value} is not among its files.',
  'hq.releases.e.file.unknownFile': '{file} is not named in latest.yml: the release was refused. Upload it again.',
  'hq.releases.e.file.size':
    '{file} is {actual} bytes, but latest.yml says {expected}: the release was refused and nothing was kept. Upload the files of one build together.',
  'hq.releases.e.file.sizeOver':
    '{file} is larger than the {expected} bytes latest.yml says: the release was refused and nothing was kept. Upload the files of one build together.',
  'hq.releases.e.file.tooLarge':
    '{file} is larger than {limit} bytes, too large for a blockmap: the release was refused.',
  'hq.releases.e.file.checksum':
    '{file} does not match latest.yml: its sha512 is {actual}, latest.yml says {expected}. The file is damaged or from another build; the release was refused and nothing was kept.',
  'hq.releases.e.file.notBlockmap': '{file} is not a blockmap electron-builder wrote: the release was refused.',
  'hq.releases.e.file.missing': 'latest.yml names {file}, which was not uploaded: the release was refused.',
  'hq.releases.e.file.timeout': '{file} stopped arriving: the release was refused. Check the network and upload again.',
  'hq.releases.e.file.aborted': 'The upload of {file} was interrupted: the release was refused. Upload again.',
} as const;
