import { hostname as osHostname, networkInterfaces } from 'node:os';

/**
 * Which Host headers the HTTP host answers.
 *
 * DNS rebinding: a web page on attacker.example can make its own name resolve
 * to the store PC, and its requests then carry `Host: attacker.example` and a
 * matching `Origin`, so the same-origin check passes. Refusing every name the
 * store PC does not really have closes that door: loopback names, this PC's
 * host name (also as `name.local`, mDNS), the addresses of its network
 * interfaces, and the names given with `--allowed-host` (a DNS name the
 * chain's IT gave the PC, a NAT address).
 *
 * Interface addresses change (DHCP, a cable plugged in), so they are read
 * again when a name is not found and the last reading is older than a second.
 */
export interface HostNameCheck {
  allows(hostHeader: string | undefined): boolean;
}

export interface HostNameSources {
  configured: readonly string[];
  /** This PC's host name (os.hostname() by default). */
  hostname?: () => string;
  /** This PC's interface addresses (os.networkInterfaces() by default). */
  addresses?: () => string[];
  now?: () => number;
}

const REREAD_AFTER_MS = 1_000;

export function createHostNameCheck(sources: HostNameSources): HostNameCheck {
  const configured = new Set(sources.configured.map(configuredHostName).filter((n): n is string => !!n));
  const readHostname = sources.hostname ?? osHostname;
  const readAddresses = sources.addresses ?? interfaceAddresses;
  const now = sources.now ?? Date.now;
  let known = new Set<string>();
  let readAt = -Infinity;

  function reread(): void {
    known = new Set<string>();
    const name = configuredHostName(readHostname());
    if (name) {
      known.add(name);
      const short = name.split('.')[0]!;
      known.add(short);
      known.add(`${short}.local`);
    }
    for (const a of readAddresses()) {
      const n = configuredHostName(a.split('%')[0]!);
      if (n) known.add(n);
    }
    readAt = now();
  }

  return {
    allows(hostHeader) {
      const name = hostHeader ? hostOf(hostHeader) : null;
      if (!name) return false;
      if (isLoopbackName(name) || configured.has(name)) return true;
      if (known.has(name)) return true;
      if (now() - readAt < REREAD_AFTER_MS) return false;
      reread();
      return known.has(name);
    },
  };
}

/** The host part of a Host header, lower-cased, without port or trailing dot; null when it is not a host. */
export function hostOf(header: string): string | null {
  // No '%': URL parsing would decode it, turning a name no DNS has into one of ours.
  if (!/^[A-Za-z0-9.\-[\]:_]+$/.test(header)) return null;
  try {
    const url = new URL(`http://${header}`);
    if (url.username || url.password || url.pathname !== '/' || url.search || url.hash) return null;
    return url.hostname.replace(/\.$/, '').toLowerCase() || null;
  } catch {
    return null;
  }
}

/** A configured name or address as a Host header would carry it (IPv6 in brackets); null when it is not one. */
export function configuredHostName(name: string): string | null {
  const trimmed = name.trim();
  if (!trimmed) return null;
  const bare = trimmed.startsWith('[') ? trimmed : trimmed.includes(':') ? `[${trimmed}]` : trimmed;
  return hostOf(bare);
}

/** Names that always mean this PC: the browser itself resolves them to loopback, never asking DNS. */
function isLoopbackName(name: string): boolean {
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  if (/^127\.\d+\.\d+\.\d+$/.test(name)) return true;
  return name === '[::1]' || /^\[::ffff:127\./.test(name) || /^\[::ffff:7f/.test(name);
}

function interfaceAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .map((i) => i?.address)
    .filter((a): a is string => !!a);
}
