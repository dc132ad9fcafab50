namespace VodTools.Emulator.Vod;

/// <summary>A CDN domain added to VOD (AddVodDomain).</summary>
internal sealed class VodDomain
{
    public const string Kind = "vod-domain";

    public string DomainName { get; set; } = "";
    public string Sources { get; set; } = "[]";
    public string Scope { get; set; } = "domestic";
    public DateTimeOffset Created { get; set; }

    /// <summary>Whether one of its origins (Sources: [{"content": ...}]) is this storage location.</summary>
    public bool Serves(string storageLocation) =>
        System.Text.Json.Nodes.JsonNode.Parse(Sources) is System.Text.Json.Nodes.JsonArray origins
        && origins.Any(o => string.Equals((string?)o?["content"], storageLocation, StringComparison.OrdinalIgnoreCase));

    /// <summary>A new domain is "configuring" for as long as a transcode job runs, then "online".</summary>
    public string StatusAt(DateTimeOffset now, JobDuration jobs) => jobs.DoneAt(Created, now) ? "online" : "configuring";
}
