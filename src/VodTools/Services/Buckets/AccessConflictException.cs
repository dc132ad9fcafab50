using System;

namespace VodTools.Services.Buckets
{
    /// <summary>A resource exists in a shape the workflow will not change without being forced.</summary>
    public sealed class AccessConflictException : InvalidOperationException
    {
        public AccessConflictException(string errorId, string message) : base(message) => ErrorId = errorId;

        public string ErrorId { get; }
    }
}
