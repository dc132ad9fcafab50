using System.Security.Cryptography;
using System.Text;
using System;

namespace VodTools.Api.Signing
{
    /// <summary>The hash primitives the signers share.</summary>
    public static class Crypto
    {
        /// <summary>Lower-case hex SHA-256 of an empty payload.</summary>
        public const string EmptySha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

        public static byte[] HmacSha256(byte[] key, string data)
        {
            using var hmac = new HMACSHA256(key);
            return hmac.ComputeHash(Encoding.UTF8.GetBytes(data));
        }

        public static byte[] HmacSha1(byte[] key, string data)
        {
            using var hmac = new HMACSHA1(key);
            return hmac.ComputeHash(Encoding.UTF8.GetBytes(data));
        }

        public static string Sha256Hex(byte[] data)
        {
            using var sha = SHA256.Create();
            return ToHex(sha.ComputeHash(data));
        }

        public static string Sha256Hex(string data) => Sha256Hex(Encoding.UTF8.GetBytes(data));

        public static string ToHex(byte[] bytes)
        {
            var chars = new char[bytes.Length * 2];
            for (var i = 0; i < bytes.Length; i++)
            {
                chars[i * 2] = "0123456789abcdef"[bytes[i] >> 4];
                chars[i * 2 + 1] = "0123456789abcdef"[bytes[i] & 0xF];
            }
            return new string(chars);
        }

        public static string Md5Base64(byte[] data)
        {
            using var md5 = MD5.Create();
            return Convert.ToBase64String(md5.ComputeHash(data));
        }
    }
}
