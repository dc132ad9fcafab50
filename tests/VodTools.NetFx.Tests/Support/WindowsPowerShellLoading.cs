using System.Runtime.CompilerServices;
using VodTools.Loader;

namespace VodTools.Tests.Support;

/// <summary>
/// Loads assemblies as Windows PowerShell 5.1 would for the module: no binding redirects (the project makes none), and
/// the loader's own resolver for the version mismatches among the module's dependencies.
/// </summary>
internal static class WindowsPowerShellLoading
{
    [ModuleInitializer]
    internal static void UseTheModulesResolver() => FrameworkResolver.Register(new DependencyFolder(AppDomain.CurrentDomain.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)));
}
