using VodTools.Model;
using VodTools.Services.Migration;
using VodTools.Services;

namespace VodTools.Tests.Services.Migration;

public sealed class MigrationJournalTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("vodtools-journal-").FullName;
    private string JournalPath => Path.Combine(_folder, "job.journal");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static MigrationParameters Job(string? prefix = "films/") => new()
    {
        Bucket = "media-archive", Region = "cn-shanghai", Prefix = prefix, Include = ["*.mp4"], TemplateGroupId = "group-1",
    };

    private static OssObject Object(string key) => new() { Bucket = "media-archive", Region = "cn-shanghai", Key = key, Size = 5 };

    [Fact]
    public async Task KeepsEveryStateAcrossReopening()
    {
        using (var journal = MigrationJournal.Open(JournalPath, create: true))
        {
            journal.SetParameters(Job());
            journal.StartRun("host-1", 42);
            await journal.AddListedAsync([Object("films/a.mp4"), Object("films/b.mp4"), Object("films/c.mp4")], "token-2");
            var files = journal.Next(MigrationState.Listed, 10);
            files[0].Progress = MigrationState.Registered;
            files[0].MediaId = "media-a";
            files[0].NewRegister = true;
            files[1].Progress = MigrationState.Failed;
            files[1].FailedAt = MigrationStage.Register;
            files[1].ErrorId = "VodRegisterRefused";
            files[1].ErrorCode = "FailedFileURL";
            await journal.UpdateAsync([files[0], files[1]]);
        }

        using var reopened = MigrationJournal.Open(JournalPath, create: false);
        Assert.Equal("films/", reopened.Parameters!.Prefix);
        Assert.Equal(["*.mp4"], reopened.Parameters.Include);
        Assert.Equal("token-2", reopened.ListingToken);
        Assert.False(reopened.ListingComplete);
        var registered = Assert.Single(reopened.Next(MigrationState.Registered, 10));
        Assert.Equal(("films/a.mp4", "media-a", true), (registered.Key, registered.MediaId, registered.NewRegister));
        Assert.Equal("https://media-archive.oss-cn-shanghai.aliyuncs.com/films/a.mp4", registered.FileUrl);
        var failed = Assert.Single(reopened.Failed());
        Assert.Equal(("films/b.mp4", "VodRegisterRefused", "FailedFileURL"), (failed.Key, failed.ErrorId, failed.ErrorCode));
        Assert.Equal("films/c.mp4", Assert.Single(reopened.Next(MigrationState.Listed, 10)).Key);
    }

    [Fact]
    public async Task ListingAgainKeepsWhatTheFilesHaveReached()
    {
        using var journal = MigrationJournal.Open(JournalPath, create: true);
        journal.SetParameters(Job());
        await journal.AddListedAsync([Object("films/a.mp4")], "next");
        var file = journal.Next(MigrationState.Listed, 1)[0];
        file.Progress = MigrationState.Registered;
        file.MediaId = "media-a";
        await journal.UpdateAsync([file]);

        await journal.AddListedAsync([Object("films/a.mp4"), Object("films/b.mp4")], null);

        Assert.True(journal.ListingComplete);
        Assert.Equal("media-a", Assert.Single(journal.Next(MigrationState.Registered, 10)).MediaId);
        Assert.Equal("films/b.mp4", Assert.Single(journal.Next(MigrationState.Listed, 10)).Key);
    }

    [Fact]
    public async Task RetryFailedPutsEachFileBackWhereItsStageStarts()
    {
        using var journal = MigrationJournal.Open(JournalPath, create: true);
        journal.SetParameters(Job());
        await journal.AddListedAsync([Object("films/a.mp4"), Object("films/b.mp4"), Object("films/c.mp4")], null);
        var files = journal.Next(MigrationState.Listed, 10);
        void Fail(MigrationFile f, MigrationStage stage, string errorId, string? media, string? task)
        {
            (f.Progress, f.FailedAt, f.ErrorId, f.MediaId, f.TaskId, f.JobIds) = (MigrationState.Failed, stage, errorId, media, task, task == null ? null : "job-1");
        }
        Fail(files[0], MigrationStage.Register, "VodRegisterFailed", null, null);
        Fail(files[1], MigrationStage.Wait, "VodTranscodeFailed", "media-b", "task-b");
        Fail(files[2], MigrationStage.Wait, "VodTranscodeTaskUnavailable", "media-c", "task-c");
        await journal.UpdateAsync(files);

        Assert.Equal(1, journal.RetryFailed(["films/c.mp4"], retryableOnly: false));
        Assert.Equal("task-c", Assert.Single(journal.Next(MigrationState.Transcoding, 10)).TaskId);
        Assert.Equal(2, journal.RetryFailed(null, retryableOnly: false));

        Assert.Equal("films/a.mp4", Assert.Single(journal.Next(MigrationState.Listed, 10)).Key);
        var retranscode = Assert.Single(journal.Next(MigrationState.Registered, 10));
        Assert.Equal(("media-b", null, null, "task-b"), (retranscode.MediaId, retranscode.TaskId, retranscode.JobIds, retranscode.RetrySalt));
        Assert.Null(retranscode.ErrorId);
        Assert.Empty(journal.Failed());
    }

    [Fact]
    public async Task APlainRerunTakesUpOnlyTheFailuresThatCanGoAway()
    {
        using var journal = MigrationJournal.Open(JournalPath, create: true);
        journal.SetParameters(Job());
        await journal.AddListedAsync([Object("films/a.mp4"), Object("films/b.mp4")], null);
        var files = journal.Next(MigrationState.Listed, 10);
        foreach (var f in files) (f.Progress, f.FailedAt, f.ErrorId, f.MediaId, f.TaskId) = (MigrationState.Failed, MigrationStage.Wait, "VodTranscodeFailed", "media", "task");
        (files[0].ErrorCode, files[0].Retryable) = ("AccessDenied", true);
        (files[1].ErrorCode, files[1].Retryable) = ("InvalidVideo.Damaged", false);
        await journal.UpdateAsync(files);

        Assert.Equal(1, journal.Report(1).FailedRetryable);
        Assert.Equal(MigrationReport.Pending, journal.Report(1).State);
        Assert.Equal(1, journal.RetryFailed(null, retryableOnly: true));
        Assert.Equal("films/a.mp4", Assert.Single(journal.Next(MigrationState.Registered, 10)).Key);
        var damaged = Assert.Single(journal.Failed());
        Assert.Equal(("films/b.mp4", false), (damaged.Key, damaged.Retryable));
    }

    [Fact]
    public async Task RequeueLeavesTheRunsFailuresOfOneCausePending()
    {
        using var journal = MigrationJournal.Open(JournalPath, create: true);
        journal.SetParameters(Job());
        journal.StartRun("host-1", 42);
        await journal.AddListedAsync([Object("films/a.mp4"), Object("films/b.mp4"), Object("films/c.mp4")], null);
        var files = journal.Next(MigrationState.Listed, 10);
        foreach (var f in files) (f.Progress, f.FailedAt, f.ErrorId, f.ErrorCode, f.Retryable) = (MigrationState.Failed, MigrationStage.Register, "VodRegisterRefused", "FailedFileURL", true);
        files[2].ErrorCode = "Throttling.User";
        await journal.UpdateAsync(files);

        Assert.Equal(2, journal.Requeue(MigrationStage.Register, "VodRegisterRefused", "FailedFileURL"));
        Assert.Equal(["films/a.mp4", "films/b.mp4"], journal.Next(MigrationState.Listed, 10).Select(f => f.Key));
        Assert.Equal("films/c.mp4", Assert.Single(journal.Failed()).Key);
        journal.EndRun("CircuitBroken");
        await journal.AddListedAsync([], null); // any commit writes the run's counts
        var run = journal.LastRun()!;
        Assert.Equal(("host-1", 42, "CircuitBroken", 3L, 1L), (run.Host, run.ProcessId, run.Outcome, run.NewFiles, run.Failed));
    }

    [Fact]
    public async Task ANewPassListsAfterTheLastKeyInOssOrder()
    {
        using var journal = MigrationJournal.Open(JournalPath, create: true);
        journal.SetParameters(Job());
        // OSS lists keys in UTF-8 byte order: 'Z' < 'a' < 'é'
        await journal.AddListedAsync([Object("films/Z.mp4"), Object("films/é.mp4"), Object("films/a.mp4")], null);
        Assert.Equal("films/é.mp4", journal.LastKey());
        journal.StartListingPass(journal.LastKey());
        Assert.False(journal.ListingComplete);
        Assert.Equal(("films/é.mp4", (string?)null), (journal.ListingStartAfter, journal.ListingToken));
        Assert.Equal(1, await journal.AddListedAsync([Object("films/a.mp4"), Object("films/é2.mp4")], null));
        Assert.True(journal.ListingComplete);
        Assert.Null(journal.ListingStartAfter);
    }

    [Fact]
    public async Task OpensAJournalOfTheVersionBeforeAndAddsWhatItLacks()
    {
        using (var old = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={JournalPath};Pooling=False"))
        {
            old.Open();
            using var command = old.CreateCommand();
            command.CommandText = @"CREATE TABLE job (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE runs (id INTEGER PRIMARY KEY, started INTEGER NOT NULL, ended INTEGER NOT NULL);
CREATE TABLE files (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, size INTEGER NOT NULL, state INTEGER NOT NULL,
    media_id TEXT, new_register INTEGER NOT NULL DEFAULT 0, task_id TEXT, job_ids TEXT, retry_salt TEXT, snapshot_job_id TEXT, status TEXT,
    failed_stage INTEGER, error_id TEXT, error_code TEXT, request_id TEXT, message TEXT,
    listed INTEGER NOT NULL, registered INTEGER, submitted INTEGER, transcoded INTEGER, finished INTEGER, updated INTEGER NOT NULL);
INSERT INTO job VALUES ('schema', '1'), ('bucket', 'media-archive'), ('region', 'cn-shanghai');
INSERT INTO runs (started, ended) VALUES (1000, 5000);
INSERT INTO files (key, size, state, listed, updated) VALUES ('films/a.mp4', 5, 0, 1000, 1000);";
            command.ExecuteNonQuery();
        }
        using var journal = MigrationJournal.Open(JournalPath, create: false);
        var report = journal.Report(1);
        Assert.Equal((1, 4.0, 1L), (report.Runs, report.ElapsedSeconds, report.Listed));
        Assert.Null(report.LastRun!.Outcome);
        Assert.False(Assert.Single(journal.Next(MigrationState.Listed, 10)).Retryable);
    }

    [Fact]
    public void RatesCountTheTimeEachStageRanNotTheSpreadOfItsLastStepsNorTheGapsBetweenRuns()
    {
        using (var journal = MigrationJournal.Open(JournalPath, create: true)) journal.SetParameters(Job());
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={JournalPath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            // two runs of 60 s and 30 s an hour apart; ten files listed at once, registered within 9 ms (one batch after
            // another), submitted a second later, five transcoded at the end of each run (seen at the same poll)
            var files = string.Join(", ", Enumerable.Range(0, 10).Select(i =>
                $"('films/{i}.mp4', 5, 4, 1000, {2000 + i}, 3000, {(i < 5 ? 61000 : 3630000)}, {(i < 5 ? 61000 : 3630000)})"));
            command.CommandText = $@"INSERT INTO runs (started, ended) VALUES (1000, 61000), (3600000, 3630000);
INSERT INTO files (key, size, state, listed, registered, submitted, transcoded, updated) VALUES {files};";
            command.ExecuteNonQuery();
        }

        using var reopened = MigrationJournal.Open(JournalPath, create: false);
        var stages = reopened.Report(1).Stages.ToDictionary(s => s.Stage);

        Assert.Equal(10 / 1.009, stages["Register"].FilesPerSecond!.Value, 6);   // from the listing to the last registration
        Assert.Equal(10 / 1.0, stages["Transcode"].FilesPerSecond!.Value, 6);
        Assert.Equal(10 / 88.0, stages["Wait"].FilesPerSecond!.Value, 6);       // 58 s of the first run and 30 s of the second
        Assert.Equal("Wait: 10 files, 0 failed, 6.8 files/min", stages["Wait"].ToString());
    }

    [Theory]
    [InlineData(2095.9, "2095.9 files/s")]
    [InlineData(0.5, "30 files/min")]
    [InlineData(0.001, "3.6 files/h")]
    [InlineData(null, null)]
    public void ARateIsWrittenInTheUnitThatKeepsItReadable(double? filesPerSecond, string? text)
    {
        Assert.Equal(text, MigrationStageRate.Rate(filesPerSecond));
    }

    [Fact]
    public void RefusesAFileThatIsNotAJournal()
    {
        File.WriteAllText(JournalPath, "not a database, just text that is long enough to be read as a header or not");
        var e = Assert.Throws<ValidationException>(() => MigrationJournal.Open(JournalPath, create: true));
        Assert.Equal("VodMigrationJournalUnreadable", e.ErrorId);
    }

    [Fact]
    public void DoesNotMakeAJournalToReport()
    {
        var e = Assert.Throws<ValidationException>(() => MigrationJournal.Open(JournalPath, create: false));
        Assert.Equal("VodMigrationJournalNotFound", e.ErrorId);
        Assert.False(File.Exists(JournalPath));
    }
}

public class MigrationParametersTests
{
    private static MigrationParameters Job() => new()
    {
        Bucket = "media-archive", Region = "cn-shanghai", Prefix = "films/", Include = ["*.mp4"], TemplateGroupId = "group-1", Snapshot = true,
    };

    [Fact]
    public void TheSameJobHasNoDifference()
    {
        var mine = Job();
        mine.TemplateGroupId = null; // not given: the journal's
        Assert.Null(mine.Differences(Job()));
    }

    [Fact]
    public void NamesEachParameterThatDiffers()
    {
        var mine = Job();
        mine.Prefix = "clips/";
        mine.Exclude = ["*.tmp"];
        mine.TemplateGroupId = "group-2";
        var differences = mine.Differences(Job());
        Assert.Contains("-Prefix 'films/' (this command: 'clips/')", differences);
        Assert.Contains("-Exclude '' (this command: '*.tmp')", differences);
        Assert.DoesNotContain("-TemplateGroupId", differences); // it may change: the transcodes from then on use it
        Assert.DoesNotContain("-Bucket", differences);
    }
}

public class TaskFromJobsTests
{
    private static MigrationFile File(string jobIds) => new() { TaskId = "task-1", MediaId = "media-1", JobIds = jobIds };

    private static TranscodeJob Job(string id, string status) => new() { JobId = id, Status = status, Progress = status == "Transcoding" ? 40 : 100 };

    [Theory]
    [InlineData("TranscodeSuccess", "TranscodeSuccess", "CompleteAllSucc")]
    [InlineData("TranscodeFail", "TranscodeFail", "CompleteAllFail")]
    [InlineData("TranscodeSuccess", "TranscodeFail", "CompletePartialSucc")]
    [InlineData("TranscodeSuccess", "Transcoding", "Processing")]
    public void ReadsTheTaskStatusFromItsJobs(string first, string second, string status)
    {
        var task = MigrationJob.FromJobs(File("j1,j2"), [Job("j2", second), Job("other", "TranscodeFail"), Job("j1", first)])!;
        Assert.Equal(status, task.Status);
        Assert.Equal(["j1", "j2"], task.Jobs.Select(j => j.JobId));
        Assert.Equal(("task-1", "media-1"), (task.TaskId, task.MediaId));
    }

    [Fact]
    public void IsUnknownWhenAJobIsMissingFromTheAnswer() =>
        Assert.Null(MigrationJob.FromJobs(File("j1,j2"), [Job("j1", "TranscodeSuccess")]));
}
