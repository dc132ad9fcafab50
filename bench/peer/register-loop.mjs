// Scenario 2 of bench/: the registration workload written the way Alibaba's docs show it with the official Node.js
// SDK (@alicloud/pop-core, pinned in package.json / package-lock.json): one RegisterMedia call per file, awaited in a
// for loop. The one addition any user needs under the quota: on Throttling.User, wait a second and retry that file
// (without it the files are simply lost). Keys are those the bench seeder wrote: <prefix>NNNN/clip-NNNNNNN.mp4.
// Usage: node register-loop.mjs http://127.0.0.1:PORT BUCKET PREFIX COUNT [MAXSECONDS]
// Prints one JSON line: files registered, throttled answers, other errors, seconds, files/s.
import RPCClient from '@alicloud/pop-core';

const [baseUrl, bucket, prefix, countText, maxSecondsText = '120'] = process.argv.slice(2);
if (!baseUrl || !bucket || !prefix || !countText) {
  console.error('usage: node register-loop.mjs http://127.0.0.1:PORT BUCKET PREFIX COUNT [MAXSECONDS]');
  process.exit(2);
}
const count = Number(countText);
const maxMs = Number(maxSecondsText) * 1000;
const client = new RPCClient({
  accessKeyId: 'VODEMULATORKEYID', accessKeySecret: 'VodEmulatorSecretKey', endpoint: baseUrl, apiVersion: '2017-03-21',
});

let registered = 0, throttled = 0, errors = 0;
const start = Date.now();
for (let i = 0; i < count && Date.now() - start < maxMs; i++) {
  const key = `${prefix}${String(Math.floor(i / 1000)).padStart(4, '0')}/clip-${String(i).padStart(7, '0')}.mp4`;
  const params = {
    RegisterMetadatas: JSON.stringify([{ FileURL: `https://${bucket}.oss-cn-shanghai.aliyuncs.com/${key}`, Title: `clip-${i}` }]),
    TemplateGroupId: 'VOD_NO_TRANSCODE',
  };
  for (let attempt = 0; attempt < 10; attempt++) {
    try {
      const result = await client.request('RegisterMedia', params, { method: 'POST' });
      if (result.RegisteredMediaList?.length === 1) registered++; else errors++;
      break;
    } catch (e) {
      if (e.code === 'Throttling.User') { throttled++; await new Promise(r => setTimeout(r, 1000)); continue; }
      errors++;
      break;
    }
  }
}
const seconds = (Date.now() - start) / 1000;
console.log(JSON.stringify({ registered, throttled, errors, seconds: Number(seconds.toFixed(2)), filesPerSecond: Number((registered / seconds).toFixed(1)) }));
