using VodTools.Emulator.Hosting;

namespace VodTools.Emulator.Storage;

internal static class SampleData
{
    public static void Seed(Store store, EmulatorOptions options) { }
}
