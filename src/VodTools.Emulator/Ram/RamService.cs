using VodTools.Emulator.Rpc;
using VodTools.Emulator.Storage;

namespace VodTools.Emulator.Ram;

internal sealed class RamService : RpcService
{
    public RamService(Store store, TimeProvider clock) { }
    public override string Version => "2015-05-01";
    public override string HostId => "ram.aliyuncs.com";
    public override string Product => "Ram";
}
