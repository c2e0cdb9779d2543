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

/** Ports the OS reports, for the device settings screen. Pty links (socat) are not listed: type the path. */
export async function listSerialPorts(): Promise<SerialPortInfo[]> {
  const ports = await serialport().SerialPort.list();
  return ports
    .map((p) => ({
      path: p.path,
      manufacturer: p.manufacturer ?? null,
      serialNumber: p.serialNumber ?? null,
      vendorId: p.vendorId ?? null,
      productId: p.productId ?? null,
    }))
    .sort((a, b) => a.path.localeCompare(b.path));
}
