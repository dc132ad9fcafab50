using System;

namespace VodTools.Services.EmulatorControl
{
    /// <summary>An admin call failed: the emulator is unreachable, or refused what was asked (its message says why).</summary>
    internal sealed class EmulatorAdminException : Exception
    {
        public EmulatorAdminException(string message, bool unreachable, Exception? inner = null) : base(message, inner) => Unreachable = unreachable;

        public bool Unreachable { get; }
    }
}
