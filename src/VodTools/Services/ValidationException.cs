using System;

namespace VodTools.Services
{
    /// <summary>Input the cloud would refuse, caught before any call. <see cref="ErrorId"/> is stable for scripts.</summary>
    public sealed class ValidationException : ArgumentException
    {
        public ValidationException(string errorId, string message, string? paramName = null) : base(message, paramName)
        {
            ErrorId = errorId;
        }

        public string ErrorId { get; }

        /// <summary>True when no item of the call can succeed either (e.g. a region without the service): the cmdlet stops.</summary>
        public bool AffectsEveryItem { get; set; }
    }
}
