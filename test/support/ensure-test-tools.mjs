// Run before `npm test` (the `pretest` script): the tests need openssl (certificates made at test time, and
// `openssl s_server` as a real TLS server), nginx (the probe engine is tested against it: TLS versions, chains,
// client certificates, gzip, HTTP/2, large headers, a trickle), Chromium (the status page is tested in a real
// headless browser) and tmux (`lookout run`'s live view is tested in a real 80-column terminal). Installs what
// is missing with apt-get when running as root on Debian or Ubuntu (CI, a fresh machine); otherwise says how
// to install it and fails.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const tools = [
  { name: 'openssl', found: () => onPath('openssl'), aptPackage: 'openssl' },
  { name: 'Chromium', found: () => chromiumPath() !== undefined, aptPackage: 'chromium' },
  { name: 'nginx', found: () => nginxPath() !== undefined, aptPackage: 'nginx-light' },
  { name: 'tmux', found: () => onPath('tmux'), aptPackage: 'tmux' },
];

/** Where nginx is: LOOKOUT_NGINX, else Debian's /usr/sbin/nginx, else `nginx` on the PATH (as test/support/nginx.ts looks). */
function nginxPath() {
  const candidates = [process.env.LOOKOUT_NGINX, '/usr/sbin/nginx'];
  const found = candidates.find((path) => path !== undefined && path !== '' && existsSync(path));
  return found ?? (onPath('nginx') ? 'nginx' : undefined);
}

/** Where Chromium is: LOOKOUT_CHROMIUM, else Debian's /usr/bin/chromium, else `chromium` on the PATH. */
function chromiumPath() {
  const candidates = [process.env.LOOKOUT_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((path) => path !== undefined && path !== '' && existsSync(path));
}

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** Debian 13 and later Ubuntu dropped nginx-light: fall back to nginx, which carries the same modules and more. */
function installablePackage(aptPackage) {
  if (aptPackage !== 'nginx-light') return aptPackage;
  const known = spawnSync('apt-cache', ['show', aptPackage], { stdio: 'ignore' }).status === 0;
  return known ? aptPackage : 'nginx';
}

const missing = tools.filter((tool) => !tool.found());
if (missing.length > 0) {
  const packages = missing.map((tool) => installablePackage(tool.aptPackage));
  const canInstall = process.getuid?.() === 0 && onPath('apt-get');
  if (!canInstall) {
    console.error(
      `The tests need ${missing.map((tool) => tool.name).join(' and ')}: install ${packages.join(' ')} ` +
        `(Debian/Ubuntu: sudo apt-get install -y ${packages.join(' ')}), or set LOOKOUT_CHROMIUM to a Chromium binary.`,
    );
    process.exit(1);
  }
  console.log(`Installing ${packages.join(' ')} for the tests (apt-get)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args) => spawnSync('apt-get', args, { stdio: 'inherit', env }).status === 0;
  if (!run(['update']) || !run(['install', '-y', '--no-install-recommends', ...packages])) {
    console.error(`apt-get could not install ${packages.join(' ')}`);
    process.exit(1);
  }
}
