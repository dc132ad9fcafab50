using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using System;

namespace VodTools.Services.Migration
{
    /// <summary>
    /// Makes SQLite usable from the module folder, on first use only (Import-Module never loads it). The native e_sqlite3
    /// ships in runtimes/&lt;rid&gt;/native/, where neither PowerShell nor .NET looks for a module's native libraries, so each
    /// runtime is pointed at it in its own way: on .NET (PowerShell 7) the provider's DllImport resolver returns that file;
    /// on .NET Framework (Windows PowerShell 5.1) the file is loaded first, and Windows then answers the DllImport of
    /// "e_sqlite3" with the loaded module; on Mono, which has neither, the provider's .dll.config maps the DllImport to the
    /// file (Mono's dllmap). SQLitePCL is given its e_sqlite3 provider explicitly (no bundle guessing), unless a provider
    /// is set already: the module's SQLitePCLRaw is private on PowerShell 7, but on Windows PowerShell 5.1 another module
    /// that ships the very same SQLitePCLRaw shares it with this one, and replacing its provider would break it.
    /// </summary>
    internal static class SqliteRuntime
    {
        private const string LibraryName = "e_sqlite3";
        private static readonly object Gate = new object();
        private static bool _ready;

        public static void EnsureLoaded()
        {
            lock (Gate)
            {
                if (_ready) return;
                var path = NativePath();
                if (!File.Exists(path)) throw new PlatformNotSupportedException($"The migration journal needs SQLite, and the module has no build of it for this platform ({Rid()}): {path} is missing.");
                var provider = typeof(SQLitePCL.SQLite3Provider_e_sqlite3).Assembly;
                if (!PointDllImportAt(provider, path) && RuntimeInformation.IsOSPlatform(OSPlatform.Windows) && LoadLibraryW(path) == IntPtr.Zero)
                    throw new System.ComponentModel.Win32Exception(Marshal.GetLastWin32Error(), $"The migration journal needs SQLite, and {path} does not load");
                if (!HasProvider()) SQLitePCL.raw.SetProvider(new SQLitePCL.SQLite3Provider_e_sqlite3());
                _ready = true;
            }
        }

        /// <summary>Whether SQLitePCL already has a provider (it throws when asked for the library name without one).</summary>
        private static bool HasProvider()
        {
            try
            {
                return SQLitePCL.raw.GetNativeLibraryName() != null;
            }
            catch (Exception e) when (e.Message.Contains(nameof(SQLitePCL.raw.SetProvider)))
            {
                return false;
            }
        }

        /// <summary>runtimes/&lt;rid&gt;/native/&lt;file&gt; beside the module's assembly.</summary>
        internal static string NativePath()
        {
            var folder = Path.GetDirectoryName(typeof(SqliteRuntime).Assembly.Location)!;
            var file = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? LibraryName + ".dll"
                : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? "lib" + LibraryName + ".dylib"
                : "lib" + LibraryName + ".so";
            return Path.Combine(folder, "runtimes", Rid(), "native", file);
        }

        internal static string Rid()
        {
            var arch = RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) return "win-" + arch;
            if (RuntimeInformation.IsOSPlatform(OSPlatform.OSX)) return "osx-" + arch;
            return (IsMusl() ? "linux-musl-" : "linux-") + arch;
        }

        /// <summary>Alpine and other musl systems have the musl loader instead of glibc's.</summary>
        private static bool IsMusl()
        {
            try
            {
                return Directory.Exists("/lib") && Directory.EnumerateFiles("/lib", "ld-musl-*.so.1").Any();
            }
            catch (IOException)
            {
                return false;
            }
            catch (UnauthorizedAccessException)
            {
                return false;
            }
        }

        /// <summary>
        /// NativeLibrary.SetDllImportResolver (.NET Core 3.0 and later), found by reflection as this assembly targets
        /// netstandard2.0; false on .NET Framework. A resolver another copy of the provider already set is left alone.
        /// </summary>
        private static bool PointDllImportAt(Assembly provider, string path)
        {
            var nativeLibrary = Type.GetType("System.Runtime.InteropServices.NativeLibrary", throwOnError: false);
            var resolverType = Type.GetType("System.Runtime.InteropServices.DllImportResolver", throwOnError: false);
            var setResolver = nativeLibrary?.GetMethod("SetDllImportResolver", new[] { typeof(Assembly), resolverType! });
            var load = nativeLibrary?.GetMethod("Load", new[] { typeof(string) });
            if (setResolver == null || load == null || resolverType == null) return false;
            var handle = (IntPtr)load.Invoke(null, new object[] { path })!;
            var resolver = Delegate.CreateDelegate(resolverType, new Resolver(handle), typeof(Resolver).GetMethod(nameof(Resolver.Resolve))!);
            try
            {
                setResolver.Invoke(null, new object[] { provider, resolver });
            }
            catch (TargetInvocationException e) when (e.InnerException is InvalidOperationException)
            {
                // set before (another module with the same provider in this process): its resolver stands
            }
            return true;
        }

        private sealed class Resolver
        {
            private readonly IntPtr _handle;

            public Resolver(IntPtr handle) => _handle = handle;

            public IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath) => name == LibraryName ? _handle : IntPtr.Zero;
        }

        [DllImport("kernel32", SetLastError = true, CharSet = CharSet.Unicode)]
        private static extern IntPtr LoadLibraryW(string path);
    }
}
