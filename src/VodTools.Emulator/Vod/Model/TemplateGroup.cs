using System.Text.Json.Nodes;
using VodTools.Emulator.Rpc;

namespace VodTools.Emulator.Vod;

/// <summary>A transcode template group; every template is kept as the JSON object the caller sent.</summary>
internal sealed class TemplateGroup
{
    public const string Kind = "vod-template-group";
    /// <summary>The group id that means "do not transcode", accepted wherever a group id is.</summary>
    public const string NoTranscodeId = "VOD_NO_TRANSCODE";

    /// <summary>What <see cref="NoTranscodeId"/> names (it is not stored).</summary>
    public static TemplateGroup NoTranscode => new() { TranscodeTemplateGroupId = NoTranscodeId, Name = "No Transcoding", Locked = true };

    public string TranscodeTemplateGroupId { get; set; } = "";
    public string Name { get; set; } = "";
    public string AppId { get; set; } = VodApp.DefaultId;
    public bool Locked { get; set; }
    public DateTimeOffset CreationTime { get; set; }
    public DateTimeOffset ModifyTime { get; set; }
    /// <summary>Each template as the JSON object the caller sent, plus TranscodeTemplateId.</summary>
    public List<string> Templates { get; set; } = [];

    /// <summary>A template as stored: with a TranscodeTemplateId (new unless given) and a Type.</summary>
    public static string TemplateJson(JsonObject template)
    {
        template["TranscodeTemplateId"] ??= RpcCall.NewId();
        template["Type"] ??= "Normal";
        return template.ToJsonString(RpcResponse.Json);
    }
}
