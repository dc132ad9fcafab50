using VodTools.Model;

namespace VodTools.Tests.Model;

/// <summary>A FileURL names the key whole: "." and ".." segments are escaped, and read back as they were.</summary>
public class OssFileUrlTests
{
    [Theory]
    [InlineData("a/./b.mp4", "https://m.oss-cn-shanghai.aliyuncs.com/a/%2E/b.mp4")]
    [InlineData("a/../b.mp4", "https://m.oss-cn-shanghai.aliyuncs.com/a/%2E%2E/b.mp4")]
    [InlineData("./x.mp4", "https://m.oss-cn-shanghai.aliyuncs.com/%2E/x.mp4")]
    [InlineData("films/a b+c.mp4", "https://m.oss-cn-shanghai.aliyuncs.com/films/a%20b%2Bc.mp4")]
    public void Builds_and_reads_back_the_exact_key(string key, string url)
    {
        Assert.Equal(url, OssFileUrl.Build("m", "cn-shanghai", key));
        Assert.True(OssFileUrl.TryParse(url, out var bucket, out var region, out var parsed));
        Assert.Equal(("m", "cn-shanghai", key), (bucket, region, parsed));
    }

    [Fact]
    public void Reads_a_literal_dot_segment_as_part_of_the_key()
    {
        Assert.True(OssFileUrl.TryParse("http://m.oss-cn-beijing-internal.aliyuncs.com/a/../b.mp4?x=1", out _, out var region, out var key));
        Assert.Equal(("cn-beijing", "a/../b.mp4"), (region, key));
    }
}
