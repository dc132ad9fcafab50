using VodTools.Emulator.Hosting;
using VodTools.Emulator.Rpc;
using VodTools.Emulator.Storage;

namespace VodTools.Emulator.Sts;

internal sealed class StsService : RpcService
{
    public StsService(Store store, KeyRing keys) { }
    public override string Version => "2015-04-01";
    public override string HostId => "sts.aliyuncs.com";
    public override string Product => "Sts";
}
