using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using System.Threading;
using System.Xml.Linq;
using System;
using VodTools.Api;
using VodTools.Model;
using VodTools.Services.Formats;

namespace VodTools.Services.Oss
{
    /// <summary>The OSS operations VodTools uses, typed (OSS API reference).</summary>
    public sealed class OssService
    {
        private readonly OssClient _client;

        public OssService(OssClient client) => _client = client;

        public string Region => _client.Region;

        /// <summary>Every bucket of the account, following the markers.</summary>
        public async Task<IReadOnlyList<OssBucket>> ListBucketsAsync(string? prefix, CancellationToken cancellationToken)
        {
            var buckets = new List<OssBucket>();
            string? marker = null;
            do
            {
                var request = new OssRequest(OssOperations.ListBuckets, HttpMethod.Get)
                    .WithQuery("prefix", prefix).WithQuery("marker", marker).WithQuery("max-keys", "1000");
                var result = await _client.GetXmlAsync(request, cancellationToken).ConfigureAwait(false);
                buckets.AddRange(result.Child("Buckets")?.Children("Bucket").Select(ReadBucket) ?? Enumerable.Empty<OssBucket>());
                marker = result.Bool("IsTruncated") ? result.Text("NextMarker") : null;
            }
            while (!string.IsNullOrEmpty(marker));
            return buckets;
        }

        public async Task<OssBucket> GetBucketInfoAsync(string bucket, CancellationToken cancellationToken)
        {
            var result = await _client.GetXmlAsync(new OssRequest(OssOperations.GetBucketInfo, HttpMethod.Get, bucket).WithQuery("bucketInfo", string.Empty), cancellationToken).ConfigureAwait(false);
            var info = ReadBucket(result.Child("Bucket") ?? result);
            info.Acl = result.Child("Bucket")?.Child("AccessControlList")?.Text("Grant");
            return info;
        }

        /// <summary>One ListObjectsV2 page (encoding-type=url, decoded here).</summary>
        public async Task<OssObjectPage> ListObjectsAsync(
            string bucket, string? prefix, string? delimiter, string? startAfter, string? continuationToken, int maxKeys, CancellationToken cancellationToken)
        {
            var request = new OssRequest(OssOperations.ListObjectsV2, HttpMethod.Get, bucket)
                .WithQuery("list-type", "2")
                .WithQuery("prefix", prefix)
                .WithQuery("delimiter", delimiter)
                .WithQuery("start-after", continuationToken == null ? startAfter : null)
                .WithQuery("continuation-token", continuationToken)
                .WithQuery("max-keys", maxKeys.ToString(CultureInfo.InvariantCulture))
                .WithQuery("encoding-type", "url");
            var result = await _client.GetXmlAsync(request, cancellationToken).ConfigureAwait(false);
            return ReadObjectPage(result, bucket, _client.Region);
        }

        /// <summary>Reads one ListObjectsV2 answer (its root element) into a page.</summary>
        internal static OssObjectPage ReadObjectPage(XElement result, string bucket, string region)
        {
            var encoded = string.Equals(result.Text("EncodingType"), "url", StringComparison.OrdinalIgnoreCase);
            string Decode(string? value) => value == null ? string.Empty : encoded ? DecodeListed(value) : value;

            var objects = new List<OssObject>();
            var prefixes = new List<OssObject>();
            foreach (var element in result.Elements())
            {
                var name = element.Name.LocalName;
                if (name == "Contents") objects.Add(ReadContents(element, bucket, region, encoded));
                else if (name == "CommonPrefixes") prefixes.Add(new OssObject { Bucket = bucket, Region = region, Key = Decode(element.Text("Prefix")), IsPrefix = true });
            }
            objects.AddRange(prefixes);
            var next = result.Bool("IsTruncated") ? Decode(result.Text("NextContinuationToken")) : null;
            return new OssObjectPage(objects, string.IsNullOrEmpty(next) ? null : next);
        }

        /// <summary>
        /// A name from a listing sent with encoding-type=url, decoded as both official C# OSS SDKs decode it: '+' is a
        /// space, then %XX are UTF-8 bytes (a '+' in a key arrives as %2B).
        /// </summary>
        internal static string DecodeListed(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));

        /// <summary>One Contents entry, its children read in one pass (a page holds up to 1,000 of them).</summary>
        private static OssObject ReadContents(XElement contents, string bucket, string region, bool encoded)
        {
            var item = new OssObject { Bucket = bucket, Region = region, Key = string.Empty };
            foreach (var field in contents.Elements())
            {
                var value = field.Value;
                switch (field.Name.LocalName)
                {
                    case "Key": item.Key = encoded ? DecodeListed(value) : value; break;
                    case "Size": item.Size = long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var size) ? size : 0; break;
                    case "LastModified": item.ModificationTime = Xml.ParseDate(value); break;
                    case "ETag": item.ETag = value; break;
                    case "StorageClass": item.StorageClass = value; break;
                    case "Type": item.Type = value; break;
                }
            }
            return item;
        }

        /// <summary>Deletes an object; OSS answers 204 whether or not it existed.</summary>
        public async Task DeleteObjectAsync(string bucket, string key, CancellationToken cancellationToken)
        {
            using var _ = await _client.SendAsync(new OssRequest(OssOperations.DeleteObject, HttpMethod.Delete, bucket, key), HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>The object's size, type and ETag; throws NoSuchKey when it does not exist.</summary>
        public async Task<OssObject> HeadObjectAsync(string bucket, string key, CancellationToken cancellationToken)
        {
            using var response = await _client.SendAsync(new OssRequest(OssOperations.HeadObject, HttpMethod.Head, bucket, key), HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            return new OssObject
            {
                Bucket = bucket,
                Key = key,
                Region = _client.Region,
                Size = response.Content.Headers.ContentLength ?? 0,
                ModificationTime = response.Content.Headers.LastModified?.LocalDateTime,
                ETag = response.Headers.ETag?.Tag,
                Type = response.Headers.TryGetValues("x-oss-object-type", out var type) ? type.FirstOrDefault() : null,
                StorageClass = response.Headers.TryGetValues("x-oss-storage-class", out var storage) ? storage.FirstOrDefault() : null,
            };
        }

        private OssBucket ReadBucket(XElement bucket)
        {
            var location = bucket.Text("Location") ?? string.Empty;
            return new OssBucket
            {
                Bucket = bucket.Text("Name") ?? string.Empty,
                Location = location,
                Region = bucket.Text("Region") ?? (location.StartsWith("oss-", StringComparison.Ordinal) ? location.Substring(4) : location),
                CreationTime = bucket.Date("CreationDate"),
                StorageClass = bucket.Text("StorageClass"),
                ExtranetEndpoint = bucket.Text("ExtranetEndpoint"),
                IntranetEndpoint = bucket.Text("IntranetEndpoint"),
            };
        }
    }
}
