namespace VodTools.Services.Transcode
{
    /// <summary>What one poll of a transcode task came to.</summary>
    public enum TranscodeWaitVerdict
    {
        /// <summary>Still running; polled again later.</summary>
        Running,
        Succeeded,
        /// <summary>Ended CompleteAllFail or CompletePartialSucc.</summary>
        Failed,
        /// <summary>Still running when its time ran out; it goes on in VOD.</summary>
        TimedOut,
        /// <summary>The poll failed after all its attempts with a passing error; polled again later.</summary>
        PollFailed,
        /// <summary>Polls failed too often in a row, or with an error no later poll can mend.</summary>
        Unavailable,
    }
}
