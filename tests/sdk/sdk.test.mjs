// Real clients, written by others, against the gateway: every pairing of client surface
// (OpenAI SDK's Chat Completions and Responses, Anthropic SDK, Google Gen AI SDK, the ollama
// library) and provider surface (openai, responses, anthropic, ollama, gemini), streaming and
// not, with tool calls, stored
// responses and errors. Run by run-sdk-tests.sh, which starts the gateway and a fake upstream.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';
import { Ollama } from 'ollama';
import { GoogleGenAI } from '@google/genai';

const base = process.env.GATEHOUSE_URL;
const key = process.env.GATEHOUSE_KEY;
assert.ok(base && key, 'GATEHOUSE_URL and GATEHOUSE_KEY must be set');

const openai = new OpenAI({ baseURL: `${base}/v1`, apiKey: key, maxRetries: 0, timeout: 15000 });
const anthropic = new Anthropic({ baseURL: base, apiKey: key, maxRetries: 0, timeout: 15000 });
// Ollama clients send no key of their own; on the main port it goes as a bearer token.
const ollama = new Ollama({ host: base, headers: { Authorization: `Bearer ${key}` } });
const google = new GoogleGenAI({ apiKey: key, httpOptions: { baseUrl: base, timeout: 15000 } });
const googleTools = [{
  functionDeclarations: [{
    name: 'weather', description: 'Current weather in a city',
    parameters: { type: 'OBJECT', properties: { city: { type: 'STRING' } }, required: ['city'] },
  }],
}];

const openaiTools = [{
  type: 'function',
  function: {
    name: 'weather', description: 'Current weather in a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
}];
const anthropicTools = [{
  name: 'weather', description: 'Current weather in a city',
  input_schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
}];
const streamedText = 'tok0 tok1 tok2 tok3 tok4 ';

const responsesTools = [{
  type: 'function', name: 'weather', description: 'Current weather in a city',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
}];

const ollamaTools = openaiTools;

for (const provider of ['chat', 'resp', 'claude', 'olla', 'gem']) {
  const model = `${provider}:m1`;

  test(`ollama library -> ${provider}: chat`, async () => {
    const r = await ollama.chat({ model, messages: [{ role: 'user', content: 'hello' }] });
    assert.equal(r.message.role, 'assistant');
    assert.equal(r.message.content, 'echo: hello');
    assert.equal(r.done, true);
    assert.equal(r.done_reason, 'stop');
    assert.ok(r.prompt_eval_count > 0 && r.eval_count > 0);
  });

  test(`ollama library -> ${provider}: chat streamed`, async () => {
    const stream = await ollama.chat({ model, stream: true, messages: [{ role: 'user', content: 'hello' }] });
    let text = '';
    let parts = 0;
    let last = null;
    for await (const part of stream) {
      text += part.message.content;
      parts += 1;
      last = part;
    }
    assert.equal(text, streamedText);
    assert.ok(parts >= 6, `${parts} parts`);
    assert.equal(last.done, true);
    assert.ok(last.eval_count > 0);
  });

  test(`ollama library -> ${provider}: generate`, async () => {
    const r = await ollama.generate({ model, prompt: 'hello', system: 'Be brief.' });
    assert.equal(r.response, 'echo: hello');
    assert.equal(r.done, true);
  });

  test(`ollama library -> ${provider}: tool call and its result`, async () => {
    const messages = [{ role: 'user', content: 'Weather in Oslo?' }];
    const r = await ollama.chat({ model, tools: ollamaTools, messages });
    const call = r.message.tool_calls[0];
    assert.equal(call.function.name, 'weather');
    assert.deepEqual(call.function.arguments, { city: 'Oslo' });
    messages.push(r.message, { role: 'tool', tool_name: 'weather', content: '-3 C' });
    const r2 = await ollama.chat({ model, tools: ollamaTools, messages });
    assert.match(r2.message.content, /^echo:/);
  });

  test(`ollama library -> ${provider}: streamed tool call`, async () => {
    const stream = await ollama.chat({
      model, stream: true, tools: ollamaTools, messages: [{ role: 'user', content: 'Weather in Oslo?' }],
    });
    const calls = [];
    for await (const part of stream) calls.push(...(part.message.tool_calls ?? []));
    assert.equal(calls.length, 1);
    assert.equal(calls[0].function.name, 'weather');
    assert.deepEqual(calls[0].function.arguments, { city: 'Oslo' });
  });

  test(`ollama library -> ${provider}: unknown model`, async () => {
    await assert.rejects(
      ollama.chat({ model: `${provider}-typo:m1`, messages: [{ role: 'user', content: 'x' }] }),
      (e) => e.status_code === 404 && typeof e.error === 'string' && e.error.length > 0);
  });

  test(`OpenAI SDK -> ${provider}: chat completion`, async () => {
    const r = await openai.chat.completions.create({ model, messages: [{ role: 'user', content: 'hello' }] });
    assert.equal(r.choices[0].message.content, 'echo: hello');
    assert.equal(r.choices[0].finish_reason, 'stop');
    assert.ok(r.usage.total_tokens > 0);
  });

  test(`OpenAI SDK -> ${provider}: streaming with usage`, async () => {
    const stream = await openai.chat.completions.create({
      model, stream: true, stream_options: { include_usage: true }, messages: [{ role: 'user', content: 'hello' }],
    });
    let text = '';
    let usage = null;
    let finish = null;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta?.content ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
      if (chunk.usage) usage = chunk.usage;
    }
    assert.equal(text, streamedText);
    assert.equal(finish, 'stop');
    assert.ok(usage && usage.completion_tokens > 0);
  });

  test(`OpenAI SDK -> ${provider}: tool call and its result`, async () => {
    const messages = [{ role: 'user', content: 'Weather in Oslo?' }];
    const r = await openai.chat.completions.create({ model, tools: openaiTools, messages });
    assert.equal(r.choices[0].finish_reason, 'tool_calls');
    const call = r.choices[0].message.tool_calls[0];
    assert.equal(call.function.name, 'weather');
    assert.deepEqual(JSON.parse(call.function.arguments), { city: 'Oslo' });
    messages.push(r.choices[0].message, { role: 'tool', tool_call_id: call.id, content: '-3 C' });
    const r2 = await openai.chat.completions.create({ model, tools: openaiTools, messages });
    assert.match(r2.choices[0].message.content, /^echo:/);
  });

  test(`OpenAI SDK -> ${provider}: streamed tool call`, async () => {
    const stream = await openai.chat.completions.create({
      model, stream: true, tools: openaiTools, messages: [{ role: 'user', content: 'Weather in Oslo?' }],
    });
    let name = '';
    let args = '';
    let finish = null;
    for await (const chunk of stream) {
      for (const call of chunk.choices[0]?.delta?.tool_calls ?? []) {
        name += call.function?.name ?? '';
        args += call.function?.arguments ?? '';
      }
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    assert.equal(name, 'weather');
    assert.deepEqual(JSON.parse(args), { city: 'Oslo' });
    assert.equal(finish, 'tool_calls');
  });

  test(`Anthropic SDK -> ${provider}: message`, async () => {
    const m = await anthropic.messages.create({ model, max_tokens: 100, messages: [{ role: 'user', content: 'hello' }] });
    assert.equal(m.type, 'message');
    assert.equal(m.content[0].text, 'echo: hello');
    assert.equal(m.stop_reason, 'end_turn');
    assert.ok(m.usage.output_tokens > 0);
  });

  test(`Anthropic SDK -> ${provider}: streaming`, async () => {
    const stream = anthropic.messages.stream({ model, max_tokens: 100, messages: [{ role: 'user', content: 'hello' }] });
    let deltas = 0;
    stream.on('text', () => { deltas += 1; });
    const final = await stream.finalMessage();
    assert.equal(final.content[0].text, streamedText);
    assert.equal(deltas, 5);
    assert.equal(final.stop_reason, 'end_turn');
    assert.ok(final.usage.output_tokens > 0);
  });

  test(`Anthropic SDK -> ${provider}: tool use and its result`, async () => {
    const messages = [{ role: 'user', content: 'Weather in Oslo?' }];
    const m = await anthropic.messages.create({ model, max_tokens: 100, tools: anthropicTools, messages });
    assert.equal(m.stop_reason, 'tool_use');
    const use = m.content.find((b) => b.type === 'tool_use');
    assert.equal(use.name, 'weather');
    assert.deepEqual(use.input, { city: 'Oslo' });
    messages.push({ role: 'assistant', content: m.content },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: use.id, content: '-3 C' }] });
    const m2 = await anthropic.messages.create({ model, max_tokens: 100, tools: anthropicTools, messages });
    assert.match(m2.content[0].text, /^echo:/);
  });

  test(`Anthropic SDK -> ${provider}: streamed tool use`, async () => {
    const stream = anthropic.messages.stream({
      model, max_tokens: 100, tools: anthropicTools, messages: [{ role: 'user', content: 'Weather in Oslo?' }],
    });
    const final = await stream.finalMessage();
    const use = final.content.find((b) => b.type === 'tool_use');
    assert.deepEqual(use.input, { city: 'Oslo' });
    assert.equal(final.stop_reason, 'tool_use');
  });

  test(`OpenAI SDK responses.create -> ${provider}`, async () => {
    const r = await openai.responses.create({ model, input: 'hello', instructions: 'Be brief.' });
    assert.equal(r.object, 'response');
    assert.equal(r.status, 'completed');
    assert.equal(r.output_text, 'echo: hello');
    assert.ok(r.usage.input_tokens > 0 && r.usage.output_tokens > 0);
    assert.equal(r.usage.total_tokens, r.usage.input_tokens + r.usage.output_tokens);
  });

  test(`OpenAI SDK responses.stream -> ${provider}`, async () => {
    const stream = openai.responses.stream({ model, input: [{ role: 'user', content: 'hello' }] });
    const types = [];
    let text = '';
    let last = -1;
    for await (const event of stream) {
      types.push(event.type);
      assert.ok(event.sequence_number > last, 'sequence numbers grow');
      last = event.sequence_number;
      if (event.type === 'response.output_text.delta') text += event.delta;
    }
    const final = await stream.finalResponse();
    assert.equal(text, streamedText);
    assert.equal(final.output_text, streamedText);
    assert.deepEqual(types.slice(0, 4), ['response.created', 'response.in_progress',
      'response.output_item.added', 'response.content_part.added']);
    assert.deepEqual(types.slice(-4), ['response.output_text.done', 'response.content_part.done',
      'response.output_item.done', 'response.completed']);
    assert.equal(types.filter((t) => t === 'response.output_text.delta').length, 5);
    assert.ok(final.usage.output_tokens > 0);
  });

  test(`OpenAI SDK responses: function call, then its output after previous_response_id -> ${provider}`, async () => {
    const first = await openai.responses.create({ model, tools: responsesTools, input: 'Weather in Oslo?' });
    const call = first.output.find((item) => item.type === 'function_call');
    assert.ok(call, 'a function call');
    assert.equal(call.name, 'weather');
    assert.deepEqual(JSON.parse(call.arguments), { city: 'Oslo' });
    // Gatehouse keeps the first response, so any provider can continue the conversation.
    const second = await openai.responses.create({
      model, tools: responsesTools, previous_response_id: first.id,
      input: [{ type: 'function_call_output', call_id: call.call_id, output: '-3 C' }],
    });
    assert.match(second.output_text, /^echo:/);
    assert.notEqual(second.id, first.id);
  });

  test(`OpenAI SDK responses: streamed function call -> ${provider}`, async () => {
    const stream = openai.responses.stream({ model, tools: responsesTools, input: 'Weather in Oslo?' });
    let args = '';
    for await (const event of stream) {
      if (event.type === 'response.function_call_arguments.delta') args += event.delta;
    }
    const final = await stream.finalResponse();
    assert.deepEqual(JSON.parse(args), { city: 'Oslo' });
    const call = final.output.find((item) => item.type === 'function_call');
    assert.deepEqual(JSON.parse(call.arguments), { city: 'Oslo' });
  });

  test(`OpenAI SDK responses: stored, listed, deleted -> ${provider}`, async () => {
    const r = await openai.responses.create({ model, input: 'keep me' });
    const again = await openai.responses.retrieve(r.id);
    assert.equal(again.id, r.id);
    assert.equal(again.output_text, 'echo: keep me');
    const items = await openai.responses.inputItems.list(r.id);
    assert.equal(items.data.length, 1);
    assert.equal(items.data[0].role, 'user');
    assert.ok(items.data[0].id);
    await openai.responses.delete(r.id);
    await assert.rejects(openai.responses.retrieve(r.id), (e) => e.status === 404);
    const unstored = await openai.responses.create({ model, input: 'forget me', store: false });
    await assert.rejects(openai.responses.retrieve(unstored.id), (e) => e.status === 404);
  });

  test(`Google Gen AI SDK -> ${provider}: generateContent`, async () => {
    const r = await google.models.generateContent({
      model, contents: 'hello', config: { systemInstruction: 'Be brief.', temperature: 0.5 },
    });
    assert.equal(r.text, 'echo: hello');
    assert.equal(r.candidates[0].finishReason, 'STOP');
    assert.ok(r.usageMetadata.totalTokenCount > 0);
    assert.ok(r.usageMetadata.promptTokenCount > 0);
  });

  test(`Google Gen AI SDK -> ${provider}: generateContentStream`, async () => {
    const stream = await google.models.generateContentStream({ model, contents: 'hello' });
    let text = '';
    let finish = null;
    let usage = null;
    for await (const chunk of stream) {
      text += chunk.text ?? '';
      finish = chunk.candidates?.[0]?.finishReason ?? finish;
      usage = chunk.usageMetadata ?? usage;
    }
    assert.equal(text, streamedText);
    assert.equal(finish, 'STOP');
    assert.ok(usage && usage.totalTokenCount > 0);
  });

  test(`Google Gen AI SDK -> ${provider}: function call and its response`, async () => {
    const contents = [{ role: 'user', parts: [{ text: 'Weather in Oslo?' }] }];
    const r = await google.models.generateContent({ model, contents, config: { tools: googleTools } });
    const call = r.functionCalls[0];
    assert.equal(call.name, 'weather');
    assert.deepEqual(call.args, { city: 'Oslo' });
    contents.push(r.candidates[0].content, {
      role: 'user', parts: [{ functionResponse: { id: call.id, name: call.name, response: { output: '-3 C' } } }],
    });
    const r2 = await google.models.generateContent({ model, contents, config: { tools: googleTools } });
    assert.match(r2.text, /^echo:/);
  });

  test(`Google Gen AI SDK -> ${provider}: streamed function call`, async () => {
    const stream = await google.models.generateContentStream({
      model, contents: 'Weather in Oslo?', config: { tools: googleTools },
    });
    const calls = [];
    for await (const chunk of stream) calls.push(...(chunk.functionCalls ?? []));
    assert.equal(calls.length, 1);
    assert.equal(calls[0].name, 'weather');
    assert.deepEqual(calls[0].args, { city: 'Oslo' });
  });

  test(`Google Gen AI SDK -> ${provider}: countTokens`, async () => {
    if (provider === 'gem') {
      const r = await google.models.countTokens({ model, contents: 'hello' });
      assert.equal(r.totalTokens, 12);
      return;
    }
    // Only a Gemini provider counts Gemini's tokens; Gatehouse does not guess.
    await assert.rejects(google.models.countTokens({ model, contents: 'hello' }),
      (e) => e.status === 400 && /token counting/.test(e.message));
  });

  test(`SDK errors -> ${provider}: unknown provider`, async () => {
    await assert.rejects(
      google.models.generateContent({ model: `${provider}-typo:m1`, contents: 'x' }),
      (e) => e.status === 404 && /NOT_FOUND/.test(e.message));
    await assert.rejects(
      openai.chat.completions.create({ model: `${provider}-typo:m1`, messages: [{ role: 'user', content: 'x' }] }),
      (e) => e.status === 404 && typeof e.message === 'string');
    await assert.rejects(
      anthropic.messages.create({ model: `${provider}-typo:m1`, max_tokens: 10, messages: [{ role: 'user', content: 'x' }] }),
      (e) => e.status === 404 && e.error?.error?.type === 'not_found_error');
  });
}

test('ollama library: list and show models of every provider', async () => {
  const list = await ollama.list();
  const names = list.models.map((m) => m.name);
  for (const provider of ['chat', 'resp', 'claude', 'olla']) {
    assert.ok(names.some((n) => n.startsWith(`${provider}:`)), `${provider} in ${names}`);
  }
  for (const m of list.models) {
    assert.equal(typeof m.digest, 'string');
    assert.ok(m.details && typeof m.details === 'object');
  }
  const local = await ollama.show({ model: names.find((n) => n.startsWith('olla:')) });
  assert.ok(local.capabilities.includes('completion'));
  assert.equal(local.model_info['general.architecture'], 'fake');
  const cloud = await ollama.show({ model: 'chat:m1' });
  assert.ok(cloud.capabilities.includes('completion'));
  assert.ok(cloud.details);
});

test('ollama library: embeddings from an OpenAI provider and an Ollama one', async () => {
  for (const model of ['chat:text-embed', 'olla:m1']) {
    const r = await ollama.embed({ model, input: ['a', 'b'] });
    assert.ok(Array.isArray(r.embeddings) && r.embeddings.length >= 1, model);
    assert.ok(r.embeddings[0].length > 0);
  }
});

test('ollama library: a wrong access key is refused in Ollama\'s shape', async () => {
  const bad = new Ollama({ host: base, headers: { Authorization: 'Bearer ghk_wrong' } });
  await assert.rejects(bad.list(), (e) => e.status_code === 401 && typeof e.error === 'string');
});

test('OpenAI SDK responses: an unknown previous_response_id is a 404', async () => {
  await assert.rejects(
    openai.responses.create({ model: 'chat:m1', previous_response_id: 'resp_nope', input: 'x' }),
    (e) => e.status === 404 && e.error?.param === 'previous_response_id');
});

test('Google Gen AI SDK: models.list and models.get', async () => {
  const names = [];
  for await (const m of await google.models.list()) names.push(m.name);
  // The fake's models, asked of each provider on its own surface.
  for (const provider of ['chat', 'resp', 'claude', 'gem'])
    assert.ok(names.includes(`models/${provider}:echo-1`), names.join(','));
  const m = await google.models.get({ model: 'gem:echo-2' });
  assert.equal(m.name, 'models/gem:echo-2');
  assert.ok(m.supportedActions.includes('generateContent'), JSON.stringify(m));
  await assert.rejects(google.models.get({ model: 'gem:nope' }), (e) => e.status === 404);
});

test('SDK errors: a wrong access key is refused in each shape', async () => {
  const badOpenai = new OpenAI({ baseURL: `${base}/v1`, apiKey: 'ghk_wrong', maxRetries: 0 });
  await assert.rejects(badOpenai.models.list(), (e) => e.status === 401);
  const badGoogle = new GoogleGenAI({ apiKey: 'ghk_wrong', httpOptions: { baseUrl: base } });
  await assert.rejects(badGoogle.models.generateContent({ model: 'gem:m1', contents: 'x' }),
    (e) => e.status === 401 && /UNAUTHENTICATED/.test(e.message));
  const badAnthropic = new Anthropic({ baseURL: base, apiKey: 'ghk_wrong', maxRetries: 0 });
  await assert.rejects(
    badAnthropic.messages.create({ model: 'claude:m1', max_tokens: 10, messages: [{ role: 'user', content: 'x' }] }),
    (e) => e.status === 401 && e.error?.error?.type === 'authentication_error');
});

// The keyless Ollama API listener ("gatehouse ollama-api enable"), as Ollama clients use it:
// no key at all, under the key configuration it was given (chat:* and olla:* only).
const keylessUrl = process.env.GATEHOUSE_OLLAMA_URL;
const keyless = new Ollama({ host: keylessUrl });

test('ollama library, no key: lists only what the listener\'s key configuration allows', async () => {
  assert.ok(keylessUrl, 'GATEHOUSE_OLLAMA_URL must be set');
  const names = (await keyless.list()).models.map((m) => m.name);
  assert.ok(names.some((n) => n.startsWith('chat:')), `${names}`);
  assert.ok(names.some((n) => n.startsWith('olla:')), `${names}`);
  assert.ok(!names.some((n) => n.startsWith('claude:') || n.startsWith('resp:')), `${names}`);
  const shown = await keyless.show({ model: names.find((n) => n.startsWith('olla:')) });
  assert.ok(shown.capabilities.includes('completion'));
});

test('ollama library, no key: chat streamed and not, to an allowed provider of each surface', async () => {
  for (const model of ['chat:m1', 'olla:m1']) {
    const r = await keyless.chat({ model, messages: [{ role: 'user', content: 'hello' }] });
    assert.equal(r.message.role, 'assistant');
    assert.ok(r.message.content.length > 0, model);
    const stream = await keyless.chat({ model, stream: true, messages: [{ role: 'user', content: 'hello' }] });
    let text = '';
    let done = false;
    for await (const part of stream) {
      text += part.message.content;
      done = done || part.done;
    }
    assert.equal(text, streamedText, model);
    assert.ok(done);
  }
});

test('ollama library, no key: a model outside the configuration is refused', async () => {
  await assert.rejects(
    keyless.chat({ model: 'claude:m1', messages: [{ role: 'user', content: 'x' }] }),
    (e) => e.status_code === 403 && typeof e.error === 'string');
});
