using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using System.Threading;
using System;
using VodTools.Api.Credentials;
using VodTools.Model;
using VodTools.Services.Vod;

namespace VodTools.Services.Upload
{
    /// <summary>
    /// Uploads a local file as a VOD media, resumably. The media is created (CreateUploadVideo) with a ReferenceId made
    /// from the file's path, size and last write time and the media's title, app and storage, so a rerun finds it (GetVideoInfo by ReferenceId) instead of making
    /// a second one: a media that holds its file already is returned as it is; one still uploading gets fresh credentials
    /// (RefreshUploadVideo) and its upload goes on from the checkpoint, with only the parts OSS does not hold sent.
    /// </summary>
    public sealed class MediaUploadService
    {
        private readonly CloudSession _session;

        public MediaUploadService(CloudSession session) => _session = session;

        public async Task<UploadOutcome> UploadAsync(string path, UploadRequest request, UploadOptions options, TransferProgress progress, CancellationToken cancellationToken)
        {
            var vod = _session.Vod;
            var region = _session.Region.RegionId;
            var file = new FileInfo(path);
            var (size, written) = (file.Length, file.LastWriteTimeUtc);
            var checkpointPath = UploadCheckpoint.PathFor(path, options.CheckpointFolder);
            var (warnings, notes) = (new List<string>(), new List<string>());

            var saved = UploadCheckpoint.Load(checkpointPath);
            if (saved != null && !saved.Describes(size, written))
            {
                warnings.Add($"'{file.Name}' changed since its upload to media {saved.MediaId} stopped: it is sent again from the start, as a new media. " +
                    $"Remove the unfinished one with Remove-VodMedia -MediaId {saved.MediaId}.");
                saved = null;
            }

            var reference = UploadCheckpoint.ReferenceFor(path, size, written, request.Title, request.AppId, request.StorageLocation);
            var earlier = await vod.FindUploadAsync(reference, cancellationToken).ConfigureAwait(false);
            if (earlier != null && earlier.HasFile)
            {
                UploadCheckpoint.Delete(checkpointPath);
                var found = (await vod.GetVideoInfosAsync(new[] { earlier.MediaId }, cancellationToken).ConfigureAwait(false)).Media.FirstOrDefault()
                    ?? new VodMedia { MediaId = earlier.MediaId, Title = request.Title, Status = earlier.Status };
                found.NewRegister = false;
                warnings.Add($"'{file.Name}' was uploaded before, as media {earlier.MediaId} ({earlier.Status}): it is not sent again.");
                return new UploadOutcome(found, warnings, notes);
            }

            var (mediaId, target) = earlier != null
                ? (earlier.MediaId, await vod.RefreshUploadVideoAsync(earlier.MediaId, cancellationToken).ConfigureAwait(false))
                : await vod.CreateUploadVideoOnceAsync(request, reference, cancellationToken).ConfigureAwait(false);
            var checkpoint = saved != null && saved.MediaId == mediaId ? saved : new UploadCheckpoint
            {
                FileSize = size,
                FileWriteTimeUtc = written.Ticks,
                MediaId = mediaId,
                ReferenceId = reference,
                PartSize = OssUploadService.PartSizeFor(size, options.PartSize),
            };
            if (earlier != null) notes.Add($"Resuming the upload of '{file.Name}' to media {mediaId}: {checkpoint.Parts.Count} parts ({checkpoint.BytesDone:N0} bytes) were sent before, to be confirmed with OSS.");
            (checkpoint.Endpoint, checkpoint.Bucket, checkpoint.Key) = (target.Endpoint.ToString(), target.Bucket, target.Key);
            try
            {
                checkpoint.Save(checkpointPath);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new ValidationException("VodCheckpointNotWritable",
                    $"The checkpoint of '{file.Name}' cannot be written at '{checkpointPath}' ({e.Message}); give -CheckpointPath a folder that can be written. " +
                    $"Media {mediaId} waits for the file: the next run finds it.", "CheckpointPath");
            }

            var uploader = new OssUploadService(t => _session.OssClientFor(t.Endpoint, t.SigningRegion(region), new StaticCredentialProvider(t.Credentials, "VOD upload credentials")));
            using (var credentials = new UploadCredentials(target, cancellation => vod.RefreshUploadVideoAsync(mediaId, cancellation)))
            {
                var found = await uploader.UploadAsync(path, checkpoint, credentials, options.PartsInFlight, progress,
                    c => c.Save(checkpointPath), part => UploadCheckpoint.Append(checkpointPath, part), cancellationToken).ConfigureAwait(false);
                if (found > 0) notes.Add($"OSS held {found} part(s) of '{file.Name}' that the checkpoint did not record (sent just before the last run stopped): they match the file and were kept.");
                if (credentials.Refreshes > 0) notes.Add($"The upload credentials of media {mediaId} were renewed {credentials.Refreshes} time(s) on the way (RefreshUploadVideo).");
            }
            UploadCheckpoint.Delete(checkpointPath);
            return new UploadOutcome(new VodMedia
            {
                MediaId = mediaId,
                Title = request.Title,
                FileUrl = OssFileUrl.Build(target.Bucket, target.SigningRegion(region), target.Key),
                NewRegister = true,
                Status = "UploadSucc",
                Size = size,
                TemplateGroupId = request.TemplateGroupId,
                Description = request.Description,
                Tags = request.Tags,
                CateId = request.CateId,
                CoverUrl = request.CoverUrl,
                AppId = request.AppId,
            }, warnings, notes);
        }
    }
}
