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

/** Runs the call and returns its error, which must carry the code; the call succeeding fails the step. */
export async function expectRefused(call, code) {
  try {
    await call();
  } catch (e) {
    assert(e.code === code, `${e.code} ${e.message}`);
    return e;
  }
  throw new Error('the call succeeded');
}

export function finish() {
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}
