// A real headless Chromium against a real Gatehouse. Two pages, each served by a small server on
// its own loopback port, so each is an origin of its own:
//   foreign  an origin the user did not allow: whatever a page can send (fetch with JSON, simple
//            requests, sendBeacon, form posts) must not reach the provider, and the page must not
//            read any answer.
//   allowed  an origin listed in gateway.allowedOrigins: the official OpenAI and Anthropic
//            SDKs, bundled for the browser with esbuild, work through Gatehouse, streaming
//            and not, and can read the headers Gatehouse exposes.
// Run by run-browser-tests.sh, which starts the fake upstream (printing each request it gets)
// and writes the config; this file starts the page servers and then the gateway, since the
// allowed origin's port is known only once its server listens.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const gatehouseBinary = process.env.GATEHOUSE;
const configDir = process.env.GATEHOUSE_CONFIG_DIR;
const key = process.env.GATEHOUSE_KEY;
const fakeLog = process.env.FAKE_LOG;
const chromiumBinary = process.env.CHROMIUM ?? '/usr/bin/chromium';
assert.ok(gatehouseBinary && configDir && key && fakeLog,
  'GATEHOUSE, GATEHOUSE_CONFIG_DIR, GATEHOUSE_KEY and FAKE_LOG must be set');

const modelPaths = ['/v1/chat/completions', '/v1/messages', '/v1/responses'];
const streamedText = 'tok0 tok1 tok2 tok3 tok4 ';

// Model calls the fake upstream has received so far.
function upstreamModelCalls() {
  return readFileSync(fakeLog, 'utf8').split('\n')
    .filter((line) => modelPaths.some((p) => line === `request POST ${p}`)
      || line.startsWith('request POST /v1beta/models/')).length;
}

async function eventually(check, what) {
  for (let i = 0; i < 300; ++i) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.fail(`timed out waiting: ${what}`);
}

function servePages(routes) {
  const server = http.createServer((req, res) => {
    const route = routes[new URL(req.url, 'http://x').pathname];
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': route.type, 'cache-control': 'no-store' }).end(route.body);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

const originOf = (server) => `http://127.0.0.1:${server.address().port}`;
const html = (body) => ({
  type: 'text/html; charset=utf-8',
  body: `<!doctype html><html><head><meta charset="utf-8"><title>page</title></head><body>${body}</body></html>`,
});

let foreignServer;
let allowedServer;
let gatewayProcess;
let gateway; // http://127.0.0.1:PORT
let browser;

async function startGateway() {
  gatewayProcess = spawn(gatehouseBinary, ['--headless', '--config-dir', configDir, '--port', '0'],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`gateway did not start:\n${output}`)), 15000);
    const read = (data) => {
      output += data;
      const m = output.match(/listening on http:\/\/[^\s]*:(\d+)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    gatewayProcess.stdout.on('data', read);
    gatewayProcess.stderr.on('data', read);
    gatewayProcess.on('exit', (code) => reject(new Error(`gateway exited (${code}):\n${output}`)));
  });
  return `http://127.0.0.1:${port}`;
}

before(async () => {
  // The SDKs as a page would ship them: one browser bundle, made now from the installed packages.
  const bundle = await esbuild.build({
    stdin: {
      contents: "import OpenAI from 'openai'; import Anthropic from '@anthropic-ai/sdk';"
        + " import { GoogleGenAI } from '@google/genai';"
        + ' window.OpenAI = OpenAI; window.Anthropic = Anthropic; window.GoogleGenAI = GoogleGenAI;',
      resolveDir: here,
    },
    bundle: true, platform: 'browser', format: 'iife', target: 'es2022', write: false, logLevel: 'error',
  });
  foreignServer = await servePages({ '/': html('<iframe name="sink"></iframe>') });
  allowedServer = await servePages({
    '/': html('<script src="/sdks.js"></script>'),
    '/sdks.js': { type: 'text/javascript; charset=utf-8', body: bundle.outputFiles[0].contents },
  });

  const configFile = path.join(configDir, 'config.json');
  const config = JSON.parse(readFileSync(configFile, 'utf8'));
  config.gateway = { ...config.gateway, allowedOrigins: [originOf(allowedServer)] };
  writeFileSync(configFile, JSON.stringify(config, null, 2));
  gateway = await startGateway();

  browser = await chromium.launch({
    executablePath: chromiumBinary, headless: true,
    // CI runs as root, where Chromium's sandbox cannot start; nothing here may leave loopback.
    args: ['--no-sandbox', '--no-proxy-server', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
});

after(async () => {
  await browser?.close();
  if (gatewayProcess && gatewayProcess.exitCode === null) {
    const exited = new Promise((resolve) => gatewayProcess.on('exit', resolve));
    gatewayProcess.kill('SIGTERM');
    await exited;
  }
  foreignServer?.close();
  allowedServer?.close();
});

// A page on `origin`, with a log of what the browser saw of the requests it sent to the gateway.
async function openPage(origin) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const seen = { answered: [], failed: [] };
  page.on('requestfinished', async (request) => {
    if (!request.url().startsWith(gateway)) return;
    const response = await request.response();
    seen.answered.push(`${request.method()} ${new URL(request.url()).pathname} ${response?.status()}`);
  });
  page.on('requestfailed', (request) => {
    if (request.url().startsWith(gateway))
      seen.failed.push(`${request.method()} ${new URL(request.url()).pathname}`);
  });
  page.on('pageerror', (error) => console.log(`page error: ${error.message}`));
  await page.goto(`${origin}/`);
  return { context, page, seen };
}

test('a page of another origin cannot reach the provider through Gatehouse, nor read an answer', async () => {
  const callsBefore = upstreamModelCalls();
  const { context, page, seen } = await openPage(originOf(foreignServer));
  const body = {
    chat: JSON.stringify({ model: 'chat:m1', messages: [{ role: 'user', content: 'hello' }] }),
    messages: JSON.stringify({ model: 'claude:m1', max_tokens: 50, messages: [{ role: 'user', content: 'hello' }] }),
    responses: JSON.stringify({ model: 'resp:m1', input: 'hello' }),
  };
  const targets = [
    { path: '/v1/chat/completions', body: body.chat },
    { path: '/v1/messages', body: body.messages },
    { path: '/v1/responses', body: body.responses },
  ];
  // The page knows the access key and puts it everywhere a key could go (headers where CORS
  // allows them, the query, form fields): only the origin check stands between it and the
  // provider.
  const results = await page.evaluate(async ({ gateway, key, targets }) => {
    const outcome = async (promise) => {
      try {
        const response = await promise;
        let text = null;
        try { text = await response.text(); } catch { /* unreadable */ }
        return { resolved: true, type: response.type, status: response.status, text };
      } catch (error) {
        return { resolved: false, error: error.name };
      }
    };
    const out = {};
    for (const { path, body } of targets) {
      const url = gateway + path;
      const withKey = `${url}?key=${key}`;
      out[path] = {
        json: await outcome(fetch(url, {
          method: 'POST', body,
          headers: { 'content-type': 'application/json', authorization: `Bearer ${key}`, 'x-api-key': key },
        })),
        textPlain: await outcome(fetch(withKey, { method: 'POST', body, headers: { 'content-type': 'text/plain' } })),
        noCors: await outcome(fetch(withKey, { method: 'POST', body, mode: 'no-cors' })),
        getWithQuery: await outcome(fetch(`${withKey}&model=chat%3Am1`)),
        beaconText: navigator.sendBeacon(withKey, body),
        beaconForm: navigator.sendBeacon(withKey, new Blob([`model=chat:m1&key=${key}`],
          { type: 'application/x-www-form-urlencoded' })),
      };
      // Form posts, submitted by script into a frame, as a page would do it hidden.
      for (const enctype of ['application/x-www-form-urlencoded', 'text/plain']) {
        const form = document.createElement('form');
        form.method = 'POST';
        form.action = withKey;
        form.enctype = enctype;
        form.target = 'sink';
        const input = document.createElement('input');
        input.type = 'hidden';
        // text/plain posts name=value: this name and value make the body one JSON object.
        input.name = body.slice(0, -1) + ', "pad": "';
        input.value = '"}';
        form.append(input);
        document.body.append(form);
        const frame = document.querySelector('iframe[name=sink]');
        const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
        form.submit();
        await loaded;
        let readable;
        try { readable = frame.contentDocument !== null && frame.contentDocument.body !== null; } catch { readable = false; }
        out[path][`form ${enctype}`] = { readable };
        form.remove();
      }
    }
    return out;
  }, { gateway, key, targets });

  for (const [path, r] of Object.entries(results)) {
    for (const kind of ['json', 'textPlain', 'getWithQuery']) {
      assert.equal(r[kind].resolved, false, `${path} ${kind}: fetch must reject: ${JSON.stringify(r[kind])}`);
      assert.equal(r[kind].error, 'TypeError', `${path} ${kind}`);
    }
    // A no-cors request gets an opaque answer: no status, no body.
    assert.deepEqual(r.noCors, { resolved: true, type: 'opaque', status: 0, text: '' }, `${path} no-cors`);
    assert.equal(r['form application/x-www-form-urlencoded'].readable, false, `${path} form`);
    assert.equal(r['form text/plain'].readable, false, `${path} text/plain form`);
  }
  // Every request reached Gatehouse and was refused there: wait for all of them (beacons are
  // sent in the background), then check none of them got through.
  await eventually(() => seen.answered.length + seen.failed.length >= 3 * 8,
    `the browser to finish every request (${JSON.stringify(seen)})`);
  const statuses = seen.answered.map((s) => s.split(' ').pop());
  assert.ok(statuses.length > 0 && statuses.every((s) => s === '403'), JSON.stringify(seen));
  console.log(`foreign origin: browser saw ${JSON.stringify(seen)}`);
  await context.close();
  assert.equal(upstreamModelCalls() - callsBefore, 0, 'no request of the foreign page reached the provider');
});

test('the official SDKs work from an allowed origin, streaming and not', async () => {
  const callsBefore = upstreamModelCalls();
  const { context, page } = await openPage(originOf(allowedServer));
  const results = await page.evaluate(async ({ gateway, key }) => {
    const sent = {};
    // The SDKs' own fetch, recording the header names each call carried.
    const recordingFetch = (sdk) => (url, init) => {
      const names = [...new Headers(init?.headers).keys()];
      sent[sdk] = [...new Set([...(sent[sdk] ?? []), ...names])].sort();
      return fetch(url, init);
    };
    const openai = new window.OpenAI({
      baseURL: `${gateway}/v1`, apiKey: key, dangerouslyAllowBrowser: true, maxRetries: 0,
      fetch: recordingFetch('openai'),
    });
    const anthropic = new window.Anthropic({
      baseURL: gateway, apiKey: key, dangerouslyAllowBrowser: true, maxRetries: 0,
      fetch: recordingFetch('anthropic'),
    });
    const out = {};
    const messages = [{ role: 'user', content: 'hello' }];

    const { data: chat, response: chatResponse, request_id: chatRequestId } =
      await openai.chat.completions.create({ model: 'chat:m1', messages }).withResponse();
    out.chat = {
      text: chat.choices[0].message.content, requestId: chatRequestId,
      provider: chatResponse.headers.get('x-gatehouse-provider'),
    };
    let text = '';
    for await (const chunk of await openai.chat.completions.create({ model: 'chat:m1', messages, stream: true }))
      text += chunk.choices[0]?.delta?.content ?? '';
    out.chatStream = text;

    const translated = await openai.chat.completions.create({ model: 'claude:m1', messages });
    out.chatToClaude = translated.choices[0].message.content;

    const response = await openai.responses.create({ model: 'resp:m1', input: 'hello' });
    out.responses = response.output_text;
    text = '';
    for await (const event of await openai.responses.create({ model: 'resp:m1', input: 'hello', stream: true }))
      if (event.type === 'response.output_text.delta') text += event.delta;
    out.responsesStream = text;

    const { data: message, response: messageResponse } =
      await anthropic.messages.create({ model: 'claude:m1', max_tokens: 100, messages }).withResponse();
    out.messages = {
      text: message.content[0].text,
      requestId: messageResponse.headers.get('x-request-id'),
      model: messageResponse.headers.get('x-gatehouse-model'),
    };
    text = '';
    for await (const event of await anthropic.messages.create({ model: 'claude:m1', max_tokens: 100, messages, stream: true }))
      if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') text += event.delta.text;
    out.messagesStream = text;
    text = '';
    const helper = anthropic.messages.stream({ model: 'chat:m1', max_tokens: 100, messages });
    helper.on('text', (delta) => { text += delta; });
    await helper.finalMessage();
    out.messagesStreamHelper = text;

    // Errors come back readable too, in the endpoint's shape.
    try {
      await openai.chat.completions.create({ model: 'nosuchprovider:m1', messages });
      out.error = 'no error';
    } catch (error) {
      out.error = { status: error.status, requestId: error.requestID ?? error.request_id ?? null };
    }
    return { out, sent };
  }, { gateway, key });

  console.log(`headers sent by the SDKs: ${JSON.stringify(results.sent)}`);
  const r = results.out;
  assert.deepEqual(r.chat.text, 'echo: hello');
  assert.match(r.chat.requestId ?? '', /^req_/, 'x-request-id is readable');
  assert.equal(r.chat.provider, 'chat', 'x-gatehouse-provider is readable');
  assert.equal(r.chatStream, streamedText);
  assert.equal(r.chatToClaude, 'echo: hello');
  assert.equal(r.responses, 'echo: hello');
  assert.equal(r.responsesStream, streamedText);
  assert.equal(r.messages.text, 'echo: hello');
  assert.match(r.messages.requestId ?? '', /^req_/);
  assert.equal(r.messages.model, 'm1');
  assert.equal(r.messagesStream, streamedText);
  assert.equal(r.messagesStreamHelper, streamedText);
  assert.ok(r.error.status >= 400 && r.error.status < 500, JSON.stringify(r.error));
  // The calls went through the browser's CORS checks with the SDKs' own headers.
  assert.ok(results.sent.openai.some((h) => h.startsWith('x-stainless-')), JSON.stringify(results.sent));
  assert.ok(results.sent.anthropic.includes('anthropic-dangerous-direct-browser-access'));
  await context.close();
  await eventually(() => upstreamModelCalls() - callsBefore === 8, 'eight model calls at the provider');
});

test('the Google Gen AI SDK works from an allowed origin, streaming and not', async () => {
  const callsBefore = upstreamModelCalls();
  const { context, page } = await openPage(originOf(allowedServer));
  const results = await page.evaluate(async ({ gateway, key }) => {
    // The SDK takes no fetch of its own: the page's, recording the header names each call carried.
    const sent = new Set();
    const pageFetch = window.fetch;
    window.fetch = (url, init) => {
      for (const name of new Headers(init?.headers).keys()) sent.add(name);
      return pageFetch(url, init);
    };
    const google = new window.GoogleGenAI({ apiKey: key, httpOptions: { baseUrl: gateway } });
    const out = {};
    const r = await google.models.generateContent({ model: 'gem:m1', contents: 'hello' });
    out.gemini = r.text;
    out.translated = (await google.models.generateContent({ model: 'claude:m1', contents: 'hello' })).text;
    let text = '';
    for await (const chunk of await google.models.generateContentStream({ model: 'chat:m1', contents: 'hello' }))
      text += chunk.text ?? '';
    out.stream = text;
    out.tokens = (await google.models.countTokens({ model: 'gem:m1', contents: 'hello' })).totalTokens;
    try {
      await google.models.generateContent({ model: 'nosuchprovider:m1', contents: 'hello' });
      out.error = 'no error';
    } catch (error) {
      out.error = { status: error.status, notFound: /NOT_FOUND/.test(error.message) };
    }
    window.fetch = pageFetch;
    return { out, sent: [...sent].sort() };
  }, { gateway, key });

  console.log(`headers sent by the Google Gen AI SDK: ${JSON.stringify(results.sent)}`);
  const r = results.out;
  assert.equal(r.gemini, 'echo: hello');
  assert.equal(r.translated, 'echo: hello');
  assert.equal(r.stream, streamedText);
  assert.equal(r.tokens, 12);
  assert.deepEqual(r.error, { status: 404, notFound: true });
  // Through the browser's CORS checks with the SDK's own headers.
  assert.ok(results.sent.includes('x-goog-api-key'), JSON.stringify(results.sent));
  assert.ok(results.sent.includes('x-goog-api-client'), JSON.stringify(results.sent));
  await context.close();
  await eventually(() => upstreamModelCalls() - callsBefore === 4, 'four model calls at the provider');
});
