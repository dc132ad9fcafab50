using System.Linq;
using System.Management.Automation;
using System.Text;
using System;
using VodTools.Commands.Common;
using VodTools.Model;
using VodTools.Services.Vod;
using VodTools.Services;

namespace VodTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Sets where VOD sends an app's event notifications as HTTP callbacks, and which events (SetMessageCallback).</para>
    /// <para type="description">VOD POSTs each event chosen with -EventType (FileUploadComplete, UploadByURLComplete,
    /// StreamTranscodeComplete, TranscodeComplete, SnapshotComplete, ..., or ALL) as a JSON body to -CallbackUrl. With -AuthKey
    /// VOD signs each callback: the X-VOD-TIMESTAMP header holds the Unix time in seconds and X-VOD-SIGNATURE the lower-case hex
    /// MD5 of "CallbackUrl|timestamp|AuthKey", which the receiver recomputes to check the call came from VOD. The key is up to
    /// 32 letters and digits with upper-case, lower-case letters and digits; it is never written in output, -Verbose or errors.
    /// Each call sets the whole configuration of the app: an event type or key left out is no longer set. -EventType None turns
    /// every notification off. With -PassThru the settings are read back and emitted, the key masked. The local emulator sends
    /// callbacks only to loopback addresses.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "VodMessageCallback", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(VodMessageCallback))]
    public sealed class SetVodMessageCallbackCommand : VodCmdletBase
    {
        /// <summary>The http or https URL VOD posts events to, up to 256 bytes.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string CallbackUrl { get; set; } = string.Empty;

        /// <summary>The events to send (ALL for every event, None for no event). Default: ALL.</summary>
        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(EventTypeCompleter))]
        public string[] EventType { get; set; } = { "ALL" };

        /// <summary>The key VOD signs callbacks with: up to 32 letters and digits, with upper-case letters, lower-case letters and digits. Turns signing on.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? AuthKey { get; set; }

        /// <summary>The VOD app. Default: app-1000000.</summary>
        [Parameter]
        public string? AppId { get; set; }

        /// <summary>Emits the settings as VOD then holds them.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            this.CheckParameters(Validate, CallbackUrl);
            var events = EventType.Length == 1 && string.Equals(EventType[0], "None", StringComparison.OrdinalIgnoreCase) ? new string[0] : EventType;
            var what = $"Send {(events.Length == 0 ? "no events" : string.Join(", ", events))} of app {AppId ?? "app-1000000"}" + (AuthKey != null ? ", signed," : "") + $" to {CallbackUrl}";
            if (!ShouldProcess(CallbackUrl, what)) return;
            try
            {
                var settings = new MessageCallbackSettings
                {
                    CallbackUrl = CallbackUrl,
                    EventTypes = events,
                    AuthEnabled = AuthKey != null,
                    AuthKey = AuthKey,
                    AppId = AppId,
                };
                Await(Session.Vod.SetMessageCallbackAsync(settings, Cancellation));
                if (PassThru) WriteObject(Await(Session.Vod.GetMessageCallbackAsync(AppId, Cancellation)));
            }
            catch (Exception e) when (!(e is PipelineStoppedException))
            {
                WriteItemError(e, "VodMessageCallbackNotSet", CallbackUrl);
            }
        }

        private void Validate()
        {
            if (!Uri.TryCreate(CallbackUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
                || Encoding.UTF8.GetByteCount(CallbackUrl) > VodService.MaxCallbackUrlBytes)
                throw new ValidationException("VodCallbackUrlInvalid", $"The callback URL must be an absolute http or https URL of at most {VodService.MaxCallbackUrlBytes} bytes.", "CallbackUrl");
            if (AuthKey != null && !(AuthKey.Length <= VodService.MaxAuthKeyLength && AuthKey.All(c => c < 128 && char.IsLetterOrDigit(c))
                && AuthKey.Any(char.IsUpper) && AuthKey.Any(char.IsLower) && AuthKey.Any(char.IsDigit)))
                throw new ValidationException("VodAuthKeyInvalid", $"The key must be at most {VodService.MaxAuthKeyLength} letters and digits, with upper-case letters, lower-case letters and digits.", "AuthKey");
        }

        /// <summary>Completes -EventType with the events this module's workflow produces.</summary>
        public sealed class EventTypeCompleter : IArgumentCompleter
        {
            private static readonly string[] Known = { "ALL", "None", "FileUploadComplete", "UploadByURLComplete", "StreamTranscodeComplete", "TranscodeComplete", "SnapshotComplete" };

            public System.Collections.Generic.IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
                System.Management.Automation.Language.CommandAst commandAst, System.Collections.IDictionary fakeBoundParameters) =>
                Known.Where(k => k.StartsWith(wordToComplete ?? string.Empty, StringComparison.OrdinalIgnoreCase)).Select(k => new CompletionResult(k));
        }
    }
}
