namespace VodTools.Emulator.Tests;

/// <summary>RAM documents the tests create roles and policies with.</summary>
internal static class PolicyDocuments
{
    /// <summary>A trust policy that lets Media Processing assume the role (as vod-pass-mps has).</summary>
    public const string MtsTrust = """{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"Service":["mts.aliyuncs.com"]}}],"Version":"1"}""";
    /// <summary>A trust policy that lets the account's own identities assume the role.</summary>
    public const string AccountTrust = """{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"RAM":["acs:ram::1234567890123456:root"]}}],"Version":"1"}""";
    public const string AllowOss = """{"Version":"1","Statement":[{"Effect":"Allow","Action":"oss:*","Resource":"*"}]}""";
}
