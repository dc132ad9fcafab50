using System;

namespace VodTools.Services.EmulatorControl
{
    /// <summary>The emulator could not be started. <see cref="ErrorId"/> is stable for scripts.</summary>
    internal sealed class EmulatorStartException : Exception
    {
        public const string NotFound = "EmulatorNotFound";
        public const string RuntimeMissing = "EmulatorRuntimeMissing";
        public const string Exited = "EmulatorExited";
        public const string StartTimeout = "EmulatorStartTimeout";

        public EmulatorStartException(string errorId, string message, string? target = null, Exception? inner = null) : base(message, inner)
        {
            ErrorId = errorId;
            Target = target;
        }

        public string ErrorId { get; }
        /// <summary>The file the failure is about (the emulator's dll, or the dotnet host), if any.</summary>
        public string? Target { get; }
    }
}
