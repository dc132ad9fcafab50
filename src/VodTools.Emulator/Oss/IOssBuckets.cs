namespace VodTools.Emulator.Oss;

/// <summary>What VOD and Media Processing may ask of OSS: where a bucket is, the objects their media are, and VOD's own
/// writes to its storage. They read OSS through this, never through its stored records.</summary>
internal interface IOssBuckets
{
    /// <summary>The region of a bucket, or null when there is no such bucket.</summary>
    string? RegionOf(string bucket);

    /// <summary>Creates the bucket (in the default region) unless it exists; returns its region.</summary>
    string Ensure(string bucket);

    /// <summary>An object, or null when there is none.</summary>
    StoredObject? Find(string bucket, string key);

    /// <summary>Deletes an object and its data, if there is one.</summary>
    void Delete(string bucket, string key);

    /// <summary>Stores <paramref name="content"/> as an object, as a PutObject without headers would.</summary>
    Task<StoredObject> PutAsync(string bucket, string key, Stream content);
}

/// <summary>An object as VOD and Media Processing see it.</summary>
/// <param name="Md5Hex">the MD5 of its data in lower-case hex; empty for an object assembled from parts</param>
internal sealed record StoredObject(string Bucket, string Key, long Size, string Md5Hex, DateTimeOffset LastModified);
