using System.IO;
using System.Management.Automation;
using System.Reflection;
using System;

namespace VodTools
{
    /// <summary>
    /// On Windows PowerShell 5.1 (.NET Framework, no binding redirects for a module) the dependencies we ship
    /// (System.Text.Json and its family) ask for versions of each other that differ from the files beside them;
    /// this resolves any such request to the file in the module folder. On PowerShell 7 the runtime's own, newer
    /// copies win first and the handler is never asked. It does nothing else at import, to keep import fast.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer
    {
        private static readonly string ModuleFolder = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location)!;

        public void OnImport() => AppDomain.CurrentDomain.AssemblyResolve += ResolveFromModuleFolder;

        private static Assembly? ResolveFromModuleFolder(object? sender, ResolveEventArgs args)
        {
            var name = new AssemblyName(args.Name).Name;
            if (name == null) return null;
            var path = Path.Combine(ModuleFolder, name + ".dll");
            return File.Exists(path) ? Assembly.LoadFrom(path) : null;
        }
    }
}
