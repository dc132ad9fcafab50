using VodTools.Model;
using VodTools.Services.Migration;

namespace VodTools.Tests.Services.Migration;

public sealed class MigrationRunLockTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("vodtools-lock-").FullName;
    private string JournalPath => Path.Combine(_folder, "job.journal");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void OneHolderAtATimeInOneProcess()
    {
        using (var first = MigrationRunLock.TryAcquire(JournalPath, out var none))
        {
            Assert.NotNull(first);
            Assert.Null(none);
            Assert.Null(MigrationRunLock.TryAcquire(JournalPath, out var holder)); // a second runspace of the same PowerShell is refused too
            Assert.Equal((Environment.MachineName, Environment.ProcessId), (holder!.Host, holder.ProcessId));
            Assert.True(DateTime.Now - holder.Started < TimeSpan.FromMinutes(5));
        }
        using var again = MigrationRunLock.TryAcquire(JournalPath, out _);
        Assert.NotNull(again);
        Assert.True(File.Exists(JournalPath + ".lock")); // its presence is not the lock: it stays, and is taken again
    }
}

public class MigrationFailuresTests
{
    private static VodTools.Api.Http.CloudException Cloud(string code, int status) => new("VOD", "SubmitTranscodeJobs", code, "message", status, "request-1", null, null);

    [Theory]
    [InlineData("Throttling.User", 400, true)]
    [InlineData("ServiceUnavailable", 503, true)]
    [InlineData("InternalError", 500, true)]
    [InlineData("Forbidden.IllegalStatus", 400, true)]
    [InlineData("InvalidTranscodeTemplateGroup.NotFound", 404, true)]
    [InlineData("InvalidVideo.Damaged", 400, false)]
    [InlineData("InvalidParameter", 400, false)]
    public void AFailureCanGoAwayWhenItsCauseLiesOutsideTheFile(string code, int status, bool retryable) =>
        Assert.Equal(retryable, MigrationFailures.IsRetryable(Cloud(code, status), null));

    [Theory]
    [InlineData("AccessDenied", true)]
    [InlineData("InvalidVideo.Damaged", false)]
    [InlineData("TranscodeFail", false)]
    public void AFailedTaskIsJudgedByItsJobsCode(string code, bool retryable) =>
        Assert.Equal(retryable, MigrationFailures.IsRetryable(new InvalidOperationException("task failed"), code));

    [Fact]
    public void AKeyVodCannotTakeIsTheFilesOwn() =>
        Assert.False(MigrationFailures.IsRetryable(new VodTools.Services.ValidationException("VodFileExtensionMissing", "no extension", "Key"), null));
}

public class MigrationCircuitTests
{
    private static MigrationFile Failed(string errorId, string code, bool retryable = true) =>
        new() { Progress = MigrationState.Failed, FailedAt = MigrationStage.Register, ErrorId = errorId, ErrorCode = code, Retryable = retryable };

    [Fact]
    public void TripsOnTenFilesInARowFailingAlike()
    {
        var circuit = new MigrationCircuit();
        for (var n = 1; n < MigrationCircuit.Threshold; n++) Assert.False(circuit.Count(MigrationStage.Register, Failed("VodRegisterRefused", "FailedFileURL")));
        Assert.True(circuit.Count(MigrationStage.Register, Failed("VodRegisterRefused", "FailedFileURL")));
    }

    [Fact]
    public void ASuccessAnotherCauseOrAFileOfItsOwnBreaksTheRow()
    {
        var circuit = new MigrationCircuit();
        var breakers = new[] { new MigrationFile { Progress = MigrationState.Registered }, Failed("VodRegisterFailed", "InternalError"), Failed("VodRegisterRefused", "FailedFileURL", retryable: false) };
        foreach (var breaker in breakers)
        {
            for (var n = 1; n < MigrationCircuit.Threshold; n++) Assert.False(circuit.Count(MigrationStage.Register, Failed("VodRegisterRefused", "FailedFileURL")));
            Assert.False(circuit.Count(MigrationStage.Register, breaker));
        }
        // another stage's successes do not break a stage's row
        for (var n = 1; n < MigrationCircuit.Threshold; n++)
        {
            Assert.False(circuit.Count(MigrationStage.Wait, Failed("VodTranscodeFailed", "AccessDenied")));
            Assert.False(circuit.Count(MigrationStage.Register, new MigrationFile { Progress = MigrationState.Registered }));
        }
        Assert.True(circuit.Count(MigrationStage.Wait, Failed("VodTranscodeFailed", "AccessDenied")));
    }
}
