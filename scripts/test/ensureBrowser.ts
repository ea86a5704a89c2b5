/**
 * `npm test` runs real-browser journeys (Debian's Chromium, a CJK font for the screenshots). A fresh
 * machine has neither, so before any test runs this installs them from Debian when it can (as root
 * with apt-get), or stops with the one command to run — never a suite that fails half-way through.
 * CHROMIUM_PATH names another browser; CHAINMATCH_SKIP_BROWSER_SETUP=1 skips the check.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const cjkFont = /wqy|noto sans cjk|noto serif cjk|droid sans fallback/i;

function hasCjkFont(): boolean {
  try {
    return cjkFont.test(execFileSync('fc-list', { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  } catch {
    return false; // no fontconfig: no font either
  }
}

function missing(): string[] {
  const packages: string[] = [];
  if (!existsSync(chromium)) packages.push('chromium');
  if (!hasCjkFont()) packages.push('fonts-wqy-microhei');
  return packages;
}

const run = (command: string, args: string[]) =>
  spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;

if (process.env.CHAINMATCH_SKIP_BROWSER_SETUP !== '1') {
  const packages = missing();
  if (packages.length > 0) {
    const command = `apt-get update && apt-get install -y ${packages.join(' ')}`;
    const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get') && !process.env.CHROMIUM_PATH;
    if (canInstall) {
      console.log(`[test] installing what the browser tests need from Debian: ${packages.join(', ')}`);
      if (!run('apt-get', ['update', '-qq']) || !run('apt-get', ['install', '-y', '-qq', ...packages]) || missing().length > 0) {
        console.error(`[test] could not install ${packages.join(', ')}; run as root: ${command}`);
        process.exit(1);
      }
    } else {
      console.error(`[test] the browser tests need ${packages.join(' and ')}, which this machine lacks. Run, as root:\n  ${command}\nthen npm test again.`);
      process.exit(1);
    }
  }
}
