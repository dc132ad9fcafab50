using Xunit;
using static VodTools.Emulator.Tests.Emulator;

namespace VodTools.Emulator.Tests;

/// <summary>The store's folders: an --in-memory start cleans up after emulators that were killed.</summary>
public class StoreTests
{
    [Fact]
    public async Task An_in_memory_start_removes_folders_killed_emulators_left_behind()
    {
        string abandoned = Path.Combine(Path.GetTempPath(), "vodtools-emulator-" + Guid.NewGuid().ToString("N"));
        string live = Path.Combine(Path.GetTempPath(), "vodtools-emulator-" + Guid.NewGuid().ToString("N"));
        foreach (var folder in new[] { abandoned, live })
        {
            Directory.CreateDirectory(Path.Combine(folder, "objects"));
            File.WriteAllText(Path.Combine(folder, "objects", "body"), "x");
            File.WriteAllText(Path.Combine(folder, "emulator.lock"), "");
            Directory.SetLastWriteTimeUtc(folder, DateTime.UtcNow.AddMinutes(-2)); // left by a kill a while ago
        }
        using (new FileStream(Path.Combine(live, "emulator.lock"), FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            await using (await StartAsync()) { }
            Assert.False(Directory.Exists(abandoned));
            Assert.True(Directory.Exists(live));
        }
        Directory.Delete(live, recursive: true);
    }
}
