using System.IO.Compression;
using System.Text.Json.Nodes;
using VodTools.Emulator.Rpc;
using VodTools.Emulator.Storage;

namespace VodTools.Emulator.Hosting;

/// <summary>/_emulator/state: the emulator's state as one zip archive (the SQLite database, copied with SQLite's online
/// backup, and the object bodies it refers to), taken while the emulator runs and restored into a running emulator.
/// Works the same for --in-memory (its database is backed up from and into memory).</summary>
internal static class StateArchive
{
    private const string TempPrefix = "vodtools-state-";

    /// <summary>Answers a consistent snapshot of the state.</summary>
    public static async Task SaveAsync(Store store, Func<IEnumerable<string>> bodyIds, HttpContext context)
    {
        string folder = TempFolder(), archive = folder + ".zip";
        try
        {
            store.SaveTo(folder, bodyIds);
            ZipFile.CreateFromDirectory(folder, archive, CompressionLevel.Fastest, includeBaseDirectory: false);
            context.Response.ContentType = "application/zip";
            context.Response.ContentLength = new FileInfo(archive).Length;
            await context.Response.SendFileAsync(archive, context.RequestAborted);
        }
        finally
        {
            Remove(folder, archive);
        }
    }

    /// <summary>Replaces the state with the archive in the request body; 400 if it is not one SaveAsync wrote.</summary>
    public static async Task RestoreAsync(Store store, HttpContext context)
    {
        string folder = TempFolder(), archive = folder + ".zip";
        try
        {
            await using (var file = File.Create(archive))
                await context.Request.Body.CopyToAsync(file, context.RequestAborted);
            try
            {
                ZipFile.ExtractToDirectory(archive, folder); // refuses entries that would land outside the folder
            }
            catch (InvalidDataException)
            {
                await RefuseAsync(context);
                return;
            }
            if (!File.Exists(Path.Combine(folder, Store.DatabaseFile)))
            {
                await RefuseAsync(context);
                return;
            }
            store.RestoreFrom(folder);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(new JsonObject { ["restored"] = true }.ToJsonString(RpcResponse.Json));
        }
        finally
        {
            Remove(folder, archive);
        }
    }

    private static Task RefuseAsync(HttpContext context)
    {
        context.Response.StatusCode = 400;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(new JsonObject { ["error"] = "not a saved emulator state (a zip archive holding " + Store.DatabaseFile + ")" }.ToJsonString(RpcResponse.Json));
    }

    private static string TempFolder() => Path.Combine(Path.GetTempPath(), TempPrefix + Guid.NewGuid().ToString("N"));

    private static void Remove(string folder, string archive)
    {
        try
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            File.Delete(archive);
        }
        catch (IOException)
        {
            // still open somewhere (Windows); the temp folder is the OS's to clean
        }
    }
}
