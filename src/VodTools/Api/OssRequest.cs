using System.Collections.Generic;
using System.Net.Http;
using System;

namespace VodTools.Api
{
    /// <summary>One OSS REST call before signing: what it addresses and what it carries.</summary>
    public sealed class OssRequest
    {
        public OssRequest(string operation, HttpMethod method, string? bucket = null, string? key = null)
        {
            Operation = operation;
            Method = method;
            Bucket = bucket;
            Key = key;
        }

        /// <summary>The operation's name for diagnostics and errors, e.g. <c>ListObjectsV2</c>.</summary>
        public string Operation { get; }
        public HttpMethod Method { get; }
        public string? Bucket { get; }
        public string? Key { get; }

        /// <summary>Query parameters, values not encoded; a sub-resource without value has an empty value.</summary>
        public List<KeyValuePair<string, string>> Query { get; } = new List<KeyValuePair<string, string>>();

        /// <summary>Headers to send and sign, Content-Type and Content-MD5 included.</summary>
        public List<KeyValuePair<string, string>> Headers { get; } = new List<KeyValuePair<string, string>>();

        /// <summary>Makes the body afresh for each attempt, so a retry can resend it; null for no body.</summary>
        public Func<HttpContent>? Content { get; set; }

        /// <summary>
        /// Compare the CRC-64 of the body sent with the answer's <c>x-oss-hash-crc64ecma</c>, as the official OSS SDKs do
        /// by default for PutObject and UploadPart: a difference is a <see cref="Http.TransportCodes.CrcMismatch"/> failure,
        /// retried like a transport failure; an answer without the header is not checked.
        /// </summary>
        public bool VerifyBodyCrc64 { get; set; }

        public OssRequest WithQuery(string name, string? value)
        {
            if (value != null) Query.Add(new KeyValuePair<string, string>(name, value));
            return this;
        }

        public OssRequest WithHeader(string name, string? value)
        {
            if (value != null) Headers.Add(new KeyValuePair<string, string>(name, value));
            return this;
        }
    }
}
