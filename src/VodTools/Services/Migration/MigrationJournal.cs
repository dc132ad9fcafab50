using Microsoft.Data.Sqlite;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using System.Threading;
using System;
using VodTools.Model;

namespace VodTools.Services.Migration
{
    /// <summary>
    /// A migration's state on disk: one SQLite file (WAL) holding the job's parameters, the listing's position, every
    /// file's state and each run's span. Changes are group-committed by one writer: callers await their change's commit,
    /// so whatever a stage has been told is done has reached the file, and a kill -9 loses only what is still in flight.
    /// Reads go page by page (never the whole table), so resuming a journal of 10^7 files holds a few pages in memory.
    /// </summary>
    public sealed class MigrationJournal : IDisposable
    {
        /// <summary>2: each run's host, process, outcome and counts; each failure's class (retryable).</summary>
        private const int SchemaVersion = 2;

        private readonly SqliteConnection _connection;
        private readonly object _gate = new object();
        private readonly BlockingCollection<PendingWrite> _writes = new BlockingCollection<PendingWrite>();
        private readonly Task _writer;
        private long _runId;
        // this run's counts, changed and written by the writer thread only
        private long _runNew;
        private long _runDone;
        private long _runFailed;

        private MigrationJournal(string path, SqliteConnection connection)
        {
            Path = path;
            _connection = connection;
            _writer = Task.Factory.StartNew(WriteLoop, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        public string Path { get; }

        /// <summary>Opens a journal; with <paramref name="create"/> a missing file is made, otherwise it must exist.</summary>
        public static MigrationJournal Open(string path, bool create)
        {
            if (!create && !File.Exists(path))
                throw new ValidationException("VodMigrationJournalNotFound", $"There is no migration journal at '{path}'.", "JournalPath");
            SqliteRuntime.EnsureLoaded();
            var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString());
            try
            {
                connection.Open();
                // WAL: a commit is one append, readers never block the writer; NORMAL: a commit survives the process being
                // killed (the OS has it), a power cut may lose the last ones, which a rerun repeats safely.
                Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;");
                Execute(connection, @"
CREATE TABLE IF NOT EXISTS job (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS runs (id INTEGER PRIMARY KEY, started INTEGER NOT NULL, ended INTEGER NOT NULL" + RunColumns + @");
CREATE TABLE IF NOT EXISTS files (
    id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, size INTEGER NOT NULL, state INTEGER NOT NULL,
    media_id TEXT, new_register INTEGER NOT NULL DEFAULT 0, task_id TEXT, job_ids TEXT, retry_salt TEXT, snapshot_job_id TEXT, status TEXT,
    failed_stage INTEGER, error_id TEXT, error_code TEXT, request_id TEXT, message TEXT,
    listed INTEGER NOT NULL, registered INTEGER, submitted INTEGER, transcoded INTEGER, finished INTEGER, updated INTEGER NOT NULL" + FileColumnsAdded + @");
CREATE INDEX IF NOT EXISTS files_state ON files(state);");
                var journal = new MigrationJournal(path, connection);
                var version = journal.Value("schema");
                if (version == "1")
                {
                    // a journal of the version before: add the columns, the files and runs stay as they are
                    journal.WriteAsync(c =>
                    {
                        foreach (var column in RunColumns.Split(new[] { ", " }, StringSplitOptions.RemoveEmptyEntries)) Execute(c, "ALTER TABLE runs ADD COLUMN " + column);
                        Execute(c, "ALTER TABLE files ADD COLUMN " + FileColumnsAdded.TrimStart(',', ' '));
                    }).GetAwaiter().GetResult();
                    version = null;
                }
                if (version == null) journal.SetValues(new Dictionary<string, string> { ["schema"] = SchemaVersion.ToString(CultureInfo.InvariantCulture) });
                else if (version != SchemaVersion.ToString(CultureInfo.InvariantCulture))
                {
                    journal.Dispose();
                    throw new ValidationException("VodMigrationJournalVersion", $"'{path}' is a migration journal of another VodTools version (schema {version}); use a new -JournalPath.", "JournalPath");
                }
                return journal;
            }
            catch (SqliteException e)
            {
                connection.Dispose();
                throw new ValidationException("VodMigrationJournalUnreadable", $"'{path}' cannot be used as a migration journal: {e.Message}", "JournalPath");
            }
        }

        /// <summary>The columns schema 2 added, as a CREATE TABLE or an upgrade adds them.</summary>
        private const string RunColumns = ", host TEXT, pid INTEGER, outcome TEXT, new_files INTEGER NOT NULL DEFAULT 0, done_files INTEGER NOT NULL DEFAULT 0, failed_files INTEGER NOT NULL DEFAULT 0";
        private const string FileColumnsAdded = ", retryable INTEGER NOT NULL DEFAULT 0";

        private MigrationParameters? _parameters;

        /// <summary>The parameters the journal was started with; null for a new journal.</summary>
        public MigrationParameters? Parameters => _parameters ??= ReadParameters();

        private MigrationParameters? ReadParameters()
        {
            var pairs = Read(c =>
            {
                var values = new Dictionary<string, string>(StringComparer.Ordinal);
                using var command = Command(c, "SELECT name, value FROM job");
                using var reader = command.ExecuteReader();
                while (reader.Read()) values[reader.GetString(0)] = reader.GetString(1);
                return values;
            });
            return pairs.ContainsKey("bucket") ? MigrationParameters.FromPairs(pairs) : null;
        }

        /// <summary>Records the parameters of a new journal.</summary>
        public void SetParameters(MigrationParameters parameters)
        {
            SetValues(parameters.ToPairs().ToDictionary(p => p.Key, p => p.Value));
            _parameters = parameters;
        }

        /// <summary>Records that files are transcoded with another group from now on (a corrected -TemplateGroupId).</summary>
        public void SetTemplateGroup(string templateGroupId)
        {
            SetValues(new Dictionary<string, string> { ["templateGroupId"] = templateGroupId });
            _parameters = null;
        }

        /// <summary>The continuation token of the next page to list; null before the first page of a pass.</summary>
        public string? ListingToken => Value("listingToken") is string token && token.Length > 0 ? token : null;

        /// <summary>The key a pass that lists only newer keys starts after, until its first page is in; else null.</summary>
        public string? ListingStartAfter => Value("listingStartAfter") is string key && key.Length > 0 ? key : null;

        /// <summary>True when the latest pass over the bucket reached its end.</summary>
        public bool ListingComplete => Value("listingComplete") == "1";

        /// <summary>Starts a new pass over the bucket (after a finished one): from the start, or after <paramref name="startAfter"/>.</summary>
        public void StartListingPass(string? startAfter) =>
            SetValues(new Dictionary<string, string> { ["listingToken"] = string.Empty, ["listingStartAfter"] = startAfter ?? string.Empty, ["listingComplete"] = "0" });

        /// <summary>The greatest key listed, in OSS's order (UTF-8 bytes, as SQLite compares text); null for none.</summary>
        public string? LastKey() => Read(c =>
        {
            using var command = Command(c, "SELECT MAX(key) FROM files");
            return command.ExecuteScalar() as string;
        });

        /// <summary>Starts a run on this process and host: its span and counts are kept up to date with every commit, so a killed run still counts.</summary>
        public void StartRun(string host, int processId)
        {
            var now = Now();
            _runId = Read(c =>
            {
                using var command = Command(c, "INSERT INTO runs (started, ended, host, pid) VALUES ($now, $now, $host, $pid); SELECT last_insert_rowid();",
                    ("$now", now), ("$host", host), ("$pid", processId));
                return (long)command.ExecuteScalar()!;
            });
        }

        /// <summary>Records how this run ended (<see cref="MigrationRun.Outcome"/>) and waits for it to be committed.</summary>
        public void EndRun(string outcome) => WriteAsync(c =>
        {
            using var command = Command(c, "UPDATE runs SET outcome = $outcome WHERE id = $id", ("$outcome", outcome), ("$id", _runId));
            command.ExecuteNonQuery();
        }).GetAwaiter().GetResult();

        /// <summary>The latest run (the one that holds the journal, while one does); null before the first.</summary>
        public MigrationRun? LastRun() => Read(c =>
        {
            using var command = Command(c, "SELECT started, ended, host, pid, outcome, new_files, done_files, failed_files FROM runs ORDER BY id DESC LIMIT 1");
            using var reader = command.ExecuteReader();
            if (!reader.Read()) return null;
            return new MigrationRun
            {
                Started = Time(reader.GetInt64(0)),
                Ended = Time(reader.GetInt64(1)),
                Seconds = (reader.GetInt64(1) - reader.GetInt64(0)) / 1000.0,
                Host = reader.IsDBNull(2) ? null : reader.GetString(2),
                ProcessId = reader.IsDBNull(3) ? 0 : reader.GetInt32(3),
                Outcome = reader.IsDBNull(4) ? null : reader.GetString(4),
                NewFiles = reader.GetInt64(5),
                Done = reader.GetInt64(6),
                Failed = reader.GetInt64(7),
            };
        });

        /// <summary>Adds a listed page (keys already in the journal are kept as they are) and where the next page starts; the task's result is how many keys were new.</summary>
        public async Task<long> AddListedAsync(IReadOnlyList<OssObject> objects, string? nextToken)
        {
            long added = 0;
            await WriteAsync(c =>
            {
                var now = Now();
                using var insert = Command(c, "INSERT OR IGNORE INTO files (key, size, state, listed, updated) VALUES ($key, $size, 0, $now, $now)",
                    ("$key", string.Empty), ("$size", 0L), ("$now", now));
                foreach (var item in objects)
                {
                    insert.Parameters["$key"].Value = item.Key;
                    insert.Parameters["$size"].Value = item.Size;
                    added += insert.ExecuteNonQuery();
                }
                _runNew += added;
                SetValues(c, new Dictionary<string, string> { ["listingToken"] = nextToken ?? string.Empty, ["listingStartAfter"] = string.Empty, ["listingComplete"] = nextToken == null ? "1" : "0" });
            }).ConfigureAwait(false);
            return added;
        }

        /// <summary>Records each file's new state and what came with it; the stage's time is set when a file reaches it.</summary>
        public Task UpdateAsync(IReadOnlyList<MigrationFile> files) => WriteAsync(c =>
        {
            using var update = Command(c, @"UPDATE files SET state = $state, retryable = $retryable, media_id = $mediaId, new_register = $newRegister, task_id = $taskId, job_ids = $jobIds,
    retry_salt = $retrySalt, snapshot_job_id = $snapshotJobId, status = $status, failed_stage = $failedStage, error_id = $errorId, error_code = $errorCode,
    request_id = $requestId, message = $message, updated = $now,
    registered = CASE WHEN $state IN (1, 2, 3, 4) THEN COALESCE(registered, $now) ELSE registered END,
    submitted = CASE WHEN $state IN (2, 3, 4) THEN COALESCE(submitted, $now) ELSE submitted END,
    transcoded = CASE WHEN $state IN (3, 4) THEN COALESCE(transcoded, $now) ELSE transcoded END,
    finished = CASE WHEN $state IN (4, 5) THEN $now ELSE NULL END
WHERE id = $id",
                ("$state", 0), ("$retryable", 0), ("$mediaId", null), ("$newRegister", 0), ("$taskId", null), ("$jobIds", null), ("$retrySalt", null), ("$snapshotJobId", null),
                ("$status", null), ("$failedStage", null), ("$errorId", null), ("$errorCode", null), ("$requestId", null), ("$message", null), ("$now", Now()), ("$id", 0L));
            foreach (var file in files)
            {
                Set(update, "$state", (int)file.Progress);
                Set(update, "$retryable", file.Retryable ? 1 : 0);
                if (file.Progress == MigrationState.Done) _runDone++;
                if (file.Progress == MigrationState.Failed) _runFailed++;
                Set(update, "$mediaId", file.MediaId);
                Set(update, "$newRegister", file.NewRegister ? 1 : 0);
                Set(update, "$taskId", file.TaskId);
                Set(update, "$jobIds", file.JobIds);
                Set(update, "$retrySalt", file.RetrySalt);
                Set(update, "$snapshotJobId", file.SnapshotJobId);
                Set(update, "$status", file.Status);
                Set(update, "$failedStage", file.FailedAt == null ? (object?)null : (int)file.FailedAt.Value);
                Set(update, "$errorId", file.ErrorId);
                Set(update, "$errorCode", file.ErrorCode);
                Set(update, "$requestId", file.RequestId);
                Set(update, "$message", file.Message);
                Set(update, "$id", file.Id);
                update.ExecuteNonQuery();
            }
        });

        /// <summary>The first <paramref name="limit"/> files in a state, in listing order.</summary>
        public IReadOnlyList<MigrationFile> Next(MigrationState state, int limit) => Read(c =>
        {
            using var command = Command(c, $"SELECT {FileColumns} FROM files WHERE state = $state ORDER BY id LIMIT $limit", ("$state", (int)state), ("$limit", limit));
            return ReadFiles(command).ToList();
        });

        /// <summary>
        /// Puts failed files back to the state their stage starts from: all, only those whose failure can go away
        /// (<paramref name="retryableOnly"/>), or those of <paramref name="keys"/>. A file whose task ended failed gets a new
        /// transcode, its old task id making the new SessionId.
        /// </summary>
        public long RetryFailed(IReadOnlyCollection<string>? keys, bool retryableOnly) => Read(c =>
        {
            var set = RetrySet + (retryableOnly ? " AND retryable = 1" : string.Empty);
            using var transaction = c.BeginTransaction();
            long count = 0;
            if (keys == null)
            {
                using var command = Command(c, set, ("$now", Now()));
                count = command.ExecuteNonQuery();
            }
            else
            {
                using var command = Command(c, set + " AND key = $key", ("$now", Now()), ("$key", string.Empty));
                foreach (var key in keys)
                {
                    command.Parameters["$key"].Value = key;
                    count += command.ExecuteNonQuery();
                }
            }
            transaction.Commit();
            return count;
        });

        /// <summary>
        /// Leaves pending again the files this run failed at <paramref name="stage"/> with one cause (what stopped the run):
        /// they are not failed, the cause was not theirs. Returns how many.
        /// </summary>
        public long Requeue(MigrationStage stage, string errorId, string? errorCode)
        {
            long count = 0;
            WriteAsync(c =>
            {
                using var command = Command(c, RetrySet + " AND failed_stage = $stage AND error_id = $errorId AND error_code IS $errorCode AND updated >= (SELECT started FROM runs WHERE id = $run)",
                    ("$now", Now()), ("$stage", (int)stage), ("$errorId", errorId), ("$errorCode", errorCode), ("$run", _runId));
                count = command.ExecuteNonQuery();
                _runFailed -= count;
            }).GetAwaiter().GetResult();
            return count;
        }

        /// <summary>What taking a failed file up again sets: the state its failed stage starts from, its error cleared.</summary>
        private const string RetrySet = @"UPDATE files SET
    state = CASE failed_stage WHEN 1 THEN 0 WHEN 2 THEN 1 WHEN 3 THEN (CASE WHEN error_id = 'VodTranscodeFailed' THEN 1 ELSE 2 END) WHEN 4 THEN 3 ELSE 0 END,
    retry_salt = CASE WHEN failed_stage = 3 AND error_id = 'VodTranscodeFailed' THEN task_id ELSE retry_salt END,
    task_id = CASE WHEN failed_stage = 3 AND error_id = 'VodTranscodeFailed' THEN NULL ELSE task_id END,
    job_ids = CASE WHEN failed_stage = 3 AND error_id = 'VodTranscodeFailed' THEN NULL ELSE job_ids END,
    media_id = CASE WHEN failed_stage <= 1 THEN NULL ELSE media_id END,
    failed_stage = NULL, error_id = NULL, error_code = NULL, request_id = NULL, message = NULL, retryable = 0, finished = NULL, updated = $now
WHERE state = 5";

        /// <summary>How many files are in each state, and how many failed at each stage.</summary>
        public (IReadOnlyDictionary<MigrationState, long> States, IReadOnlyDictionary<MigrationStage, long> FailedAt) Counts() => Read(c =>
        {
            var states = Enum.GetValues(typeof(MigrationState)).Cast<MigrationState>().ToDictionary(s => s, _ => 0L);
            var failed = new Dictionary<MigrationStage, long>();
            using var command = Command(c, "SELECT state, failed_stage, COUNT(*) FROM files GROUP BY state, failed_stage");
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var count = reader.GetInt64(2);
                states[(MigrationState)reader.GetInt32(0)] += count;
                if (!reader.IsDBNull(1)) failed[(MigrationStage)reader.GetInt32(1)] = (failed.TryGetValue((MigrationStage)reader.GetInt32(1), out var n) ? n : 0) + count;
            }
            return ((IReadOnlyDictionary<MigrationState, long>)states, (IReadOnlyDictionary<MigrationStage, long>)failed);
        });

        /// <summary>Every failed file, in listing order, a page at a time.</summary>
        public IEnumerable<MigrationFile> Failed()
        {
            for (long after = 0; ;)
            {
                var page = Read(c =>
                {
                    using var command = Command(c, $"SELECT {FileColumns} FROM files WHERE state = 5 AND id > $after ORDER BY id LIMIT 1000", ("$after", after));
                    return ReadFiles(command).ToList();
                });
                foreach (var file in page) yield return file;
                if (page.Count < 1000) yield break;
                after = page[page.Count - 1].Id;
            }
        }

        /// <summary>The report's counts, state and latest run, without rates, failures or timeline: a few indexed reads, for a run's last line.</summary>
        public MigrationReport Status() => Status(Counts().States);

        private MigrationReport Status(IReadOnlyDictionary<MigrationState, long> states)
        {
            var parameters = Parameters ?? new MigrationParameters();
            return new MigrationReport
            {
                JournalPath = Path,
                Bucket = parameters.Bucket,
                Prefix = parameters.Prefix,
                Include = parameters.Include,
                Exclude = parameters.Exclude,
                TemplateGroupId = parameters.TemplateGroupId,
                Snapshot = parameters.Snapshot,
                ListingComplete = ListingComplete,
                Total = states.Values.Sum(),
                Listed = states[MigrationState.Listed],
                Registered = states[MigrationState.Registered],
                Transcoding = states[MigrationState.Transcoding],
                Transcoded = states[MigrationState.Transcoded],
                Done = states[MigrationState.Done],
                Failed = states[MigrationState.Failed],
                FailedRetryable = Read(c =>
                {
                    using var retryable = Command(c, "SELECT COUNT(*) FROM files WHERE state = 5 AND retryable = 1");
                    return (long)retryable.ExecuteScalar()!;
                }),
                LastRun = LastRun(),
            };
        }

        /// <summary>The report's figures: <see cref="Status()"/>, runs, stage rates, failures by ErrorId, the timeline in <paramref name="slices"/> slices.</summary>
        public MigrationReport Report(int slices)
        {
            var parameters = Parameters ?? new MigrationParameters();
            var (states, failedAt) = Counts();
            var report = Status(states);
            Read(c =>
            {
                using (var runs = Command(c, "SELECT COUNT(*), MIN(started), COALESCE(SUM(ended - started), 0) FROM runs"))
                using (var reader = runs.ExecuteReader())
                {
                    reader.Read();
                    report.Runs = reader.GetInt32(0);
                    report.Started = reader.IsDBNull(1) ? (DateTime?)null : Time(reader.GetInt64(1));
                    report.ElapsedSeconds = reader.GetInt64(2) / 1000.0;
                }
                var runTimes = new List<(long Started, long Ended)>();
                using (var command = Command(c, "SELECT started, ended FROM runs"))
                using (var reader = command.ExecuteReader())
                    while (reader.Read()) runTimes.Add((reader.GetInt64(0), reader.GetInt64(1)));
                var stages = new List<MigrationStageRate>();
                // each stage's files, from the time its first file could start (the stage before it done) to its last file
                foreach (var (stage, from, to) in new[]
                {
                    (MigrationStage.Register, "listed", "registered"), (MigrationStage.Transcode, "registered", "submitted"),
                    (MigrationStage.Wait, "submitted", "transcoded"), (MigrationStage.Snapshot, "transcoded", "finished"),
                })
                {
                    if (stage == MigrationStage.Snapshot && !parameters.Snapshot) continue;
                    var condition = stage == MigrationStage.Snapshot ? "state = 4" : to + " IS NOT NULL";
                    using var command = Command(c, $"SELECT COUNT(*), MIN({from}), MAX({to}) FROM files WHERE {condition}");
                    using var reader = command.ExecuteReader();
                    reader.Read();
                    var files = reader.GetInt64(0);
                    var seconds = files == 0 || reader.IsDBNull(1) ? 0 : RunningSeconds(runTimes, reader.GetInt64(1), reader.GetInt64(2));
                    stages.Add(new MigrationStageRate
                    {
                        Stage = stage.ToString(),
                        Files = files,
                        Failed = failedAt.TryGetValue(stage, out var f) ? f : 0,
                        FilesPerSecond = seconds > 0 ? files / seconds : (double?)null,
                    });
                }
                report.Stages = stages;
                report.Failures = FailureGroups(c);
                report.Timeline = Timeline(c, slices);
                return true;
            });
            report.RemainingSeconds = Remaining(report);
            return report;
        }

        /// <summary>
        /// The seconds of [<paramref name="from"/>, <paramref name="to"/>] (ms) during which a run was going: a stage runs only
        /// while the job does, so the days between two runs of a resumed job do not slow its rate. A journal without runs
        /// counts the whole span.
        /// </summary>
        private static double RunningSeconds(IReadOnlyList<(long Started, long Ended)> runs, long from, long to)
        {
            if (runs.Count == 0) return (to - from) / 1000.0;
            return runs.Sum(run => Math.Max(0, Math.Min(to, run.Ended) - Math.Max(from, run.Started))) / 1000.0;
        }

        /// <summary>What is left goes through every stage it has not passed; the slowest stage at its rate decides (seconds).</summary>
        private static double? Remaining(MigrationReport r)
        {
            var seconds = 0.0;
            foreach (var stage in r.Stages)
            {
                var left = r.Total - r.Failed - stage.Files;
                if (left <= 0) continue;
                if (!(stage.FilesPerSecond > 0)) return null;
                seconds = Math.Max(seconds, left / stage.FilesPerSecond.Value);
            }
            return seconds > 0 ? Math.Round(seconds) : (double?)null;
        }

        private static IReadOnlyList<MigrationFailureGroup> FailureGroups(SqliteConnection c)
        {
            var groups = new List<MigrationFailureGroup>();
            using (var command = Command(c, "SELECT error_id, retryable, COUNT(*), MIN(failed_stage) FROM files WHERE state = 5 GROUP BY error_id, retryable ORDER BY COUNT(*) DESC"))
            using (var reader = command.ExecuteReader())
                while (reader.Read())
                    groups.Add(new MigrationFailureGroup
                    {
                        ErrorId = reader.IsDBNull(0) ? "Unknown" : reader.GetString(0),
                        Retryable = reader.GetInt32(1) == 1,
                        Count = reader.GetInt64(2),
                        Stage = reader.IsDBNull(3) ? null : ((MigrationStage)reader.GetInt32(3)).ToString(),
                    });
            foreach (var group in groups)
            {
                using var examples = Command(c, "SELECT key, error_code, message FROM files WHERE state = 5 AND error_id IS $errorId AND retryable = $retryable ORDER BY id LIMIT 3",
                    ("$errorId", group.ErrorId == "Unknown" ? null : group.ErrorId), ("$retryable", group.Retryable ? 1 : 0));
                using var reader = examples.ExecuteReader();
                var keys = new List<string>();
                while (reader.Read())
                {
                    keys.Add(reader.GetString(0));
                    group.ErrorCode ??= reader.IsDBNull(1) ? null : reader.GetString(1);
                    group.Message ??= reader.IsDBNull(2) ? null : reader.GetString(2);
                }
                group.ExampleKeys = keys;
            }
            return groups;
        }

        private static IReadOnlyList<MigrationTimeSlice> Timeline(SqliteConnection c, int slices)
        {
            long first, last;
            using (var span = Command(c, "SELECT MIN(listed), MAX(updated) FROM files"))
            using (var reader = span.ExecuteReader())
            {
                reader.Read();
                if (reader.IsDBNull(0)) return Array.Empty<MigrationTimeSlice>();
                first = reader.GetInt64(0);
                last = Math.Max(reader.GetInt64(1), first + 1000);
            }
            var width = Math.Max(1000, (last - first + slices - 1) / slices);
            var timeline = Enumerable.Range(0, (int)((last - first) / width) + 1)
                .Select(i => new MigrationTimeSlice { Start = Time(first + i * width), Seconds = width / 1000.0 }).ToList();
            foreach (var column in new[] { "registered", "submitted", "transcoded", "finished" })
            {
                using var command = Command(c, $"SELECT ({column} - $first) / $width, COUNT(*) FROM files WHERE {column} IS NOT NULL GROUP BY 1", ("$first", first), ("$width", width));
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    var index = (int)Math.Min(Math.Max(reader.GetInt64(0), 0), timeline.Count - 1);
                    var slice = timeline[index];
                    var count = reader.GetInt64(1);
                    switch (column)
                    {
                        case "registered": slice.Registered += count; break;
                        case "submitted": slice.Submitted += count; break;
                        case "transcoded": slice.Transcoded += count; break;
                        default: slice.Finished += count; break;
                    }
                }
            }
            return timeline;
        }

        public void Dispose()
        {
            _writes.CompleteAdding();
            try
            {
                _writer.Wait();
            }
            catch (AggregateException)
            {
                // each waiting caller has had the error
            }
            lock (_gate) _connection.Dispose();
            _writes.Dispose();
        }

        private const string FileColumns = "id, key, size, state, media_id, new_register, task_id, job_ids, retry_salt, snapshot_job_id, status, failed_stage, error_id, error_code, request_id, message, updated, retryable";

        private IEnumerable<MigrationFile> ReadFiles(SqliteCommand command)
        {
            var parameters = Parameters;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
                var key = reader.GetString(1);
                yield return new MigrationFile
                {
                    Id = reader.GetInt64(0),
                    Bucket = parameters?.Bucket ?? string.Empty,
                    Key = key,
                    FileUrl = parameters == null ? string.Empty : OssFileUrl.Build(parameters.Bucket, parameters.Region, key),
                    Size = reader.GetInt64(2),
                    Progress = (MigrationState)reader.GetInt32(3),
                    MediaId = Text(4),
                    NewRegister = reader.GetInt32(5) == 1,
                    TaskId = Text(6),
                    JobIds = Text(7),
                    RetrySalt = Text(8),
                    SnapshotJobId = Text(9),
                    Status = Text(10),
                    FailedAt = reader.IsDBNull(11) ? (MigrationStage?)null : (MigrationStage)reader.GetInt32(11),
                    ErrorId = Text(12),
                    ErrorCode = Text(13),
                    RequestId = Text(14),
                    Message = Text(15),
                    Updated = Time(reader.GetInt64(16)),
                    Retryable = reader.GetInt32(17) == 1,
                    JournalPath = Path,
                };
            }
        }

        private string? Value(string name) => Read(c =>
        {
            using var command = Command(c, "SELECT value FROM job WHERE name = $name", ("$name", name));
            return command.ExecuteScalar() as string;
        });

        private void SetValues(IReadOnlyDictionary<string, string> values) => WriteAsync(c => SetValues(c, values)).GetAwaiter().GetResult();

        private static void SetValues(SqliteConnection c, IReadOnlyDictionary<string, string> values)
        {
            using var command = Command(c, "INSERT OR REPLACE INTO job (name, value) VALUES ($name, $value)", ("$name", string.Empty), ("$value", string.Empty));
            foreach (var pair in values)
            {
                command.Parameters["$name"].Value = pair.Key;
                command.Parameters["$value"].Value = pair.Value;
                command.ExecuteNonQuery();
            }
        }

        private T Read<T>(Func<SqliteConnection, T> read)
        {
            lock (_gate) return read(_connection);
        }

        /// <summary>Queues a change; the task completes when the transaction holding it has committed.</summary>
        private Task WriteAsync(Action<SqliteConnection> write)
        {
            var pending = new PendingWrite(write);
            _writes.Add(pending);
            return pending.Committed.Task;
        }

        /// <summary>Commits whatever is queued in one transaction (with the run's end time), then wakes its callers.</summary>
        private void WriteLoop()
        {
            var batch = new List<PendingWrite>();
            foreach (var first in _writes.GetConsumingEnumerable())
            {
                batch.Clear();
                batch.Add(first);
                while (batch.Count < 1000 && _writes.TryTake(out var more)) batch.Add(more);
                try
                {
                    lock (_gate)
                    {
                        using var transaction = _connection.BeginTransaction();
                        foreach (var write in batch) write.Write(_connection);
                        if (_runId != 0)
                        {
                            using var run = Command(_connection, "UPDATE runs SET ended = $now, new_files = $new, done_files = $done, failed_files = $failed WHERE id = $id",
                                ("$now", Now()), ("$new", _runNew), ("$done", _runDone), ("$failed", _runFailed), ("$id", _runId));
                            run.ExecuteNonQuery();
                        }
                        transaction.Commit();
                    }
                    foreach (var write in batch) write.Committed.TrySetResult(true);
                }
                catch (Exception e)
                {
                    foreach (var write in batch) write.Committed.TrySetException(e);
                }
            }
        }

        private static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
        {
            var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
            return command;
        }

        private static void Set(SqliteCommand command, string name, object? value) => command.Parameters[name].Value = value ?? DBNull.Value;

        private static void Execute(SqliteConnection connection, string sql)
        {
            using var command = Command(connection, sql);
            command.ExecuteNonQuery();
        }

        private static readonly DateTime Epoch = new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        private static long Now() => (long)(DateTime.UtcNow - Epoch).TotalMilliseconds;

        private static DateTime Time(long milliseconds) => Epoch.AddMilliseconds(milliseconds).ToLocalTime();

        private sealed class PendingWrite
        {
            public PendingWrite(Action<SqliteConnection> write) => Write = write;

            public Action<SqliteConnection> Write { get; }
            public TaskCompletionSource<bool> Committed { get; } = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }
}
