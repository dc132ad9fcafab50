namespace VodTools.Emulator.Vod;

/// <summary>A VOD application and the storage locations added to it (AddVodStorageForApp).</summary>
internal sealed class VodApp
{
    public const string Kind = "vod-app";
    /// <summary>The app every account has, used when a call names none.</summary>
    public const string DefaultId = "app-1000000";

    public string AppId { get; set; } = "";
    public string AppName { get; set; } = "";
    public string Type { get; set; } = "System";
    public string Description { get; set; } = "";
    public DateTimeOffset CreationTime { get; set; }
    public List<string> StorageLocations { get; set; } = [];
}
