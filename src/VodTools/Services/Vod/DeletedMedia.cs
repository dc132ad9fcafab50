using System.Collections.Generic;

namespace VodTools.Services.Vod
{
    /// <summary>What DeleteVideo did not delete, and what may have been deleted by an earlier attempt whose answer was lost.</summary>
    public sealed class DeletedMedia
    {
        public DeletedMedia(IReadOnlyList<string> nonExistent, IReadOnlyList<string> forbidden, IReadOnlyList<string> goneBeforeAnswer)
        {
            NonExistent = nonExistent;
            Forbidden = forbidden;
            GoneBeforeAnswer = goneBeforeAnswer;
        }

        public IReadOnlyList<string> NonExistent { get; }
        public IReadOnlyList<string> Forbidden { get; }
        public IReadOnlyList<string> GoneBeforeAnswer { get; }
    }
}
