namespace VodTools.Api.Http
{
    /// <summary>What one successful attempt produced, with what the log line reports of it.</summary>
    internal readonly struct AttemptResult<T>
    {
        public AttemptResult(T value, int status, string? requestId)
        {
            Value = value;
            Status = status;
            RequestId = requestId;
        }

        public T Value { get; }
        public int Status { get; }
        public string? RequestId { get; }
    }
}
