using System.Threading.Tasks;
using System.Threading;
using VodTools.Api.Credentials;
using VodTools.Model;

namespace VodTools.Services
{
    /// <summary>A file uploaded as a new media: its id and where VOD put its file.</summary>
    public sealed class UploadedMedia
    {
        public UploadedMedia(string mediaId, string fileUrl)
        {
            MediaId = mediaId;
            FileUrl = fileUrl;
        }

        public string MediaId { get; }
        public string FileUrl { get; }
    }

    /// <summary>
    /// Uploads a local file as a new VOD media: CreateUploadVideo names where and as whom, the file goes there through
    /// OSS, and VOD's upload credentials are refreshed (RefreshUploadVideo) whenever they are about to expire.
    /// </summary>
    public sealed class MediaUploadService
    {
        private readonly CloudSession _session;

        public MediaUploadService(CloudSession session) => _session = session;

        public async Task<UploadedMedia> UploadAsync(string path, UploadRequest request, long partSize, TransferProgress progress, CancellationToken cancellationToken)
        {
            var vod = _session.Vod;
            var region = _session.Region.RegionId;
            var (mediaId, target) = await vod.CreateUploadVideoOnceAsync(request, cancellationToken).ConfigureAwait(false);
            var uploader = new OssUploadService(t => _session.OssClientFor(t.Endpoint, t.SigningRegion(region), new StaticCredentialProvider(t.Credentials, "VOD upload credentials")));
            await uploader.UploadAsync(path, target, cancellation => vod.RefreshUploadVideoAsync(mediaId, cancellation), partSize, progress, cancellationToken).ConfigureAwait(false);
            return new UploadedMedia(mediaId, OssFileUrl.Build(target.Bucket, target.SigningRegion(region), target.Key));
        }
    }
}
