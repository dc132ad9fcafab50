namespace VodTools.Emulator.Ram;

/// <summary>The system policies the emulator knows, with the documents Alibaba publishes for them (RAM console, policy
/// details; read-only, version v1). A system policy grants its service's actions on every resource.</summary>
internal static class SystemPolicies
{
    public sealed record SystemPolicy(string Description, string Document);

    private static SystemPolicy Grant(string description, params string[] actions) => new(description,
        "{\"Version\":\"1\",\"Statement\":[{\"Action\":" + (actions.Length == 1 ? $"\"{actions[0]}\"" : "[" + string.Join(",", actions.Select(a => $"\"{a}\"")) + "]")
        + ",\"Effect\":\"Allow\",\"Resource\":\"*\"}]}");

    public static readonly IReadOnlyDictionary<string, SystemPolicy> All = new Dictionary<string, SystemPolicy>(StringComparer.Ordinal)
    {
        ["AdministratorAccess"] = Grant("Provides full access to Alibaba Cloud services and resources.", "*"),
        ["AliyunOSSFullAccess"] = Grant("Provides full access to Object Storage Service (OSS) via Management Console.", "oss:*"),
        ["AliyunOSSReadOnlyAccess"] = Grant("Provides read-only access to Object Storage Service (OSS) via Management Console.", "oss:Get*", "oss:List*"),
        ["AliyunVODFullAccess"] = Grant("Provides full access to ApsaraVideo VOD via Management Console.", "vod:*"),
        ["AliyunVODReadOnlyAccess"] = Grant("Provides read-only access to ApsaraVideo VOD via Management Console.", "vod:Get*", "vod:List*", "vod:Describe*", "vod:Search*"),
        ["AliyunMTSFullAccess"] = Grant("Provides full access to Media Transcoding Service (MTS) via Management Console.", "mts:*"),
        ["AliyunRAMFullAccess"] = Grant("Provides full access to Resource Access Management (RAM) via Management Console.", "ram:*"),
        ["AliyunRAMReadOnlyAccess"] = Grant("Provides read-only access to Resource Access Management (RAM) via Management Console.", "ram:Get*", "ram:List*"),
        ["AliyunSTSAssumeRoleAccess"] = Grant("Provides access to assume RAM roles via STS.", "sts:AssumeRole"),
    };
}
