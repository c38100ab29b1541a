// A harness that declares its models by event type, as one parsing through an SDK's event union does, and answers
// each request with what the request said of its model.
import { createInterface } from 'node:readline';

const hello = {
  type: 'hello',
  protocol: 1,
  implementation: { name: 'event-type-harness', language: 'JavaScript', version: '0.0.0' },
  operations: { parse: ['response.output_text.delta', 'response.modelled.elsewhere'] },
};
process.stdout.write(`${JSON.stringify(hello)}\n`);
for await (const line of createInterface({ input: process.stdin })) {
  const req = JSON.parse(line);
  process.stdout.write(`${JSON.stringify({ id: req.id, ok: true, value: { model: req.model, event: req.event ?? null } })}\n`);
}
