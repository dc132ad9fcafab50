namespace VodTools.Emulator.Vod;

/// <summary>Account-wide VOD settings (the default template group).</summary>
internal sealed class VodSettings
{
    public const string Kind = "vod-settings";
    public const string Id = "settings";

    public string DefaultTemplateGroupId { get; set; } = "";
}
