using System.Text.RegularExpressions;

namespace VodTools.Services.Oss
{
    /// <summary>OSS bucket names as RAM policies and VOD configuration take them.</summary>
    public static class OssBucketNames
    {
        private static readonly Regex Name = new Regex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$", RegexOptions.CultureInvariant);

        /// <summary>3–63 lowercase letters, digits and '-', starting and ending with a letter or digit.</summary>
        public static string Check(string bucket) => Name.IsMatch(bucket) ? bucket
            : throw new ValidationException("OssBucketNameInvalid", $"'{bucket}' is not an OSS bucket name: 3 to 63 lowercase letters, digits or '-', starting and ending with a letter or digit.", "Bucket");

        /// <summary>The bucket's public OSS domain, e.g. <c>media-archive.oss-cn-shanghai.aliyuncs.com</c> (VOD's StorageLocation and origin form).</summary>
        public static string PublicHost(string bucket, string region) => bucket + ".oss-" + region + ".aliyuncs.com";
    }
}
