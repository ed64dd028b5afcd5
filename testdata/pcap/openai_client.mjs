// Sends requests with the official openai npm package to the test server.
// Usage: node openai_client.mjs PORT (run where "npm install openai@4" was done).
import OpenAI from "openai";

const port = process.argv[2];
const client = new OpenAI({ apiKey: "sk-test-npm-000000000000000000000000", baseURL: `http://127.0.0.1:${port}/v1` });

await client.chat.completions.create({
  model: "test-model",
  messages: [{ role: "system", content: "You are terse." }, { role: "user", content: "Say hi ✓" }],
});
const stream = await client.chat.completions.create({
  model: "test-model",
  messages: [{ role: "user", content: "Stream please" }],
  stream: true,
});
for await (const chunk of stream) {
  // Drain the stream.
}
await client.embeddings.create({ model: "embed-model", input: "hello" });
await client.models.list();
