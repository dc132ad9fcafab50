using System.Threading.Tasks;
using System.Threading;

namespace VodTools.Services
{
    /// <summary>
    /// What a multi-step workflow needs from whoever runs it (a cmdlet): consent before each write, a wait for each call
    /// on the caller's thread (where progress and -Verbose lines are written, and Ctrl+C is seen), and a place for notes.
    /// </summary>
    public interface IWorkflowHost
    {
        bool ShouldProcess(string target, string action);

        /// <summary>Consent before a write of high impact (one that changes who may act as a role): asked by default, as ConfirmImpact High asks.</summary>
        bool ShouldProcessHighImpact(string target, string action);

        /// <summary>A second, explicit question before a write that takes something away (asked even without -Confirm).</summary>
        bool ShouldContinue(string query, string caption);

        T Await<T>(Task<T> task);

        void Await(Task task);

        void WriteVerbose(string text);

        CancellationToken Cancellation { get; }
    }
}
