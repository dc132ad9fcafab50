using System.Diagnostics;
using System.Runtime.InteropServices;

namespace VodTools.Emulator.Hosting;

/// <summary>How the emulator stays out of the way of the PowerShell that started it: it leaves that terminal's session,
/// so a Ctrl+C typed for another command does not stop it (--own-session), and it ends when that PowerShell ends, so it
/// does not hold its port and data folder after the session is gone (--parent-pid).</summary>
internal static class ParentProcess
{
    /// <summary>On Unix, a new session and process group with no terminal (setsid): the terminal's SIGINT, SIGQUIT,
    /// SIGTSTP and SIGHUP no longer reach the emulator. On Windows there is nothing to do: Start-VodEmulator starts it
    /// without a window, which gives it a console of its own, so the Ctrl+C of the user's console does not reach it.</summary>
    /// <returns>false when the emulator could not leave (it already leads a process group, e.g. a job a shell started)</returns>
    public static bool LeaveTerminalSession() => OperatingSystem.IsWindows() || setsid() != -1;

    /// <summary>Completes once process <paramref name="processId"/> has ended, checking every second. On Unix, when it is
    /// the emulator's own parent, it has ended as soon as the emulator is handed to another parent: that also catches a
    /// parent killed but not yet reaped (still in the process table) and a process id that was reused since.</summary>
    public static async Task WhenEndedAsync(int processId)
    {
        using var process = Find(processId);
        if (process == null) return;
        bool isParent = !OperatingSystem.IsWindows() && getppid() == processId;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (!HasEnded(process, isParent)) await timer.WaitForNextTickAsync();
    }

    private static Process? Find(int processId)
    {
        try
        {
            return Process.GetProcessById(processId);
        }
        catch (ArgumentException)
        {
            return null; // not running
        }
    }

    private static bool HasEnded(Process process, bool isParent)
    {
        try
        {
            if (process.HasExited) return true;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
        return isParent && getppid() != process.Id;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int setsid();

    [DllImport("libc")]
    private static extern int getppid();
}
