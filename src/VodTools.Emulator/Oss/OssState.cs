using VodTools.Emulator.Storage;

namespace VodTools.Emulator.Oss;

/// <summary>OSS's state over the store: buckets, objects and their bodies, and multipart uploads in progress. What VOD and
/// Media Processing may read of it is <see cref="IOssBuckets"/>.</summary>
internal sealed class OssState(Store store, TimeProvider clock) : IOssBuckets
{
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Told of each object a client stored (VOD announces an upload's file with it).</summary>
    public Action<StoredObject>? Committed { get; set; }

    public Bucket? FindBucket(string name) => store.Get<Bucket>(Bucket.Kind, name);

    public Bucket RequireBucket(string name) => FindBucket(name) ?? throw OssException.NoSuchBucket(name);

    public string? RegionOf(string bucket) => FindBucket(bucket)?.Region;

    public string Ensure(string bucket)
    {
        store.TryAdd(Bucket.Kind, bucket, new Bucket { Name = bucket, CreationDate = Now });
        return FindBucket(bucket)!.Region;
    }

    public StoredObject? Find(string bucket, string key) => store.GetObject(bucket, key) is { } o ? Stored(o) : null;

    public void Delete(string bucket, string key) => store.DeleteBody(store.DeleteObject(bucket, key)?.BodyId);

    public async Task<StoredObject> PutAsync(string bucket, string key, Stream content)
    {
        var body = await ObjectBodies.WriteAsync(store, content, corrupt: false, CancellationToken.None);
        var record = new ObjectRecord(bucket, key, body.Size, "\"" + Convert.ToHexString(body.Md5) + "\"", Convert.ToBase64String(body.Md5),
            "application/octet-stream", Now, body.BodyId, "Normal", [], body.Crc64);
        store.DeleteBody(store.PutObject(record)?.BodyId);
        return Stored(record);
    }

    private static StoredObject Stored(ObjectRecord o) => new(o.Bucket, o.Key, o.Size,
        o.ContentMd5.Length == 0 ? "" : Convert.ToHexString(Convert.FromBase64String(o.ContentMd5)).ToLowerInvariant(), o.LastModified);

    /// <summary>Makes a stored body the current object (the metadata row is the commit point), removes the body it replaced
    /// and tells <see cref="Committed"/>. With <paramref name="forbidOverwrite"/> an object already there stays, and the
    /// new body is removed: 409 FileAlreadyExists.</summary>
    public void Commit(ObjectRecord record, bool forbidOverwrite)
    {
        var previous = store.Atomically(() =>
        {
            if (forbidOverwrite && store.GetObject(record.Bucket, record.Key) != null) return record;
            return store.PutObject(record);
        });
        if (ReferenceEquals(previous, record))
        {
            store.DeleteBody(record.BodyId);
            throw OssException.FileAlreadyExists();
        }
        store.DeleteBody(previous?.BodyId);
        Committed?.Invoke(Stored(record));
    }

    public MultipartUpload RequireUpload(string bucket, string uploadId)
    {
        RequireBucket(bucket);
        var upload = store.Get<MultipartUpload>(MultipartUpload.Kind, uploadId);
        return upload != null && upload.Bucket == bucket ? upload : throw OssException.NoSuchUpload(uploadId);
    }

    /// <summary>Deletes body files no object or upload part refers to: what a kill -9 left between writing a
    /// body and committing its metadata (such a write was never acknowledged).</summary>
    public void RemoveOrphanBodies()
    {
        var referenced = ReferencedBodyIds();
        foreach (var file in Directory.EnumerateFiles(store.BodiesDir))
            if (!referenced.Contains(Path.GetFileName(file))) File.Delete(file);
    }

    /// <summary>The bodies the state refers to: every object's and every pending upload part's.</summary>
    public HashSet<string> ReferencedBodyIds()
    {
        var referenced = store.ObjectBodyIds();
        foreach (var upload in store.All<MultipartUpload>(MultipartUpload.Kind))
            referenced.UnionWith(upload.Parts.Values.Select(p => p.BodyId));
        return referenced;
    }
}
