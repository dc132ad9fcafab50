using System.IO;
using System.Management.Automation;
using System.Threading;
using System;

namespace VodTools.Loader
{
    /// <summary>
    /// Runs first when VodTools is imported (the manifest's nested module, loaded before the root module) and arranges
    /// for the module's own assembly, VodTools.dll, and its dependencies to load from the module's dependencies folder
    /// without meeting other modules' copies of them: on PowerShell 7 into a private AssemblyLoadContext, on Windows
    /// PowerShell 5.1 through an AssemblyResolve handler that answers only the module's own requests. Once per process,
    /// however often the module is imported again (-Force).
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer
    {
        /// <summary>.NET 8 is what PowerShell 7.4, the oldest PowerShell 7 in support, runs on.</summary>
        internal const int OldestDotNet = 8;

        private static int _arranged;

        public void OnImport()
        {
            var onDotNet = typeof(object).Assembly.GetName().Name == "System.Private.CoreLib";
            if (onDotNet && Environment.Version.Major < OldestDotNet)
                throw new PlatformNotSupportedException($"VodTools needs PowerShell 7.4 or later (or Windows PowerShell 5.1); this PowerShell runs on .NET {Environment.Version}.");
            if (Interlocked.Exchange(ref _arranged, 1) == 1) return;
            var folder = new DependencyFolder(Path.Combine(Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location)!, DependencyFolder.FolderName));
            if (onDotNet) PrivateLoadContext.Register(folder);
            else FrameworkResolver.Register(folder);
        }
    }
}
