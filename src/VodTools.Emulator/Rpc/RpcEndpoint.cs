namespace VodTools.Emulator.Rpc;

/// <summary>What a Host header says about the region of an RPC product's endpoint: &lt;product&gt;.&lt;region&gt;.aliyuncs.com
/// and &lt;product&gt;-vpc.&lt;region&gt;.aliyuncs.com name one; anything else (127.0.0.1, localhost, a custom name, a central
/// endpoint such as ram.aliyuncs.com) names none.</summary>
internal static class RpcEndpoint
{
    /// <summary>The region the host names as <paramref name="product"/>'s endpoint (e.g. vod.cn-beijing.aliyuncs.com), or null.</summary>
    /// <param name="product">the product's endpoint name, lower case: vod, mts, ...</param>
    public static string? RegionOf(string host, string product)
    {
        var labels = host.Split(':')[0].ToLowerInvariant().Split('.');
        return labels.Length == 4 && (labels[0] == product || labels[0] == product + "-vpc") && labels[2] == "aliyuncs" && labels[3] == "com" ? labels[1] : null;
    }
}
