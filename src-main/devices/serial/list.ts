import { readdirSync, readlinkSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import type * as SerialportModule from 'serialport';
import { lazyRequire } from '../../lib/lazy-require';

const serialport = lazyRequire<typeof SerialportModule>('serialport');

export interface SerialPortInfo {
  path: string;
  manufacturer: string | null;
  serialNumber: string | null;
  vendorId: string | null;
  productId: string | null;
}

/** What serialport's list gives (the fields we use). */
export interface SystemPortInfo {
  path: string;
  manufacturer?: string | undefined;
  serialNumber?: string | undefined;
  vendorId?: string | undefined;
  productId?: string | undefined;
}

export interface ListOptions {
  /** The operating system's list (serialport: udevadm on Linux). Tests inject a failing one. */
  systemList?: () => Promise<SystemPortInfo[]>;
  /** Where device nodes are looked for on Linux (default /dev; tests use a folder of links to ptys). */
  devRoot?: string;
  platform?: NodeJS.Platform;
}

/** Neither the system nor the device folder could be read: the screen says so instead of showing no ports. */
export class PortListError extends Error {
  override name = 'PortListError';
}

/** Serial ports (built-in, USB adapters, Raspberry Pi UART, Bluetooth) and USB printer nodes, by name. */
const NODE_NAMES = /^(ttyS|ttyUSB|ttyACM|ttyAMA|rfcomm)\d+$/;
const LINK_DIRS = ['serial/by-id'];
const PRINTER_DIR = 'usb';
const PRINTER_NAMES = /^lp\d+$/;

const info = (path: string, manufacturer: string | null = null): SerialPortInfo => ({
  path,
  manufacturer,
  serialNumber: null,
  vendorId: null,
  productId: null,
});

const isCharDevice = (path: string): boolean => {
  try {
    return statSync(path).isCharacterDevice();
  } catch {
    return false; // a dangling link: the adapter was unplugged
  }
};

/**
 * The device nodes under `root` (/dev): what needs no udev. /dev/serial/by-id
 * links keep their stable name (the adapter's make and serial number, which
 * is also shown), and /dev/usb/lp* are the USB label printers a file
 * transport can write to. Throws when `root` cannot be read at all.
 */
export function scanDeviceNodes(root = '/dev'): SerialPortInfo[] {
  const out = readdirSync(root)
    .filter((n) => NODE_NAMES.test(n) && isCharDevice(join(root, n)))
    .map((n) => info(posix.join(root, n)));
  for (const dir of LINK_DIRS) {
    let names: string[] = [];
    try {
      names = readdirSync(join(root, dir));
    } catch {
      continue; // no udev, or no USB adapter: the folder is not there
    }
    for (const n of names) {
      const path = posix.join(root, dir, n);
      if (!isCharDevice(path)) continue;
      out.push(info(path, `${n} → ${posix.basename(readlinkSync(path))}`));
    }
  }
  try {
    for (const n of readdirSync(join(root, PRINTER_DIR))) {
      const path = posix.join(root, PRINTER_DIR, n);
      if (PRINTER_NAMES.test(n) && isCharDevice(path)) out.push(info(path));
    }
  } catch {
    // no USB printer
  }
  return out;
}

function fromSystem(p: SystemPortInfo): SerialPortInfo {
  return {
    path: p.path,
    manufacturer: p.manufacturer ?? null,
    serialNumber: p.serialNumber ?? null,
    vendorId: p.vendorId ?? null,
    productId: p.productId ?? null,
  };
}

/**
 * Ports for the device settings screen. On Linux the system's list needs
 * udevadm, which a fresh Debian machine or a container may not have: the
 * device nodes under /dev are listed as well (and are all there is when
 * udevadm is missing). Pty links (socat) are not listed: type the path.
 */
export async function listSerialPorts(opts: ListOptions = {}): Promise<SerialPortInfo[]> {
  const platform = opts.platform ?? process.platform;
  const systemList = opts.systemList ?? (() => serialport().SerialPort.list());
  let system: SerialPortInfo[] | null = null;
  let systemError = '';
  try {
    system = (await systemList()).map(fromSystem);
  } catch (err) {
    systemError = err instanceof Error ? err.message : String(err);
  }
  let nodes: SerialPortInfo[] | null = null;
  let nodesError = '';
  if (platform !== 'win32') {
    try {
      nodes = scanDeviceNodes(opts.devRoot);
    } catch (err) {
      nodesError = err instanceof Error ? err.message : String(err);
    }
  }
  if (!system && !nodes) throw new PortListError([systemError, nodesError].filter(Boolean).join('; '));
  const byPath = new Map<string, SerialPortInfo>();
  for (const p of [...(system ?? []), ...(nodes ?? [])]) if (!byPath.has(p.path)) byPath.set(p.path, p);
  return [...byPath.values()].sort((a, b) => a.path.localeCompare(b.path));
}
