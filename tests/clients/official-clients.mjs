// Drives a running VodTools emulator with Alibaba Cloud's official Node.js clients, unchanged, the way a
// user would: ali-oss in path style, virtual-host (IP endpoint) and V4, then @alicloud/pop-core for
// RAM, STS and VOD, on an emulator that plays RAM (no --lenient): the seed workflow's steps come first, and a role
// without a permission is refused. Usage: node official-clients.mjs http://127.0.0.1:PORT [accessKeyId accessKeySecret]
// Prints one line per check and "N passed, N failed"; exits non-zero when any check failed.
import OSS from 'ali-oss';
import RPCClient from '@alicloud/pop-core';
import { assert, check, expectRefused, finish } from './checks.mjs';

const [baseUrl, accessKeyId = 'VODEMULATORKEYID', accessKeySecret = 'VodEmulatorSecretKey'] = process.argv.slice(2);
if (!baseUrl) {
  console.error('usage: node official-clients.mjs http://127.0.0.1:PORT [accessKeyId accessKeySecret]');
  process.exit(2);
}
const port = new URL(baseUrl).port;
const bucket = `clients-${Date.now().toString(36)}`;
const common = { accessKeyId, accessKeySecret, region: 'oss-cn-shanghai', bucket };
const pathStyle = new OSS({ ...common, endpoint: `http://localhost:${port}`, sldEnable: true });
// an IP endpoint makes ali-oss put the bucket in the Host header: bucket.oss-cn-shanghai.aliyuncs.com
const virtualHost = new OSS({ ...common, endpoint: `http://127.0.0.1:${port}` });
const pathStyleV4 = new OSS({ ...common, endpoint: `http://localhost:${port}`, sldEnable: true, authorizationV4: true });

const key = 'videos/视频 clip (1)+*~.mp4';
const media = Buffer.from('fake media for the official clients\n'.repeat(50));

await check('ali-oss putBucket (path style, V1)', async () => { await pathStyle.putBucket(bucket); });
await check('ali-oss put (path style, V1, Content-MD5)', async () => {
  const r = await pathStyle.put(key, media, { headers: { 'Content-MD5': (await import('node:crypto')).createHash('md5').update(media).digest('base64') } });
  assert(r.res.status === 200, `status ${r.res.status}`);
});
await check('ali-oss put (virtual host, V1)', async () => { await virtualHost.put('videos/second.mov', Buffer.from('second')); });
await check('ali-oss put (path style, V4)', async () => { await pathStyleV4.put('audio/third.mp3', Buffer.from('third')); });
await check('ali-oss list (v1, virtual host)', async () => {
  const r = await virtualHost.list({ prefix: 'videos/', 'max-keys': 10 });
  assert(r.objects.map(o => o.name).join('|') === `videos/second.mov|${key}`, r.objects.map(o => o.name).join('|'));
});
await check('ali-oss listV2 with delimiter and paging (V4)', async () => {
  const first = await pathStyleV4.listV2({ delimiter: '/', 'max-keys': 1 });
  assert(first.prefixes?.[0] === 'audio/' && first.nextContinuationToken, JSON.stringify(first.prefixes));
  const second = await pathStyleV4.listV2({ delimiter: '/', 'max-keys': 1, 'continuation-token': first.nextContinuationToken });
  assert(second.prefixes?.[0] === 'videos/', JSON.stringify(second.prefixes));
});
await check('ali-oss head + get range', async () => {
  const head = await pathStyle.head(key);
  assert(Number(head.res.headers['content-length']) === media.length, 'length');
  const part = await virtualHost.get(key, { headers: { Range: 'bytes=0-3' } });
  assert(part.content.toString() === 'fake', part.content.toString());
});
await check('ali-oss head of a missing key reports NoSuchKey', async () => {
  try {
    await pathStyle.head('no/such/key.mp4');
    throw new Error('head succeeded');
  } catch (e) {
    assert(e.status === 404, `status ${e.status}`);
  }
});
await check('ali-oss multipartUpload (V4)', async () => {
  const big = Buffer.alloc(250 * 1024, 7);
  await pathStyleV4.multipartUpload('big/multipart.mp4', big, { partSize: 100 * 1024 });
  const head = await pathStyle.head('big/multipart.mp4');
  assert(Number(head.res.headers['content-length']) === big.length, 'length');
});
await check('ali-oss getBucketInfo', async () => {
  const info = await pathStyle.getBucketInfo(bucket);
  assert(info.bucket.Location === 'oss-cn-shanghai', JSON.stringify(info.bucket));
});

const rpc = (endpointVersion) => new RPCClient({ accessKeyId, accessKeySecret, endpoint: baseUrl, apiVersion: endpointVersion });
const vod = rpc('2017-03-21');
const ram = rpc('2015-05-01');
const sts = rpc('2015-04-01');
let mediaId;
await check('pop-core VOD AddVodStorageForApp (the bucket becomes VOD storage)', async () => {
  await vod.request('AddVodStorageForApp', { AppId: 'app-1000000', StorageType: 'user_oss_bucket', StorageLocation: `${bucket}.oss-cn-shanghai.aliyuncs.com` }, { method: 'POST' });
});
await check('pop-core VOD RegisterMedia (POST form)', async () => {
  const url = `https://${bucket}.oss-cn-shanghai.aliyuncs.com/${key.split('/').map(encodeURIComponent).join('/')}`;
  const r = await vod.request('RegisterMedia', {
    RegisterMetadatas: JSON.stringify([{ FileURL: url, Title: '视频 clip' }]), TemplateGroupId: 'VOD_NO_TRANSCODE',
  }, { method: 'POST' });
  assert(r.RegisteredMediaList.length === 1 && r.FailedFileURLs.length === 0, JSON.stringify(r));
  mediaId = r.RegisteredMediaList[0].MediaId;
});
await check('pop-core VOD GetVideoInfo (GET)', async () => {
  const r = await vod.request('GetVideoInfo', { VideoId: mediaId });
  assert(r.Video.Status === 'Normal', r.Video.Status);
});

await check('pop-core RAM CreateRole + STS AssumeRole; the role\'s policy decides (ali-oss AccessDenied, pop-core Forbidden.RAM)', async () => {
  const trust = { Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { RAM: [`acs:ram::1234567890123456:root`] } }], Version: '1' };
  const role = await ram.request('CreateRole', { RoleName: `clients-${Date.now()}`, AssumeRolePolicyDocument: JSON.stringify(trust) }, { method: 'POST' });
  const assumed = await sts.request('AssumeRole', { RoleArn: role.Role.Arn, RoleSessionName: 'clients' }, { method: 'POST' });
  const { AccessKeyId, AccessKeySecret, SecurityToken } = assumed.Credentials;
  const temporary = new OSS({ ...common, endpoint: `http://localhost:${port}`, sldEnable: true, accessKeyId: AccessKeyId, accessKeySecret: AccessKeySecret, stsToken: SecurityToken });
  const refused = await expectRefused(() => temporary.put('sts/upload.mp4', Buffer.from('with sts')), 'AccessDenied');
  assert(refused.status === 403, `status ${refused.status}`);

  const allButTranscode = { Version: '1', Statement: [{ Effect: 'Allow', NotAction: 'vod:SubmitTranscodeJobs', Resource: '*' }] };
  await ram.request('CreatePolicy', { PolicyName: `clients-${Date.now()}`, PolicyDocument: JSON.stringify(allButTranscode) }, { method: 'POST' })
    .then(p => ram.request('AttachPolicyToRole', { RoleName: role.Role.RoleName, PolicyType: 'Custom', PolicyName: p.Policy.PolicyName }, { method: 'POST' }));
  await temporary.put('sts/upload.mp4', Buffer.from('with sts'));
  const session = new RPCClient({ accessKeyId: AccessKeyId, accessKeySecret: AccessKeySecret, securityToken: SecurityToken, endpoint: baseUrl, apiVersion: '2017-03-21' });
  await session.request('GetVideoInfo', { VideoId: mediaId });
  await expectRefused(() => session.request('SubmitTranscodeJobs', { VideoId: mediaId, TemplateGroupId: 'any' }, { method: 'POST' }), 'Forbidden.RAM');
});
await check('pop-core reports an unknown action as InvalidAction.NotFound', async () => {
  try {
    await vod.request('NoSuchAction', {});
    throw new Error('request succeeded');
  } catch (e) {
    assert(e.code === 'InvalidAction.NotFound', e.code);
  }
});

finish();
