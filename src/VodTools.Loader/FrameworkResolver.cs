using System.Reflection;
using System;

namespace VodTools.Loader
{
    /// <summary>
    /// Windows PowerShell 5.1 (.NET Framework, which has no AssemblyLoadContext and no binding redirects for a module):
    /// answers a failed load only when it is VodTools.dll itself (PowerShell asks for it by name, as the manifest names
    /// it) or a request made by one of the module's own assemblies for an assembly the module ships, at the version
    /// asked for or later. Any other caller's request, or a version the module does not have, is left to others.
    /// </summary>
    internal static class FrameworkResolver
    {
        public static void Register(DependencyFolder folder) =>
            AppDomain.CurrentDomain.AssemblyResolve += (_, args) => Resolve(folder, new AssemblyName(args.Name), args.RequestingAssembly);

        internal static Assembly? Resolve(DependencyFolder folder, AssemblyName requested, Assembly? requester)
        {
            var file = folder.ModuleFileFor(requested) ?? (requester != null && folder.Holds(requester) ? folder.FileFor(requested) : null);
            return file == null ? null : Assembly.LoadFrom(file);
        }
    }
}
