using System.Collections.Generic;

namespace VodTools.Services.Buckets
{
    /// <summary>OSS's listing order: keys compared as UTF-8 bytes, which is Unicode code point order (not .NET's UTF-16 ordinal).</summary>
    public sealed class Utf8KeyOrder : IComparer<string>
    {
        public static readonly Utf8KeyOrder Instance = new Utf8KeyOrder();

        public int Compare(string? x, string? y)
        {
            if (x == null || y == null) return x == null ? (y == null ? 0 : -1) : 1;
            int i = 0, j = 0;
            while (i < x.Length && j < y.Length)
            {
                var a = char.IsSurrogatePair(x, i) ? char.ConvertToUtf32(x, i) : x[i];
                var b = char.IsSurrogatePair(y, j) ? char.ConvertToUtf32(y, j) : y[j];
                if (a != b) return a < b ? -1 : 1;
                i += a > 0xFFFF ? 2 : 1;
                j += b > 0xFFFF ? 2 : 1;
            }
            return (x.Length - i).CompareTo(y.Length - j);
        }
    }
}
