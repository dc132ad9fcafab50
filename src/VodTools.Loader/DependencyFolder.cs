using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Reflection;
using System;

namespace VodTools.Loader
{
    /// <summary>
    /// The module's dependencies folder: VodTools.dll and the assemblies it ships with it. Says which file, if any,
    /// answers a request for an assembly: the same name and public key token, and at least the version asked for (as a
    /// binding redirect would: System.Text.Json asks for an older System.Memory than the one beside it).
    /// </summary>
    internal sealed class DependencyFolder
    {
        public const string FolderName = "dependencies";

        /// <summary>The module's own assembly, which holds the cmdlets.</summary>
        public const string ModuleAssembly = "VodTools";

        /// <summary>VodTools.dll is built with the loader, at the same version.</summary>
        private static readonly Version? ModuleVersion = typeof(DependencyFolder).Assembly.GetName().Version;

        private readonly ConcurrentDictionary<string, AssemblyName?> _shipped = new ConcurrentDictionary<string, AssemblyName?>(StringComparer.OrdinalIgnoreCase);

        public DependencyFolder(string path) => Path = path;

        public string Path { get; }

        /// <summary>The file that answers <paramref name="requested"/>, or null when the folder has none that fits.</summary>
        public string? FileFor(AssemblyName requested)
        {
            var name = requested.Name;
            if (string.IsNullOrEmpty(name) || name.IndexOfAny(System.IO.Path.GetInvalidFileNameChars()) >= 0) return null;
            var file = System.IO.Path.Combine(Path, name + ".dll");
            var shipped = _shipped.GetOrAdd(name, _ => File.Exists(file) ? AssemblyName.GetAssemblyName(file) : null);
            if (shipped == null) return null;
            if (requested.Version != null && shipped.Version < requested.Version) return null;
            var token = requested.GetPublicKeyToken();
            if (token != null && token.Length > 0 && !token.SequenceEqual(shipped.GetPublicKeyToken() ?? Array.Empty<byte>())) return null;
            return file;
        }

        /// <summary>VodTools.dll, when <paramref name="requested"/> asks for it (by name alone, as PowerShell does, or at
        /// its version); read from the loader's own version, so that import reads no other file's metadata.</summary>
        public string? ModuleFileFor(AssemblyName requested) =>
            requested.Name == ModuleAssembly && (requested.Version == null || requested.Version == ModuleVersion) ? System.IO.Path.Combine(Path, ModuleAssembly + ".dll") : null;

        /// <summary>Whether <paramref name="assembly"/> was loaded from this folder.</summary>
        public bool Holds(Assembly assembly)
        {
            var location = assembly.IsDynamic ? "" : assembly.Location;
            return location.Length > 0 && string.Equals(System.IO.Path.GetDirectoryName(location), Path, StringComparison.OrdinalIgnoreCase);
        }
    }
}
