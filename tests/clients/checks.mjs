// The steps' harness of the client drives: each step named, run, counted; the process exits 1 if any failed.
let passed = 0;
let failed = 0;

export async function check(name, fn) {
  try {
    await fn();
    passed++;
    console.log(`ok   ${name}`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}: ${e.code ?? ''} ${e.message}`);
  }
}

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

export function finish() {
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}
