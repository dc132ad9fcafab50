using System.Reflection;
using System;

namespace VodTools.Api
{
    /// <summary>
    /// Makes a <see cref="Uri"/> that keeps its path as written. .NET removes dot segments when it parses a URL
    /// ("/a/./b" and even "/a/%2E/b" become "/a/b"), which would send another OSS key than the one signed. .NET 6 and
    /// later can be told to leave an already-encoded path alone (UriCreationOptions, reached by reflection since the
    /// module targets netstandard2.0); .NET Framework 4.5 and later keep an escaped "%2E" as written.
    /// </summary>
    internal static class ExactUri
    {
        private static readonly Func<string, Uri>? Parser = FindParser();

        /// <param name="encoded">An absolute URL whose path and query are already percent-encoded.</param>
        public static Uri Create(string encoded) => Parser != null ? Parser(encoded) : new Uri(encoded);

        private static Func<string, Uri>? FindParser()
        {
            var optionsType = typeof(Uri).Assembly.GetType("System.UriCreationOptions");
            var keepPath = optionsType?.GetProperty("DangerousDisablePathAndQueryCanonicalization");
            var constructor = optionsType == null ? null : typeof(Uri).GetConstructor(new[] { typeof(string), optionsType.MakeByRefType() });
            if (keepPath == null || constructor == null) return null;
            var options = Activator.CreateInstance(optionsType!);
            keepPath.SetValue(options, true); // sets it in the boxed copy, which is what the constructor receives
            return encoded =>
            {
                try
                {
                    return (Uri)constructor.Invoke(new[] { encoded, options });
                }
                catch (TargetInvocationException e) when (e.InnerException != null)
                {
                    throw e.InnerException;
                }
            };
        }
    }
}
