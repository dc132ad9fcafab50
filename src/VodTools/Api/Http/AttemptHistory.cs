namespace VodTools.Api.Http
{
    /// <summary>
    /// What the attempts of one successful call went through: a caller whose "not found" may be its own earlier attempt's
    /// doing (a delete whose answer was lost, then retried) reads it here.
    /// </summary>
    public sealed class AttemptHistory
    {
        /// <summary>An earlier attempt may have acted: its answer was lost before the call was tried again.</summary>
        public bool AfterUnansweredAttempt { get; internal set; }
    }
}
