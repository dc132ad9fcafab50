using System.Text.Json.Nodes;
using VodTools.Emulator.Rpc;

namespace VodTools.Emulator.Vod;

/// <summary>One job of a transcode task: one template applied to the source.</summary>
internal sealed class TranscodeJob
{
    public string JobId { get; set; } = "";
    public string TemplateId { get; set; } = "";
    public string TemplateName { get; set; } = "";
    public string Definition { get; set; } = "";
    public string Format { get; set; } = "mp4";
    public int Priority { get; set; } = 6;
    /// <summary>Its template's name contains "fail": a way to stage CompletePartialSucc on purpose.</summary>
    public bool Fails { get; set; }

    /// <summary>The job of one template (the JSON object of a template group).</summary>
    public static TranscodeJob For(JsonObject template, int priority)
    {
        string name = (string?)template["TemplateName"] ?? "";
        return new TranscodeJob
        {
            JobId = RpcCall.NewId(),
            TemplateId = (string?)template["TranscodeTemplateId"] ?? "",
            TemplateName = name,
            Definition = (string?)template["Definition"] ?? "",
            Format = (string?)template["Container"]?["Format"] ?? "mp4",
            Priority = priority,
            Fails = name.Contains("fail", StringComparison.OrdinalIgnoreCase),
        };
    }
}
