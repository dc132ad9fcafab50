using VodTools.Emulator.Auth;
using VodTools.Emulator.Hosting;
using VodTools.Emulator.Storage;

namespace VodTools.Emulator.Oss;

internal sealed partial class OssApi(Store store, OssVerifier verifier, EmulatorOptions options)
{
    public const string DefaultRegion = "cn-shanghai";

    public Task HandleAsync(HttpContext context, string rawTarget, int injectedStatus)
    {
        context.Response.StatusCode = store == null || verifier == null || options == null ? 500 : 501;
        return Task.CompletedTask;
    }
}
