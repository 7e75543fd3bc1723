// WebKit and Firefox for the end-to-end tests, through their own WebDriver servers (W3C WebDriver, driven by
// selenium-webdriver): Debian's WebKitWebDriver with WebKitGTK's MiniBrowser under a virtual X display
// (xvfb-run), and geckodriver (from crates.io, installed by `cargo xtask test`) with Debian's Firefox ESR,
// headless. Playwright drives only its own patched builds of these engines, which cannot be downloaded here.
import { spawn } from "node:child_process";
import net from "node:net";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Builder } from "selenium-webdriver";

const MINIBROWSER = ["/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser", "/usr/libexec/webkit2gtk-4.1/MiniBrowser"];

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

async function untilListening(port, child, log, timeout = 20000) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    if (child.exitCode !== null) throw new Error(`the driver exited (${child.exitCode}): ${log()}`);
    const ok = await new Promise((r) => { const c = net.connect(port, "127.0.0.1", () => { c.end(); r(true); }); c.on("error", () => r(false)); });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the driver did not listen on ${port} within ${timeout} ms: ${log()}`);
}

/// The engines, each with how to start its driver and the capabilities of a session.
export const ENGINES = {
  webkit: {
    label: "WebKit (WebKitGTK MiniBrowser)",
    command: (port) => ["xvfb-run", ["--auto-servernum", "--server-args=-screen 0 1280x1024x24", "WebKitWebDriver", `--port=${port}`]],
    capabilities: () => ({
      browserName: "MiniBrowser",
      "webkitgtk:browserOptions": { binary: MINIBROWSER.find((p) => fs.existsSync(p)) ?? MINIBROWSER[0], args: ["--automation"] },
    }),
  },
  firefox: {
    label: "Firefox ESR",
    command: (port) => ["geckodriver", ["--port", String(port), "--host", "127.0.0.1"]],
    capabilities: () => ({
      browserName: "firefox",
      "moz:firefoxOptions": {
        binary: process.env.FIREFOX || "/usr/bin/firefox-esr",
        args: ["-headless", "-width", "1280", "-height", "900", "-profile", fs.mkdtempSync(path.join(os.tmpdir(), "tk-ff-"))],
        // The machine has no network: no update, telemetry or safe-browsing requests at start.
        prefs: {
          "app.update.disabledForTesting": true, "datareporting.policy.dataSubmissionEnabled": false,
          "browser.safebrowsing.malware.enabled": false, "browser.safebrowsing.phishing.enabled": false,
          "network.captive-portal-service.enabled": false, "network.connectivity-service.enabled": false,
          "intl.accept_languages": "nl-NL, nl",
        },
      },
    }),
  },
};

/// Starts the engine's driver and one session. Returns { driver, close }.
export async function startEngine(name) {
  const engine = ENGINES[name];
  const port = await freePort();
  const [cmd, args] = engine.command(port);
  let output = "";
  // Its own process group, so closing also ends what xvfb-run started (Xvfb, the driver, the browser).
  const child = spawn(cmd, args, { detached: true, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.on("data", (d) => { output = (output + d).slice(-4000); });
  child.stderr.on("data", (d) => { output = (output + d).slice(-4000); });
  const spawned = new Promise((resolve, reject) => { child.once("spawn", resolve); child.once("error", reject); });
  await spawned;
  const stop = () => { try { process.kill(-child.pid, "SIGTERM"); } catch { /* already gone */ } };
  try {
    await untilListening(port, child, () => output);
    const driver = await new Builder().usingServer(`http://127.0.0.1:${port}`).withCapabilities(engine.capabilities()).build();
    return {
      driver,
      async close() {
        try { await driver.quit(); } catch { /* the session may be gone already */ }
        stop();
      },
    };
  } catch (e) {
    stop();
    e.message += `\n${engine.label} driver output: ${output}`;
    throw e;
  }
}
