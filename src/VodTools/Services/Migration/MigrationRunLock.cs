using System.Globalization;
using System.IO;
using System;
using VodTools.Model;

namespace VodTools.Services.Migration
{
    /// <summary>
    /// One run per journal: an exclusive lock on the side file &lt;journal&gt;.lock, held for the run. It is the operating
    /// system's lock on an open file, not the file's presence: FileShare.None is a share-mode lock on Windows and an
    /// flock(LOCK_EX) on Linux and macOS, and either ends with the process that holds it, also when it is killed (kill -9).
    /// Two opens in one process conflict too, so two runspaces of one PowerShell cannot both hold it. The holder writes who
    /// it is (computer, process, start) to &lt;journal&gt;.run, which a refused run reads to name it.
    /// </summary>
    public sealed class MigrationRunLock : IDisposable
    {
        private readonly FileStream _file;

        private MigrationRunLock(FileStream file) => _file = file;

        /// <summary>The lock of <paramref name="journalPath"/>, or null when another run holds it (then <paramref name="holder"/> is that run, when it has said).</summary>
        public static MigrationRunLock? TryAcquire(string journalPath, out MigrationRun? holder)
        {
            var path = journalPath + ".lock";
            holder = null;
            FileStream file;
            try
            {
                file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException e) when (!(e is FileNotFoundException) && !(e is DirectoryNotFoundException) && File.Exists(path))
            {
                holder = ReadHolder(journalPath); // a sharing violation (Windows) or EWOULDBLOCK (flock): held by another run
                return null;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new ValidationException("VodMigrationJournalUnavailable", $"The lock file '{path}' beside the journal cannot be opened: {e.Message}", "JournalPath");
            }
            var started = DateTime.UtcNow.ToString("o", CultureInfo.InvariantCulture);
            File.WriteAllText(journalPath + ".run", $"{Environment.MachineName}\n{System.Diagnostics.Process.GetCurrentProcess().Id}\n{started}\n");
            return new MigrationRunLock(file);
        }

        private static MigrationRun? ReadHolder(string journalPath)
        {
            try
            {
                var lines = File.ReadAllLines(journalPath + ".run");
                return new MigrationRun
                {
                    Host = lines[0],
                    ProcessId = int.Parse(lines[1], CultureInfo.InvariantCulture),
                    Started = DateTime.Parse(lines[2], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind).ToLocalTime(),
                };
            }
            catch (Exception e) when (e is IOException || e is FormatException || e is IndexOutOfRangeException || e is UnauthorizedAccessException)
            {
                return null; // not written yet, or unreadable: the refusal says less
            }
        }

        public void Dispose() => _file.Dispose();
    }
}
