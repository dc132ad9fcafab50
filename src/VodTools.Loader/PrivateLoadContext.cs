using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;
using System;

namespace VodTools.Loader
{
    /// <summary>
    /// PowerShell 7: the module's private AssemblyLoadContext (the "ALC bridge" of Microsoft Learn's "Resolving PowerShell
    /// module assembly dependency conflicts"). PowerShell asks the shared default context for VodTools.dll by name, as
    /// the manifest names it; that request alone is answered from here, and everything VodTools.dll then asks for is
    /// looked up here first: its dependencies (Microsoft.Data.Sqlite, SQLitePCLRaw, System.Threading.RateLimiting) load
    /// privately, whatever versions other modules have loaded, while what the runtime itself provides at the version
    /// asked for or later (System.Text.Json, System.Memory, ...) is taken from the runtime, so types stay shared.
    /// </summary>
    internal sealed class PrivateLoadContext : AssemblyLoadContext
    {
        private readonly DependencyFolder _folder;
        private readonly Lazy<Dictionary<string, string>> _platform = new Lazy<Dictionary<string, string>>(PlatformAssemblies);

        private PrivateLoadContext(DependencyFolder folder) => _folder = folder;

        public static void Register(DependencyFolder folder)
        {
            var context = new PrivateLoadContext(folder);
            Default.Resolving += (_, name) => folder.ModuleFileFor(name) is string file ? context.LoadFromAssemblyPath(file) : null;
        }

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            var file = _folder.FileFor(assemblyName);
            return file == null || PlatformAnswers(assemblyName) ? null : LoadFromAssemblyPath(file);
        }

        /// <summary>Whether the runtime's own copy (PowerShell's trusted platform assemblies) is the version asked for or later.</summary>
        private bool PlatformAnswers(AssemblyName requested)
        {
            if (!_platform.Value.TryGetValue(requested.Name!, out var path)) return false;
            var version = AssemblyName.GetAssemblyName(path).Version;
            return requested.Version == null || (version != null && version >= requested.Version);
        }

        private static Dictionary<string, string> PlatformAssemblies()
        {
            var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var list = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "";
            foreach (var path in list.Split(new[] { Path.PathSeparator }, StringSplitOptions.RemoveEmptyEntries))
                byName[Path.GetFileNameWithoutExtension(path)] = path;
            return byName;
        }
    }
}
