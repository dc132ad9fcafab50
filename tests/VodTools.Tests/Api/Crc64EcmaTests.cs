using System.Text;
using VodTools.Api;

namespace VodTools.Tests.Api;

/// <summary>The module's own CRC-64 (what x-oss-hash-crc64ecma carries), on published check values and on its combination rule.</summary>
public class Crc64EcmaTests
{
    [Theory]
    [InlineData("", 0UL)]
    [InlineData("123456789", 0x995DC9BBDF1939FAUL)] // the CRC-64/XZ (ECMA-182 reflected, ~0 in and out) check value OSS uses
    public void Computes_the_published_check_values(string text, ulong expected) =>
        Assert.Equal(expected, Crc64Ecma.Compute(Encoding.ASCII.GetBytes(text)));

    [Fact]
    public void Appending_in_pieces_gives_the_crc_of_the_whole()
    {
        var data = Encoding.ASCII.GetBytes("123456789");
        var crc = new Crc64Ecma();
        crc.Append(data, 0, 4);
        crc.Append(data, 4, 5);
        Assert.Equal(0x995DC9BBDF1939FAUL, crc.Value);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(9)]
    public void Combining_the_crcs_of_two_pieces_gives_the_crc_of_both(int cut)
    {
        var data = Encoding.ASCII.GetBytes("123456789");
        var first = Crc64Ecma.Compute(data.Take(cut).ToArray());
        var second = Crc64Ecma.Compute(data.Skip(cut).ToArray());
        Assert.Equal(0x995DC9BBDF1939FAUL, Crc64Ecma.Combine(first, second, data.Length - cut));
    }

    [Fact]
    public void Combining_part_crcs_of_a_multipart_sized_object_matches_the_whole()
    {
        var data = new byte[3 * 1024 * 1024 + 17];
        new Random(13).NextBytes(data);
        const int part = 1024 * 1024;
        ulong combined = 0;
        for (var offset = 0; offset < data.Length; offset += part)
        {
            var length = Math.Min(part, data.Length - offset);
            combined = Crc64Ecma.Combine(combined, Crc64Ecma.Compute(data.AsSpan(offset, length).ToArray()), length);
        }
        Assert.Equal(Crc64Ecma.Compute(data), combined);
    }
}
