using VodTools.Emulator.Hosting;
using VodTools.Emulator.Rpc;
using VodTools.Emulator.Storage;

namespace VodTools.Emulator.Vod;

internal sealed class VodService : RpcService
{
    public VodService(Store store, EmulatorOptions options, KeyRing keys) { }
    public override string Version => "2017-03-21";
    public override string HostId => "vod.cn-shanghai.aliyuncs.com";
    public override string Product => "vod";
    public void EnsureDefaults() { }
}
