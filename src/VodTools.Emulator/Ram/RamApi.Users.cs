using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using VodTools.Emulator.Rpc;

namespace VodTools.Emulator.Ram;

/// <summary>RAM users, their access keys and policy attachments (ram-20150501 CreateUser, GetUser, ListUsers, DeleteUser,
/// CreateAccessKey, ListAccessKeys, DeleteAccessKey, AttachPolicyToUser, DetachPolicyFromUser, ListPoliciesForUser).</summary>
internal sealed partial class RamApi
{
    public const string UserKind = "ram-user";
    /// <summary>A RAM user's access key, by AccessKeyId (the key ring finds callers here).</summary>
    public const string AccessKeyKind = "ram-access-key";
    private const int MaxUsers = 1000;
    private const int MaxAccessKeysPerUser = 2;
    private const int MaxCustomPoliciesPerUser = 5;
    private const int MaxSystemPoliciesPerUser = 20;

    public sealed class User
    {
        public string UserId { get; set; } = "";
        public string UserName { get; set; } = "";
        public string DisplayName { get; set; } = "";
        public string MobilePhone { get; set; } = "";
        public string Email { get; set; } = "";
        public string Comments { get; set; } = "";
        public string CreateDate { get; set; } = "";
        public string UpdateDate { get; set; } = "";
        public List<Attachment> Attached { get; set; } = [];
    }

    public sealed record UserAccessKey(string AccessKeyId, string AccessKeySecret, string UserName, string Status, string CreateDate);

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex UserNameChars();

    private void RegisterUserActions()
    {
        Action("CreateUser", CreateUser);
        Action("GetUser", call => new JsonObject { ["User"] = UserJson(FindUser(call)) });
        Action("ListUsers", ListUsers);
        Action("DeleteUser", DeleteUser);
        Action("CreateAccessKey", CreateAccessKey);
        Action("ListAccessKeys", ListAccessKeys);
        Action("DeleteAccessKey", DeleteAccessKey);
        Action("AttachPolicyToUser", AttachPolicyToUser);
        Action("DetachPolicyFromUser", DetachPolicyFromUser);
        Action("ListPoliciesForUser", call => AttachmentsJson(FindUser(call).Attached));
    }

    private JsonObject CreateUser(RpcCall call)
    {
        string name = call.Required("UserName");
        if (name.Length > 64) throw new RpcException(400, "InvalidParameter.UserName.Length", "The parameter UserName is longer than 64 characters.");
        if (!UserNameChars().IsMatch(name)) throw new RpcException(400, "InvalidParameter.UserName.InvalidChars", "The parameter UserName contains invalid characters.");
        string now = RpcCall.Time(call.Now);
        var user = new User
        {
            UserId = RandomDigits(16),
            UserName = name,
            DisplayName = Limited(call, "DisplayName", 128),
            MobilePhone = call.Optional("MobilePhone") ?? "",
            Email = call.Optional("Email") ?? "",
            Comments = Limited(call, "Comments", 128),
            CreateDate = now,
            UpdateDate = now,
        };
        _store.Atomically(() =>
        {
            if (_store.Get<User>(UserKind, name.ToLowerInvariant()) == null && _store.All<User>(UserKind).Count >= MaxUsers)
                throw new RpcException(409, "LimitExceeded.User", $"Exceeded the maximum number of users ({MaxUsers}).");
            return _store.TryAdd(UserKind, name.ToLowerInvariant(), user)
                ? 0 : throw new RpcException(409, "EntityAlreadyExists.User", "The user does already EXIST.");
        });
        var json = UserJson(user);
        json.Remove("UpdateDate");
        return new JsonObject { ["User"] = json };
    }

    private JsonObject ListUsers(RpcCall call)
    {
        int max = call.Int("MaxItems", 100, 1, 1000);
        string? marker = call.Optional("Marker");
        var users = _store.All<User>(UserKind).OrderBy(u => u.UserName.ToLowerInvariant(), StringComparer.Ordinal)
            .Where(u => marker == null || string.CompareOrdinal(u.UserName.ToLowerInvariant(), marker) >= 0).ToList();
        var result = new JsonObject { ["IsTruncated"] = users.Count > max };
        if (users.Count > max) result["Marker"] = users[max].UserName.ToLowerInvariant();
        result["Users"] = new JsonObject { ["User"] = new JsonArray(users.Take(max).Select(u => (JsonNode)UserJson(u)).ToArray()) };
        return result;
    }

    private JsonObject DeleteUser(RpcCall call) => _store.Atomically(() =>
    {
        var user = FindUser(call);
        if (KeysOf(user.UserName).Count > 0)
            throw new RpcException(409, "DeleteConflict.User.AccessKey", "The user CAN NOT has any access keys while deleting the user.");
        if (user.Attached.Count > 0)
            throw new RpcException(409, "DeleteConflict.User.Policy", "The user CAN NOT has any attached policy while deleting the user.");
        _store.Delete(UserKind, user.UserName.ToLowerInvariant());
        return new JsonObject();
    });

    /// <summary>A key for the user named, or (no UserName) for the RAM user calling; the account's own extra keys are
    /// not played (the emulator has the one account key it started with).</summary>
    private JsonObject CreateAccessKey(RpcCall call) => _store.Atomically(() =>
    {
        var user = TargetUser(call);
        if (KeysOf(user.UserName).Count >= MaxAccessKeysPerUser)
            throw new RpcException(409, "LimitExceeded.User.AccessKey", "The count of access keys for the user beyond the current limits.");
        var key = new UserAccessKey("LTAI" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(10)),
            Convert.ToBase64String(RandomNumberGenerator.GetBytes(22)).Replace('+', 'x').Replace('/', 'y').TrimEnd('='),
            user.UserName, "Active", RpcCall.Time(call.Now));
        _store.Put(AccessKeyKind, key.AccessKeyId, key);
        return new JsonObject
        {
            ["AccessKey"] = new JsonObject
            {
                ["AccessKeyId"] = key.AccessKeyId, ["AccessKeySecret"] = key.AccessKeySecret, ["Status"] = key.Status, ["CreateDate"] = key.CreateDate,
            },
        };
    });

    private JsonObject ListAccessKeys(RpcCall call) => new()
    {
        ["AccessKeys"] = new JsonObject
        {
            ["AccessKey"] = new JsonArray(KeysOf(TargetUser(call).UserName).Select(k => (JsonNode)new JsonObject
            {
                ["AccessKeyId"] = k.AccessKeyId, ["Status"] = k.Status, ["CreateDate"] = k.CreateDate,
            }).ToArray()),
        },
    };

    private JsonObject DeleteAccessKey(RpcCall call)
    {
        var user = TargetUser(call);
        string id = call.Required("UserAccessKeyId");
        if (_store.Get<UserAccessKey>(AccessKeyKind, id) is not { } key || !string.Equals(key.UserName, user.UserName, StringComparison.OrdinalIgnoreCase))
            throw new RpcException(404, "EntityNotExist.User.AccessKey", "The user access key does not exist.");
        _store.Delete(AccessKeyKind, id);
        return new JsonObject();
    }

    private JsonObject AttachPolicyToUser(RpcCall call) => _store.Atomically(() =>
    {
        var user = FindUser(call);
        Attach(call, user.Attached, "User", MaxSystemPoliciesPerUser, MaxCustomPoliciesPerUser);
        _store.Put(UserKind, user.UserName.ToLowerInvariant(), user);
        return new JsonObject();
    });

    private JsonObject DetachPolicyFromUser(RpcCall call) => _store.Atomically(() =>
    {
        var user = FindUser(call);
        Detach(call, user.Attached, "User");
        _store.Put(UserKind, user.UserName.ToLowerInvariant(), user);
        return new JsonObject();
    });

    public User? FindUser(string name) => _store.Get<User>(UserKind, name.ToLowerInvariant());

    private User FindUser(RpcCall call) => FindUser(call.Required("UserName")) ?? throw UserNotFound();

    /// <summary>The user a key operation names, or the RAM user calling when it names none.</summary>
    private User TargetUser(RpcCall call) =>
        call.Optional("UserName") is { } name ? FindUser(name) ?? throw UserNotFound()
        : call.Caller.UserName is { } caller ? FindUser(caller) ?? throw UserNotFound()
        : throw RpcException.Missing("UserName");

    private List<UserAccessKey> KeysOf(string userName) =>
        _store.All<UserAccessKey>(AccessKeyKind).Where(k => string.Equals(k.UserName, userName, StringComparison.OrdinalIgnoreCase)).ToList();

    private static RpcException UserNotFound() => new(404, "EntityNotExist.User", "The user does not exist.");

    private static string Limited(RpcCall call, string name, int max) =>
        call.Optional(name) is { } value ? value.Length <= max ? value
            : throw new RpcException(400, $"InvalidParameter.{name}.Length", $"The parameter {name} is longer than {max} characters.") : "";

    private static JsonObject UserJson(User user) => new()
    {
        ["UserId"] = user.UserId,
        ["UserName"] = user.UserName,
        ["DisplayName"] = user.DisplayName,
        ["MobilePhone"] = user.MobilePhone,
        ["Email"] = user.Email,
        ["Comments"] = user.Comments,
        ["CreateDate"] = user.CreateDate,
        ["UpdateDate"] = user.UpdateDate,
    };
}
