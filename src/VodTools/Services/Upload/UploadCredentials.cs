using System.Threading.Tasks;
using System.Threading;
using System;
using VodTools.Api.Http;
using VodTools.Services.Vod;

namespace VodTools.Services.Upload
{
    /// <summary>
    /// The upload target and credentials in use by one file's parts, shared by all of them: refreshed (RefreshUploadVideo)
    /// when they are about to expire, and when OSS refuses them as expired although they were not due, once for all the
    /// parts that were refused with the same credentials.
    /// </summary>
    public sealed class UploadCredentials : IDisposable
    {
        /// <summary>Credentials with less than this left are refreshed before the next request.</summary>
        public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

        private readonly Func<CancellationToken, Task<UploadTarget>> _refresh;
        private readonly SemaphoreSlim _refreshing = new SemaphoreSlim(1, 1);
        private UploadTarget _target;

        public UploadCredentials(UploadTarget target, Func<CancellationToken, Task<UploadTarget>> refresh)
        {
            _target = target;
            _refresh = refresh;
        }

        /// <summary>How many times VOD was asked for fresh credentials.</summary>
        public int Refreshes { get; private set; }

        /// <summary>
        /// True when OSS refused a request because its temporary credentials expired: 403 <c>SecurityTokenExpired</c> (error
        /// 0002-00000007, https://www.alibabacloud.com/help/en/oss/support/0002-00000007), or the token or key no longer
        /// recognised (<c>InvalidSecurityToken</c>, <c>InvalidAccessKeyId</c>: aliyun-oss-csharp-sdk sdk/Common/OssErrorCode.cs).
        /// </summary>
        public static bool IsExpiry(CloudException error) =>
            error.HttpStatus == 403 && (error.Code == "SecurityTokenExpired" || error.Code == "InvalidSecurityToken" || error.Code == "InvalidAccessKeyId");

        /// <summary>The target to use now, refreshed first when its credentials are about to expire.</summary>
        public async Task<UploadTarget> CurrentAsync(CancellationToken cancellationToken)
        {
            var target = Volatile.Read(ref _target);
            if (target.Expires - DateTimeOffset.UtcNow >= RefreshMargin) return target;
            return await RefreshAsync(target, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Runs an OSS call with the current credentials; when OSS says they expired, asks VOD for fresh ones (unless another
        /// part already did) and runs it once more.
        /// </summary>
        public async Task<T> RunAsync<T>(Func<UploadTarget, Task<T>> call, CancellationToken cancellationToken)
        {
            var target = await CurrentAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await call(target).ConfigureAwait(false);
            }
            catch (CloudException e) when (IsExpiry(e))
            {
                return await call(await RefreshAsync(target, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
            }
        }

        /// <summary>Fresh credentials, unless those in use are no longer <paramref name="stale"/> (another part refreshed them).</summary>
        private async Task<UploadTarget> RefreshAsync(UploadTarget stale, CancellationToken cancellationToken)
        {
            await _refreshing.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (!ReferenceEquals(_target, stale)) return _target;
                var fresh = await _refresh(cancellationToken).ConfigureAwait(false);
                Refreshes++;
                Volatile.Write(ref _target, fresh);
                return fresh;
            }
            finally
            {
                _refreshing.Release();
            }
        }

        public void Dispose() => _refreshing.Dispose();
    }
}
