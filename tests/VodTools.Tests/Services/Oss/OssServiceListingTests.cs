using System.Xml.Linq;
using VodTools.Services.Oss;

namespace VodTools.Tests.Services.Oss;

/// <summary>Listings sent with encoding-type=url are decoded as both official C# OSS SDKs decode them ('+' is a space).</summary>
public class OssServiceListingTests
{
    private static OssObjectPage Read(string xml) => OssService.ReadObjectPage(XElement.Parse(xml), "media", "cn-shanghai");

    [Fact]
    public void Keys_prefixes_and_the_next_token_are_decoded_with_plus_as_a_space()
    {
        var page = Read("""
            <ListBucketResult>
              <Name>media</Name><Prefix>my+films%2F</Prefix><EncodingType>url</EncodingType><IsTruncated>true</IsTruncated>
              <NextContinuationToken>next+token%2B1</NextContinuationToken>
              <Contents><Key>my+films%2Fa+b%2Bc%25d%E7%94%B5%E5%BD%B1.mp4</Key><Size>3</Size></Contents>
              <Contents><Key>my%20films%2Fplain%20%2B.mp4</Key><Size>4</Size></Contents>
              <CommonPrefixes><Prefix>my+films%2Fsub+folder%2F</Prefix></CommonPrefixes>
            </ListBucketResult>
            """);

        Assert.Equal(new[] { "my films/a b+c%d电影.mp4", "my films/plain +.mp4", "my films/sub folder/" }, page.Objects.Select(o => o.Key));
        Assert.True(page.Objects[2].IsPrefix);
        Assert.Equal("next token+1", page.NextContinuationToken);
    }

    [Fact]
    public void Without_encoding_type_names_are_taken_as_they_are()
    {
        var page = Read("<ListBucketResult><IsTruncated>false</IsTruncated><Contents><Key>a+b%20c.mp4</Key></Contents></ListBucketResult>");
        Assert.Equal("a+b%20c.mp4", Assert.Single(page.Objects).Key);
    }
}
