using System;
using VodTools.Api.Http;

namespace VodTools.Services
{
    /// <summary>
    /// A write that may have been done although its answer was lost, which VodTools did not repeat (a repeat would do it
    /// twice) and could not confirm by reading back. The message says what may have happened; <see cref="Check"/> says how
    /// to find out. <see cref="ErrorId"/> is stable for scripts.
    /// </summary>
    public sealed class OutcomeUnknownException : Exception
    {
        public OutcomeUnknownException(string errorId, string message, string check, CloudException cause) : base(message, cause)
        {
            ErrorId = errorId;
            Check = check;
        }

        public string ErrorId { get; }

        /// <summary>What the user can do to learn whether the write was done.</summary>
        public string Check { get; }
    }
}
