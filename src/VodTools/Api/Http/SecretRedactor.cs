using System.Collections.Generic;
using System.Text.RegularExpressions;
using System;

namespace VodTools.Api.Http
{
    /// <summary>
    /// The last line of defence for diagnostics: removes known secrets and anything shaped like a
    /// signature or Authorization value from a text before it is shown or logged.
    /// </summary>
    public static class SecretRedactor
    {
        public const string Mask = "***";

        private static readonly Regex SignatureShapes = new Regex(
            @"(?<k>(Signature|x-oss-signature|SecurityToken|security-token|x-acs-security-token|x-oss-security-token|AccessKeySecret|Authorization)\s*[=:]\s*""?)(?<v>[^&,""\s]+)",
            RegexOptions.IgnoreCase | RegexOptions.Compiled | RegexOptions.CultureInvariant);

        /// <summary>Masks every occurrence of the given secrets (ignoring empty ones) and every signature-shaped value.</summary>
        public static string Redact(string text, IEnumerable<string?> secrets)
        {
            if (string.IsNullOrEmpty(text)) return text;
            foreach (var secret in secrets)
            {
                if (!string.IsNullOrEmpty(secret) && secret!.Length >= 4)
                    text = text.Replace(secret, Mask);
            }
            return SignatureShapes.Replace(text, m => m.Groups["k"].Value + Mask);
        }
    }
}
