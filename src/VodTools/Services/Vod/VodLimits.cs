using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text;
using System;
using VodTools.Model;
using VodTools.Services.Formats;

namespace VodTools.Services.Vod
{
    /// <summary>VOD's documented field limits (alibabacloud-go/vod-20170321 models: RegisterMedia, CreateUploadVideo, UpdateVideoInfo), checked locally so a bad item fails alone and early.</summary>
    public static class VodLimits
    {
        public const int TitleBytes = 128;
        public const int DescriptionBytes = 1024;
        public const int UrlBytes = 1024;
        public const int MaxTags = 16;
        public const int TagBytes = 32;

        /// <summary>A category name: "up to 64 bytes in length" (AddCategoryRequest and UpdateCategoryRequest.CateName).</summary>
        public const int CategoryNameBytes = 64;

        public static string CategoryName(string name, string parameter)
        {
            var bytes = Encoding.UTF8.GetByteCount(name);
            if (bytes > CategoryNameBytes)
                throw new ValidationException("VodCategoryNameTooLong", $"The category name is {bytes} bytes in UTF-8; VOD allows {CategoryNameBytes}.", parameter);
            return name;
        }

        public static string Title(string? title)
        {
            if (string.IsNullOrWhiteSpace(title)) throw new ValidationException("VodTitleMissing", "A title is required.", "Title");
            CheckText(title!, "Title", TitleBytes, "VodTitleTooLong", "VodTitleHasEmoji");
            return title!;
        }

        public static string? Description(string? description)
        {
            if (description != null) CheckText(description, "Description", DescriptionBytes, "VodDescriptionTooLong", "VodDescriptionHasEmoji");
            return description;
        }

        /// <summary>Joins tags the way VOD takes them (comma separated), after checking count, size and characters.</summary>
        public static string? Tags(string[]? tags)
        {
            if (tags == null || tags.Length == 0) return null;
            if (tags.Length > MaxTags) throw new ValidationException("VodTooManyTags", $"VOD takes at most {MaxTags} tags; {tags.Length} were given.", "Tags");
            foreach (var tag in tags)
            {
                if (string.IsNullOrWhiteSpace(tag) || tag.Contains(","))
                    throw new ValidationException("VodTagInvalid", $"The tag '{tag}' is empty or contains a comma.", "Tags");
                CheckText(tag, "Tag '" + tag + "'", TagBytes, "VodTagTooLong", "VodTagHasEmoji");
            }
            return string.Join(",", tags);
        }

        public static string FileUrl(string fileUrl)
        {
            if (Encoding.UTF8.GetByteCount(fileUrl) > UrlBytes)
                throw new ValidationException("VodFileUrlTooLong", $"The FileURL is longer than {UrlBytes} bytes.", "FileUrl");
            if (!OssFileUrl.TryParse(fileUrl, out _, out _, out _))
                throw new ValidationException("VodFileUrlNotOss", $"'{fileUrl}' does not name an object on an OSS endpoint (https://<bucket>.oss-<region>.aliyuncs.com/<key>).", "FileUrl");
            return fileUrl;
        }

        public static string? CoverUrl(string? coverUrl)
        {
            if (coverUrl == null) return null;
            if (Encoding.UTF8.GetByteCount(coverUrl) > UrlBytes || !Uri.TryCreate(coverUrl, UriKind.Absolute, out _))
                throw new ValidationException("VodCoverUrlInvalid", $"The CoverURL must be an absolute URL of at most {UrlBytes} bytes.", "CoverUrl");
            return coverUrl;
        }

        /// <summary>Checks that a parameter documented as JSON parses as a JSON object (or array when allowed); returns it compacted.</summary>
        public static string? JsonObject(string? json, string parameter, bool arrayAllowed = false)
        {
            if (json == null) return null;
            try
            {
                using var document = JsonDocument.Parse(json);
                var kind = document.RootElement.ValueKind;
                if (kind != JsonValueKind.Object && !(arrayAllowed && kind == JsonValueKind.Array))
                    throw new ValidationException("VodJsonParameterInvalid", $"-{parameter} must be a JSON {(arrayAllowed ? "object or array" : "object")}.", parameter);
                return Json.Compact(writer => document.RootElement.WriteTo(writer));
            }
            catch (JsonException e)
            {
                throw new ValidationException("VodJsonParameterInvalid", $"-{parameter} is not valid JSON: {e.Message}", parameter);
            }
        }

        private static void CheckText(string text, string what, int maxBytes, string tooLongId, string emojiId)
        {
            var bytes = Encoding.UTF8.GetByteCount(text);
            if (bytes > maxBytes) throw new ValidationException(tooLongId, $"{what} is {bytes} bytes in UTF-8; VOD allows {maxBytes}.", what);
            if (HasEmoji(text)) throw new ValidationException(emojiId, $"{what} contains an emoji; VOD refuses emoticons in titles, descriptions and tags.", what);
        }

        /// <summary>Refuses a key VOD cannot register: a folder, or a name without a (media) extension.</summary>
        public static void MediaKey(string key)
        {
            if (key.EndsWith("/", StringComparison.Ordinal) || string.IsNullOrEmpty(Path.GetExtension(key)))
                throw new ValidationException("VodFileExtensionMissing", $"'{key}' has no file extension; VOD registers only files with a media extension.", "Key");
        }

        /// <summary>The file name without extension, emoji removed and cut to VOD's 128 bytes.</summary>
        public static string DefaultTitle(string key)
        {
            var name = Path.GetFileNameWithoutExtension(key.Replace('\\', '/').Split('/').Last());
            var builder = new StringBuilder();
            for (var i = 0; i < name.Length; i++)
            {
                var text = char.IsHighSurrogate(name[i]) && i + 1 < name.Length ? name.Substring(i++, 2) : name[i].ToString();
                if (HasEmoji(text)) continue;
                if (Encoding.UTF8.GetByteCount(builder + text) > TitleBytes) break;
                builder.Append(text);
            }
            var title = builder.ToString().Trim();
            return title.Length > 0 ? title : "untitled";
        }

        /// <summary>Pictographs, emoticons, symbols and dingbats, and the emoji variation selector.</summary>
        public static bool HasEmoji(string text)
        {
            for (var i = 0; i < text.Length; i++)
            {
                var codePoint = char.IsHighSurrogate(text[i]) && i + 1 < text.Length ? char.ConvertToUtf32(text[i], text[++i]) : text[i];
                if ((codePoint >= 0x1F000 && codePoint <= 0x1FAFF) || (codePoint >= 0x2600 && codePoint <= 0x27BF) || codePoint == 0xFE0F)
                    return true;
            }
            return false;
        }

        internal static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
