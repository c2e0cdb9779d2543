import { runPrinterSim } from './sim/printer-sim';
import { runScaleSim } from './sim/scale-sim-cli';

/**
 * `npm run sim -- scale --protocol cas` / `npm run sim -- printer --lang tspl`:
 * device simulators for tests, demos and training (see README, "Devices").
 */
const USAGE = `Usage:
  npm run sim -- scale --protocol <mt8217|mt-sics|ad-continuous|cas22|yaohua-tf0|yaohua-reversed> [--port PATH | --link PATH]
  npm run sim -- printer --lang <tspl|zpl> [--tcp PORT | --link PATH] [--out DIR]`;

async function main(argv: string[]): Promise<void> {
  const [kind, ...rest] = argv;
  if (kind === 'scale') return runScaleSim(rest);
  if (kind === 'printer') return runPrinterSim(rest);
  console.error(USAGE);
  process.exitCode = 2;
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
