using System.Security.Cryptography;
using VodTools.Emulator.Storage;

namespace VodTools.Emulator.Oss;

/// <summary>A body written to a file while its MD5 and CRC-64 are computed.</summary>
internal sealed record StoredBody(string BodyId, long Size, byte[] Md5, ulong Crc64);

/// <summary>Writes object bodies into the store's folder.</summary>
internal static class ObjectBodies
{
    /// <summary>Streams <paramref name="source"/> into a new body file (OSS uploads, and VOD's pull from a URL).</summary>
    /// <param name="corrupt">damage the first byte on the way: stored, hashed and answered as received</param>
    public static async Task<StoredBody> WriteAsync(Store store, Stream source, bool corrupt, CancellationToken cancellationToken)
    {
        string bodyId = Guid.NewGuid().ToString("N");
        string path = store.BodyPath(bodyId);
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        var crc = new Crc64();
        long size = 0;
        try
        {
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    if (corrupt)
                    {
                        buffer[0] ^= 0xFF;
                        corrupt = false;
                    }
                    md5.AppendData(buffer, 0, read);
                    crc.Append(buffer.AsSpan(0, read));
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    size += read;
                }
            }
            return new StoredBody(bodyId, size, md5.GetHashAndReset(), crc.Value);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }
}
