namespace VodTools.Api.Http
{
    /// <summary>Codes VodTools gives failures of the transfer itself: no HTTP answer, or data damaged on the way.</summary>
    public static class TransportCodes
    {
        public const string Timeout = "RequestTimeout";
        public const string ConnectionFailed = "ConnectionFailed";

        /// <summary>OSS answered with a CRC-64 of what it stored that differs from the CRC-64 of what was sent.</summary>
        public const string CrcMismatch = "CrcMismatch";
    }
}
