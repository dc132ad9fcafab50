using System.Text;
using System;

namespace VodTools.Services.Oss
{
    /// <summary>OSS object keys as OSS takes them (OSS "Object naming conventions"): 1 to 1023 bytes of UTF-8, not starting with '/' or '\'.</summary>
    public static class OssObjectKeys
    {
        public const int MaxBytes = 1023;

        public static string Check(string key)
        {
            var bytes = Encoding.UTF8.GetByteCount(key);
            if (bytes == 0 || bytes > MaxBytes || key.StartsWith("/", StringComparison.Ordinal) || key.StartsWith("\\", StringComparison.Ordinal))
                throw new ValidationException("OssObjectKeyInvalid", $"'{Shorten(key)}' ({bytes} bytes) is not an OSS object key: 1 to {MaxBytes} bytes of UTF-8, not starting with '/' or '\\'.", "Key");
            return key;
        }

        private static string Shorten(string key) => key.Length <= 80 ? key : key.Substring(0, 60) + "…" + key.Substring(key.Length - 10);
    }
}
