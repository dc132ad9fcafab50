using System.Text;
using VodTools.Api;
using VodTools.Api.Http;
using VodTools.Services;
using VodTools.Tests.Support;

namespace VodTools.Tests.Api;

/// <summary>
/// The module's RPC and OSS clients on this runtime against the emulator over loopback: signatures the emulator checks
/// with its own code, keys that need encoding, bodies whose CRC-64 the emulator reports and the client checks.
/// </summary>
public sealed class EmulatorRoundTripTests : IClassFixture<EmulatorFixture>
{
    private const string Bucket = "media-archive";
    private readonly CloudSession _session;

    public EmulatorRoundTripTests(EmulatorFixture emulator) => _session = emulator.Session;

    private OssClient Oss => _session.OssClientFor(_session.Endpoints.GetBaseUri(VodTools.Api.Endpoints.CloudService.Oss), _session.Region.RegionId, _session.Credentials);

    [Fact]
    public async Task Rpc_calls_to_sts_and_vod_are_signed_as_the_emulator_expects()
    {
        var identity = await _session.Sts.GetCallerIdentityAsync(CancellationToken.None);
        Assert.False(string.IsNullOrEmpty(identity.AccountId));
        var groups = await _session.Vod.ListTranscodeTemplateGroupsAsync(null, CancellationToken.None);
        Assert.NotEmpty(groups);
    }

    [Theory]
    [InlineData("netfx/films/x y.mp4")]
    [InlineData("netfx/电影/a+b=c.mp4")]
    [InlineData("netfx/semi;colon&amp,comma.mp4")]
    [InlineData("netfx/percent%41 and %2F.mp4")]
    [InlineData("netfx/tilde~star*(paren)'quote!.mp4")]
    [InlineData("netfx/question?hash#.mp4")]
    [InlineData("netfx/a/.../three dots.mp4")]
    public async Task An_object_with_an_odd_key_goes_up_and_comes_back_under_its_own_key(string key)
    {
        var body = Encoding.UTF8.GetBytes("not really a video: " + key);
        var put = new OssRequest("PutObject", HttpMethod.Put, Bucket, key) { Content = () => new ByteArrayContent(body), VerifyBodyCrc64 = true };
        using (await Oss.SendAsync(put, HttpCompletionOption.ResponseContentRead, CancellationToken.None)) { }

        var head = await _session.Oss.HeadObjectAsync(Bucket, key, CancellationToken.None);
        Assert.Equal((key, body.Length), (head.Key, (int)head.Size));
        var listed = await _session.Oss.ListObjectsAsync(Bucket, key, null, null, null, 10, CancellationToken.None);
        Assert.Equal(new[] { key }, listed.Objects.Select(o => o.Key));
        using (var got = await Oss.SendAsync(new OssRequest("GetObject", HttpMethod.Get, Bucket, key), HttpCompletionOption.ResponseContentRead, CancellationToken.None))
            Assert.Equal(body, await got.Content.ReadAsByteArrayAsync());

        await _session.Oss.DeleteObjectAsync(Bucket, key, CancellationToken.None);
        await Assert.ThrowsAsync<CloudException>(() => _session.Oss.HeadObjectAsync(Bucket, key, CancellationToken.None));
    }

    [Fact]
    public async Task A_key_with_a_dot_segment_is_reached_exactly_or_refused_before_any_request()
    {
        const string key = "films/../films/x y.mp4";
        var put = new OssRequest("PutObject", HttpMethod.Put, Bucket, key) { Content = () => new ByteArrayContent(Encoding.ASCII.GetBytes("dots")) };
        if (Type.GetType("Mono.Runtime") != null)
        {
            // Mono's Uri removes the segments even escaped: the request would name films/x y.mp4, so none is sent
            var refused = await Assert.ThrowsAsync<ValidationException>(() => _session.Oss.HeadObjectAsync(Bucket, key, CancellationToken.None));
            Assert.Equal("OssKeyDotSegments", refused.ErrorId);
            await Assert.ThrowsAsync<ValidationException>(() => Oss.SendAsync(put, HttpCompletionOption.ResponseContentRead, CancellationToken.None));
            return;
        }
        using (await Oss.SendAsync(put, HttpCompletionOption.ResponseContentRead, CancellationToken.None)) { }
        Assert.Equal(key, (await _session.Oss.HeadObjectAsync(Bucket, key, CancellationToken.None)).Key);
        await _session.Oss.DeleteObjectAsync(Bucket, key, CancellationToken.None);
    }
}
