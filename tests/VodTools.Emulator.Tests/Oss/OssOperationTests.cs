using System.Net;
using System.Text;
using VodTools.Emulator.Auth;
using Xunit;
using static VodTools.Emulator.Tests.Emulator;

namespace VodTools.Emulator.Tests;

/// <summary>The OSS operation table: what a request is counted and targeted as.</summary>
public class OssOperationTests
{
    [Fact]
    public async Task Stats_count_each_oss_upload_operation()
    {
        await using var emu = await StartAsync();
        using (await emu.OssAsync(HttpMethod.Put, "media")) { }
        using (await emu.OssAsync(HttpMethod.Put, "media", "a.mp4", content: new StringContent("whole"))) { }
        using var initiated = await emu.OssAsync(HttpMethod.Post, "media", "b.mp4", query: "uploads");
        var uploadId = System.Xml.Linq.XDocument.Parse(await initiated.Content.ReadAsStringAsync()).Root!.Elements().Single(e => e.Name.LocalName == "UploadId").Value;
        for (var n = 1; n <= 2; n++)
            using (await emu.OssAsync(HttpMethod.Put, "media", "b.mp4", query: $"partNumber={n}&uploadId={uploadId}", content: new StringContent("part"))) { }
        using (await emu.OssAsync(HttpMethod.Get, "media", "b.mp4", query: $"uploadId={uploadId}")) { }

        var stats = await StatsTests.StatsAsync(emu);
        Assert.Equal(1, (long)stats["oss.PutObject"]!);
        Assert.Equal(1, (long)stats["oss.InitiateMultipartUpload"]!);
        Assert.Equal(2, (long)stats["oss.UploadPart"]!);
        Assert.Equal(1, (long)stats["oss.ListParts"]!);
        Assert.Null(stats["oss.CompleteMultipartUpload"]);
        Assert.Equal(1, (long)stats["peakConcurrentRequests"]!);
    }

    [Fact]
    public async Task A_listing_is_ListObjectsV2_with_list_type_2_else_ListObjects_to_counters_and_fault_rules_alike()
    {
        await using var emu = await StartAsync(o => o.Faults = "503:1@ListObjectsV2");
        using (await emu.OssAsync(HttpMethod.Put, "media")) { }
        using (var v2 = await emu.OssAsync(HttpMethod.Get, "media", query: "list-type=2"))
            Assert.Equal(HttpStatusCode.ServiceUnavailable, v2.StatusCode);
        using (var v1 = await emu.OssAsync(HttpMethod.Get, "media"))
            Assert.Equal(HttpStatusCode.OK, v1.StatusCode);

        using (await emu.Http.DeleteAsync("/_emulator/faults")) { }
        using (var v2 = await emu.OssAsync(HttpMethod.Get, "media", query: "list-type=2"))
            Assert.Equal(HttpStatusCode.OK, v2.StatusCode);

        var stats = await StatsTests.StatsAsync(emu);
        Assert.Equal(1, (long)stats["oss.ListObjects"]!);
        Assert.Equal(1, (long)stats["oss.ListObjectsV2"]!); // not the first: its injected answer came before the operation ran
        Assert.Equal(1, (long)stats["faults.Error503"]!);
    }
}
