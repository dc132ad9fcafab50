using System.Reflection;
using VodTools.Loader;

namespace VodTools.Tests.Loader;

/// <summary>
/// What the loader answers on Windows PowerShell 5.1 (.NET Framework: no load contexts, no binding redirects for a
/// module), here on another .NET Framework-family runtime: only VodTools.dll itself, and what the module's own
/// assemblies ask for, of the files it ships, at the version asked for or later.
/// </summary>
public sealed class FrameworkResolverTests
{
    private static readonly DependencyFolder Folder = new(Path.GetDirectoryName(typeof(VodTools.Api.OssClient).Assembly.Location)!);
    private static readonly Assembly Module = typeof(VodTools.Api.OssClient).Assembly;

    private static AssemblyName Shipped(string name) => AssemblyName.GetAssemblyName(Path.Combine(Folder.Path, name + ".dll"));

    private static AssemblyName WithVersion(AssemblyName name, Version version)
    {
        var changed = (AssemblyName)name.Clone();
        changed.Version = version;
        return changed;
    }

    [Fact]
    public void The_module_itself_is_answered_when_asked_for_by_name_alone()
    {
        Assert.Same(Module, FrameworkResolver.Resolve(Folder, new AssemblyName("VodTools"), requester: null));
    }

    [Fact]
    public void A_request_of_the_module_for_an_older_version_of_what_it_ships_gets_the_shipped_file()
    {
        var memory = Shipped("System.Memory");
        var answered = FrameworkResolver.Resolve(Folder, WithVersion(memory, new Version(4, 0, 1, 0)), Module);
        Assert.Equal(memory.FullName, answered?.FullName);
    }

    [Fact]
    public void Another_callers_request_is_left_to_others()
    {
        Assert.Null(FrameworkResolver.Resolve(Folder, Shipped("System.Memory"), typeof(object).Assembly));
        Assert.Null(FrameworkResolver.Resolve(Folder, Shipped("System.Memory"), requester: null));
    }

    [Fact]
    public void A_newer_version_or_another_signer_than_the_module_ships_is_left_to_others()
    {
        var json = Shipped("System.Text.Json");
        Assert.Null(FrameworkResolver.Resolve(Folder, WithVersion(json, new Version(99, 0, 0, 0)), Module));
        var unsigned = WithVersion(json, json.Version!);
        unsigned.SetPublicKeyToken(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 });
        Assert.Null(FrameworkResolver.Resolve(Folder, unsigned, Module));
        Assert.Null(FrameworkResolver.Resolve(Folder, new AssemblyName("Not.Shipped.Here"), Module));
    }
}
