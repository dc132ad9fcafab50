using VodTools.Commands.Pipeline;

namespace VodTools.Tests.Commands.Pipeline;

public class BatchTests
{
    [Fact]
    public void FillsUpToItsSizeOnceEachIdInInputOrder()
    {
        var sent = new List<IReadOnlyList<string>>();
        var batch = new Batch<string>(3, id => id, sent.Add, sendRepeats: false);
        batch.Add("a");
        batch.Add("b");
        batch.Add("a");
        Assert.Empty(sent);
        batch.Add("c");
        Assert.Equal(new[] { "a", "b", "c" }, Assert.Single(sent));
        batch.Flush();
        Assert.Single(sent);
        batch.Add("a");
        batch.Flush();
        Assert.Equal(new[] { "a" }, sent[1]);
    }

    [Fact]
    public void A_repeated_key_starts_the_next_call_when_each_input_is_to_be_answered()
    {
        var sent = new List<IReadOnlyList<(int Slot, string Id)>>();
        var batch = new Batch<(int Slot, string Id)>(3, item => item.Id, sent.Add, sendRepeats: true);
        batch.Add((0, "a"));
        batch.Add((1, "b"));
        batch.Add((2, "a"));
        Assert.Equal(new[] { (0, "a"), (1, "b") }, Assert.Single(sent));
        batch.Add((3, "c"));
        batch.Add((4, "d"));
        Assert.Equal(new[] { (2, "a"), (3, "c"), (4, "d") }, sent[1]);
        batch.Flush();
        Assert.Equal(2, sent.Count);
    }

    [Fact]
    public void Items_without_a_key_go_as_they_come_repeats_included()
    {
        var sent = new List<IReadOnlyList<string>>();
        var batch = new Batch<string>(2, sent.Add);
        batch.Add("u");
        batch.Add("u");
        batch.Add("v");
        batch.Flush();
        Assert.Equal(new[] { new[] { "u", "u" }, new[] { "v" } }, sent);
    }
}
