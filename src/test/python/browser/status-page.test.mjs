// The Auto-Sync Status page in a real browser: `streamlit run` of the rendered app against the
// emulator, driven in Debian's headless chromium through playwright-core (no browser download).
// It opens the app, goes to the page through the navigation, sees the six pipes and the malformed
// sample's load error, uploads a file through the uploader, presses the button and sees the per-file
// results. Screenshots go to AUTOSYNC_SCREENSHOTS.
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

const require = createRequire(path.join(process.env.NODE_PATH, 'noop.js'));
const { chromium } = require('playwright-core');

const url = process.env.AUTOSYNC_PAGE_URL;
const shots = process.env.AUTOSYNC_SCREENSHOTS;
const upload = process.env.AUTOSYNC_UPLOAD_FILE;
mkdirSync(shots, { recursive: true });

function check(condition, message) {
  if (!condition) {
    throw new Error('browser test: ' + message);
  }
}

async function waitForServer() {
  for (let i = 0; i < 120; i++) {
    try {
      const r = await fetch(url + '/_stcore/health');
      if (r.ok) return;
    } catch (e) { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('streamlit run did not answer at ' + url + ' within 60 s');
}

await waitForServer();
const browser = await chromium.launch({
  executablePath: process.env.AUTOSYNC_CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1800 } });
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.getByRole('link', { name: 'Auto-Sync Status' }).first().click();
  await page.getByText('Verdict:').waitFor({ timeout: 60000 });
  const main = page.locator('section.main, [data-testid="stMain"]').first();
  const pipesTable = page.locator('[data-testid="stTable"]').first();
  await pipesTable.waitFor();
  const pipeText = await pipesTable.innerText();
  const pipes = ['ATTENDANCE_PIPE', 'ATTENDANCE_E2E_PIPE', 'GRADES_PIPE', 'GRADES_E2E_PIPE', 'STUDENTS_PIPE', 'STUDENTS_E2E_PIPE'];
  for (const p of pipes) {
    check(pipeText.includes(p), 'the pipes table shows ' + p + ': ' + pipeText);
  }
  check((pipeText.match(/RUNNING/g) || []).length === 6, 'six pipes RUNNING: ' + pipeText);
  const errors = page.locator('[data-testid="stTable"]').filter({ hasText: 'first error' }).first();
  const errorText = await errors.innerText();
  check(errorText.includes('malformed_sample.json'), 'the error log shows the malformed sample: ' + errorText);
  await page.screenshot({ path: path.join(shots, 'status-page.png'), fullPage: true });

  await page.getByRole('tab', { name: 'Test upload' }).click();
  await page.locator('[data-testid="stFileUploaderDropzoneInput"], input[type="file"]').first().setInputFiles(upload);
  await page.getByText(path.basename(upload)).first().waitFor({ timeout: 30000 });
  await page.getByRole('button', { name: 'Run test upload' }).click();
  await page.getByText(/Run E2E-\S+: (all checks passed|\d+ check\(s\) failed)/).waitFor({ timeout: 180000 });
  const verdictText = await page.getByText(/Run E2E-\S+:/).first().innerText();
  check(verdictText.includes('all checks passed'), 'the test upload passed: ' + verdictText);
  // the verdict line arrives before the tables: wait for each table by what it holds
  const filesTable = page.locator('[data-testid="stTable"]').filter({ hasText: 'normalised rows' }).first();
  await filesTable.waitFor({ timeout: 60000 });
  const filesText = await filesTable.innerText();
  check(filesText.includes(path.basename(upload)) && filesText.includes('loaded'), 'per-file result: ' + filesText);
  const checksTable = page.locator('[data-testid="stTable"]').filter({ hasText: 'replay-changes-nothing' }).first();
  await checksTable.waitFor({ timeout: 60000 });
  const checksText = await checksTable.innerText();
  for (const name of ['files-loaded', 'landing-rows', 'normalised-rows', 'malformed-file-rejected', 'replay-changes-nothing']) {
    check(checksText.includes(name), 'the checks show ' + name + ': ' + checksText);
  }
  await page.screenshot({ path: path.join(shots, 'test-upload.png'), fullPage: true });
  console.log('browser test passed: six pipes, the load error, an upload and its per-file results; screenshots in ' + shots);
  void main;
} finally {
  await browser.close();
}
