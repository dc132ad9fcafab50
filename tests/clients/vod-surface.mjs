// Drives the VOD surface beyond registration with Alibaba Cloud's official Node.js clients, unchanged, against a running
// VodTools emulator that plays RAM (no --lenient): categories, uploads through VOD's upload credentials (ali-oss multipart
// and RefreshUploadVideo, in path style and virtual-host addressing), VOD's own transcode of an upload, images, media
// updates, SearchMedia with a ScrollToken, a pull from a URL, signed HTTP callbacks, GetPlayInfo and a ranged GET of the
// play URL, the transcode summary and list, MTS media buckets, and RAM users held to their policies.
// Usage: node vod-surface.mjs http://127.0.0.1:PORT [accessKeyId accessKeySecret]
// Prints one line per check and "N passed, N failed"; exits non-zero when any check failed.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import OSS from 'ali-oss';
import RPCClient from '@alicloud/pop-core';
import { assert, check, expectRefused, finish } from './checks.mjs';

const [baseUrl, accessKeyId = 'VODEMULATORKEYID', accessKeySecret = 'VodEmulatorSecretKey'] = process.argv.slice(2);
if (!baseUrl) {
  console.error('usage: node vod-surface.mjs http://127.0.0.1:PORT [accessKeyId accessKeySecret]');
  process.exit(2);
}
const port = new URL(baseUrl).port;
async function until(condition, what, seconds = 20) {
  for (const deadline = Date.now() + seconds * 1000; Date.now() < deadline;) {
    const value = await condition();
    if (value) return value;
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const rpc = (apiVersion, key = { accessKeyId, accessKeySecret }) => new RPCClient({ ...key, endpoint: baseUrl, apiVersion });
const vod = rpc('2017-03-21');
const ram = rpc('2015-05-01');
const mts = rpc('2014-06-18');
const post = { method: 'POST' };
const decode = text => JSON.parse(Buffer.from(text, 'base64').toString('utf8'));

// A web server on loopback: GET /in/* serves a file to pull, POST receives VOD's callbacks.
const callbacks = [];
const pulledFile = Buffer.alloc(3000, 3);
const web = createServer((request, response) => {
  const chunks = [];
  request.on('data', chunk => chunks.push(chunk));
  request.on('end', () => {
    if (request.method === 'POST') {
      callbacks.push({ headers: request.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      response.end('ok');
    } else if (request.url.startsWith('/in/')) {
      response.end(pulledFile);
    } else {
      response.statusCode = 404;
      response.end();
    }
  });
});
await new Promise(resolve => web.listen(0, '127.0.0.1', resolve));
const webUrl = `http://127.0.0.1:${web.address().port}`;
const callbackUrl = `${webUrl}/vod/events`;
const authKey = 'Rehearse2026Key';
const eventsOf = type => callbacks.filter(c => c.body.EventType === type);

await check('pop-core VOD SetMessageCallback (HTTP, every event, signed)', async () => {
  await vod.request('SetMessageCallback', { CallbackType: 'HTTP', CallbackURL: callbackUrl, EventTypeList: 'ALL', AuthSwitch: 'on', AuthKey: authKey }, post);
  const read = await vod.request('GetMessageCallback', {});
  assert(read.MessageCallback.CallbackURL === callbackUrl, JSON.stringify(read));
});

// ---- categories ----
let cateId;
await check('pop-core VOD AddCategory, a subcategory, UpdateCategory and GetCategories', async () => {
  cateId = (await vod.request('AddCategory', { CateName: 'Flims' }, post)).Category.CateId;
  await vod.request('AddCategory', { CateName: 'Drama', ParentId: cateId }, post);
  await vod.request('UpdateCategory', { CateId: cateId, CateName: 'Films' }, post);
  const read = await vod.request('GetCategories', { CateId: cateId });
  assert(read.Category.CateName === 'Films' && read.SubTotal === 1, JSON.stringify(read));
});

// ---- uploads through VOD's upload credentials, in both addressing modes ----
const ossFor = (target, auth, mode) => new OSS({
  accessKeyId: auth.AccessKeyId, accessKeySecret: auth.AccessKeySecret, stsToken: auth.SecurityToken, bucket: target.Bucket,
  region: `oss-${auth.Region}`,
  // path style: a host name endpoint with sldEnable; virtual host: an IP endpoint puts the bucket in the Host header
  ...(mode === 'path style' ? { endpoint: `http://localhost:${port}`, sldEnable: true } : { endpoint: `http://127.0.0.1:${port}` }),
});
const uploads = {};
for (const mode of ['path style', 'virtual host']) {
  await check(`pop-core CreateUploadVideo + ali-oss multipartUpload with its credentials (${mode})`, async () => {
    const created = await vod.request('CreateUploadVideo', {
      Title: `upload ${mode}`, FileName: 'clip.mp4', CateId: cateId, UserData: JSON.stringify({ Extend: { run: mode } }),
    }, post);
    const target = decode(created.UploadAddress);
    const auth = decode(created.UploadAuth);
    assert(!target.FileName.includes(created.VideoId) && auth.ExpireUTCTime && auth.Expiration === '3600', JSON.stringify(auth));
    await ossFor(target, auth, mode).multipartUpload(target.FileName, Buffer.alloc(250 * 1024, 9), { partSize: 100 * 1024 });
    uploads[mode] = { videoId: created.VideoId, target };
  });
  await check(`pop-core RefreshUploadVideo + ali-oss put over the file with the new credentials (${mode})`, async () => {
    const refreshed = await vod.request('RefreshUploadVideo', { VideoId: uploads[mode].videoId }, post);
    const target = decode(refreshed.UploadAddress);
    assert(target.FileName === uploads[mode].target.FileName, 'the upload address changed');
    await ossFor(target, decode(refreshed.UploadAuth), mode).put(target.FileName, Buffer.alloc(200 * 1024, 8));
  });
}

await check('VOD transcodes each upload itself with the default group (ListTranscodeTask: Trigger Auto)', async () => {
  for (const { videoId } of Object.values(uploads)) {
    const tasks = (await vod.request('ListTranscodeTask', { VideoId: videoId })).TranscodeTaskList;
    assert(tasks.length >= 1 && tasks.every(t => t.Trigger === 'Auto'), JSON.stringify(tasks));
  }
});
await check('pop-core VOD GetTranscodeSummary names only unknown media as missing', async () => {
  const ids = Object.values(uploads).map(u => u.videoId);
  const summary = await vod.request('GetTranscodeSummary', { VideoIds: [...ids, 'ffffffffffffffffffffffffffffffff'].join(',') });
  assert(summary.TranscodeSummaryList.length === 2 && summary.NonExistVideoIds.join() === 'ffffffffffffffffffffffffffffffff', JSON.stringify(summary));
});
await check('signed FileUploadComplete callbacks: md5(URL|X-VOD-TIMESTAMP|key), Extend echoed', async () => {
  const uploaded = await until(() => eventsOf('FileUploadComplete').length >= 4 && eventsOf('FileUploadComplete'), 'FileUploadComplete');
  for (const event of uploaded) {
    const expected = createHash('md5').update(`${callbackUrl}|${event.headers['x-vod-timestamp']}|${authKey}`).digest('hex');
    assert(event.headers['x-vod-signature'] === expected, 'signature');
  }
  assert(uploaded.some(e => e.body.Extend === '{"run":"path style"}'), JSON.stringify(uploaded.map(e => e.body)));
});

// ---- images, updates ----
await check('pop-core VOD CreateUploadImage + ali-oss put of a cover', async () => {
  const created = await vod.request('CreateUploadImage', { ImageType: 'cover', ImageExt: 'jpg' }, post);
  const target = decode(created.UploadAddress);
  await ossFor(target, decode(created.UploadAuth), 'path style').put(target.FileName, Buffer.from('jpeg bytes'));
  const videoId = uploads['path style'].videoId;
  await vod.request('UpdateVideoInfo', { VideoId: videoId, CoverURL: created.ImageURL }, post);
  assert((await vod.request('GetVideoInfo', { VideoId: videoId })).Video.CoverURL === created.ImageURL, 'cover');
});
await check('pop-core VOD UpdateVideoInfos changes the fields given', async () => {
  const videoId = uploads['virtual host'].videoId;
  const content = [{ VideoId: videoId, Title: 'renamed', Tags: 'a,b' }];
  const result = await vod.request('UpdateVideoInfos', { UpdateContent: JSON.stringify(content) }, post);
  assert(result.NonExistVideoIds.length === 0, JSON.stringify(result));
  const video = (await vod.request('GetVideoInfo', { VideoId: videoId })).Video;
  assert(video.Title === 'renamed' && video.Tags === 'a,b' && video.CateId === cateId, JSON.stringify(video));
});

// ---- SearchMedia with a ScrollToken ----
await check('pop-core VOD SearchMedia scrolls 20 a page, at most 100 records from the current page', async () => {
  const word = `scroll${Date.now().toString(36)}`;
  for (let i = 0; i < 45; i++) await vod.request('CreateUploadVideo', { Title: `${word} ${i}`, FileName: `scroll-${i}.mp4` }, post);
  const match = `Title = '${word}' and Status in ('Uploading')`;
  const first = await vod.request('SearchMedia', { Match: match, PageSize: 20, SortBy: 'CreationTime:Asc' });
  const seen = first.MediaList.map(m => m.MediaId);
  for (const pageNo of [2, 3]) {
    const page = await vod.request('SearchMedia', { Match: match, PageNo: pageNo, PageSize: 20, SortBy: 'CreationTime:Asc', ScrollToken: first.ScrollToken });
    seen.push(...page.MediaList.map(m => m.MediaId));
  }
  assert(first.Total === 45 && new Set(seen).size === 45, `${first.Total} ${new Set(seen).size}`);
  await expectRefused(() => vod.request('SearchMedia', { Match: match, PageNo: 8, PageSize: 20, ScrollToken: first.ScrollToken }), 'InvalidParameter');
});

// ---- a pull from a URL ----
let pulledId;
await check('pop-core VOD UploadMediaByURL + GetURLUploadInfos through the documented statuses to SUCCESS', async () => {
  const source = `${webUrl}/in/pulled.mp4`;
  const submitted = await vod.request('UploadMediaByURL', {
    UploadURLs: encodeURIComponent(source), UploadMetadatas: JSON.stringify([{ SourceURL: encodeURIComponent(source), Title: 'pulled' }]),
    UserData: JSON.stringify({ Extend: 'pull' }),
  }, post);
  const jobId = submitted.UploadJobs[0].JobId;
  const statuses = ['PENDING', 'PROCESSING', 'DOWNLOADING', 'DOWNLOAD_SUCCESS', 'UPLOADING', 'UPLOAD_SUCCESS', 'SUCCESS'];
  const job = await until(async () => {
    const info = (await vod.request('GetURLUploadInfos', { JobIds: jobId })).URLUploadInfoList[0];
    assert(statuses.includes(info.Status), info.Status);
    return info.Status === 'SUCCESS' && info;
  }, 'the pull');
  pulledId = job.MediaId;
  assert(job.FileSize === String(pulledFile.length), JSON.stringify(job));
  const done = await until(() => eventsOf('UploadByURLComplete').find(e => e.body.JobId === jobId), 'UploadByURLComplete');
  assert(done.body.VideoId === pulledId && done.body.Extend === 'pull', JSON.stringify(done.body));
});
await check('a failed pull is DOWNLOAD_FAIL, and its callback has no VideoId', async () => {
  const source = `${webUrl}/missing.mp4`;
  const jobId = (await vod.request('UploadMediaByURL', { UploadURLs: encodeURIComponent(source) }, post)).UploadJobs[0].JobId;
  const failedJob = await until(async () => {
    const info = (await vod.request('GetURLUploadInfos', { JobIds: jobId })).URLUploadInfoList[0];
    return info.CompleteTime && info;
  }, 'the failed pull');
  assert(failedJob.Status === 'DOWNLOAD_FAIL', failedJob.Status);
  const event = await until(() => eventsOf('UploadByURLComplete').find(e => e.body.JobId === jobId), 'its callback');
  assert(!('VideoId' in event.body) && event.body.Status === 'fail', JSON.stringify(event.body));
});

// ---- playback ----
await check('pop-core VOD GetPlayInfo of a transcoded upload + ranged GET of its play URL', async () => {
  const videoId = uploads['path style'].videoId;
  const info = await until(async () => {
    try {
      return await vod.request('GetPlayInfo', { VideoId: videoId });
    } catch (e) {
      if (e.code === 'Forbidden.IllegalStatus') return null;
      throw e;
    }
  }, 'the transcode');
  const play = info.PlayInfoList.PlayInfo[0];
  const response = await fetch(play.PlayURL, { headers: { Range: 'bytes=0-99' } });
  assert(response.status === 206 && (await response.arrayBuffer()).byteLength === 100, `HTTP ${response.status}`);
});
await check('GetPlayInfo plays the source of an MP4 uploaded with VOD_NO_TRANSCODE (definition OD)', async () => {
  const created = await vod.request('CreateUploadVideo', { Title: 'plain', FileName: 'plain.mp4', TemplateGroupId: 'VOD_NO_TRANSCODE' }, post);
  const target = decode(created.UploadAddress);
  await ossFor(target, decode(created.UploadAuth), 'virtual host').put(target.FileName, Buffer.alloc(5000, 1));
  const play = (await vod.request('GetPlayInfo', { VideoId: created.VideoId })).PlayInfoList.PlayInfo;
  assert(play.length === 1 && play[0].Definition === 'OD' && play[0].Format === 'mp4', JSON.stringify(play));
  const response = await fetch(play[0].PlayURL, { headers: { Range: 'bytes=10-19' } });
  assert(response.status === 206, `HTTP ${response.status}`);
});
await check('pop-core VOD GetMezzanineInfo answers OutputType cdn by default', async () => {
  const mezzanine = (await vod.request('GetMezzanineInfo', { VideoId: pulledId })).Mezzanine;
  assert(mezzanine.OutputType === 'cdn' && mezzanine.Size === pulledFile.length, JSON.stringify(mezzanine));
});

// ---- MTS ----
await check('pop-core MTS ListAllMediaBucket', async () => {
  const result = await mts.request('ListAllMediaBucket', {});
  assert(Array.isArray(result.MediaBucketList.MediaBucket), JSON.stringify(result));
});

// ---- RAM users ----
await check('pop-core RAM user: its policy decides, a conditional Deny included (pop-core Forbidden.RAM, ali-oss AccessDenied)', async () => {
  const userName = `surface-${Date.now()}`;
  await ram.request('CreateUser', { UserName: userName }, post);
  const key = (await ram.request('CreateAccessKey', { UserName: userName }, post)).AccessKey;
  const readOnly = {
    Version: '1', Statement: [
      { Effect: 'Allow', Action: ['vod:Get*', 'vod:Search*', 'vod:AddCategory'], Resource: '*' },
      // from anywhere but this machine, nothing: the emulator evaluates the condition on the request's source address
      { Effect: 'Deny', Action: 'vod:*', Resource: '*', Condition: { NotIpAddress: { 'acs:SourceIp': ['127.0.0.1', '::1'] } } },
      { Effect: 'Deny', Action: 'vod:AddCategory', Resource: '*', Condition: { Bool: { 'acs:SecureTransport': 'false' } } },
    ],
  };
  const policyName = `surface-${Date.now()}`;
  await ram.request('CreatePolicy', { PolicyName: policyName, PolicyDocument: JSON.stringify(readOnly) }, post);
  await ram.request('AttachPolicyToUser', { UserName: userName, PolicyType: 'Custom', PolicyName: policyName }, post);
  const user = rpc('2017-03-21', { accessKeyId: key.AccessKeyId, accessKeySecret: key.AccessKeySecret });
  const read = await user.request('GetCategories', { CateId: cateId });
  assert(read.Category.CateName === 'Films', JSON.stringify(read));
  await expectRefused(() => user.request('AddCategory', { CateName: 'over http' }, post), 'Forbidden.RAM');
  await expectRefused(() => user.request('DeleteCategory', { CateId: cateId }, post), 'Forbidden.RAM');
  const target = uploads['path style'].target;
  const userOss = new OSS({ accessKeyId: key.AccessKeyId, accessKeySecret: key.AccessKeySecret, bucket: target.Bucket, region: 'oss-cn-shanghai', endpoint: `http://localhost:${port}`, sldEnable: true });
  const refused = await expectRefused(() => userOss.put('sneaky.mp4', Buffer.from('x')), 'AccessDenied');
  assert(refused.status === 403, `status ${refused.status}`);
});

await check('pop-core VOD DeleteCategory takes the subcategories along', async () => {
  await vod.request('DeleteCategory', { CateId: cateId }, post);
  await expectRefused(() => vod.request('GetCategories', { CateId: cateId }), 'InvalidCateId.NotFound');
});

web.close();
finish();
