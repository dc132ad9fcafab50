using VodTools.Commands.Pipeline;

namespace VodTools.Tests.Commands.Pipeline;

public class IdBatchTests
{
    [Fact]
    public void FillsUpToItsSizeOnceEachIdInInputOrder()
    {
        var batch = new IdBatch(3);
        Assert.False(batch.Add("a"));
        Assert.False(batch.Add("b"));
        Assert.False(batch.Add("a"));
        Assert.True(batch.Add("c"));
        Assert.Equal(new[] { "a", "b", "c" }, batch.Take());
        Assert.Empty(batch.Take());
        Assert.False(batch.Add("a"));
        Assert.Equal(new[] { "a" }, batch.Take());
    }
}
