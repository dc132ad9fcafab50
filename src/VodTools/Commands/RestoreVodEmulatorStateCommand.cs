using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System;
using VodTools.Commands.Common;

namespace VodTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Replaces a running emulator's state with a snapshot Save-VodEmulatorState wrote.</para>
    /// </summary>
    [Cmdlet(VerbsData.Restore, "VodEmulatorState", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = FilePaths.PathSet)]
    [OutputType(typeof(void))]
    public sealed class RestoreVodEmulatorStateCommand : EmulatorAdminCmdletBase
    {
        /// <summary>The file Save-VodEmulatorState wrote; wildcards allowed, matching one file.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = FilePaths.PathSet)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string Path { get; set; } = string.Empty;

        /// <summary>The file Save-VodEmulatorState wrote, taken as written (no wildcards). Binds from a file Get-Item or Get-ChildItem emits.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = FilePaths.LiteralPathSet)]
        [Alias("PSPath", "LP", "FullName")]
        [ValidateNotNullOrEmpty]
        public string LiteralPath { get; set; } = string.Empty;

        /// <summary>Do not ask for confirmation, as -Confirm:$false; -WhatIf still only shows what would be done.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var literal = ParameterSetName == FilePaths.LiteralPathSet;
            var given = literal ? LiteralPath : Path;
            IReadOnlyList<string> paths;
            try
            {
                paths = this.Resolve(given, literal);
            }
            catch (Exception e) when (e is ItemNotFoundException || e is ProviderNotFoundException || e is System.Management.Automation.DriveNotFoundException)
            {
                paths = Array.Empty<string>();
            }
            var path = paths.Count == 1 ? paths[0] : null;
            if (path == null || !File.Exists(path))
            {
                var message = paths.Count > 1 ? $"-Path '{given}' matches {paths.Count} files: name one." : $"There is no file {path ?? given}.";
                ThrowTerminatingError(new ErrorRecord(new FileNotFoundException(message, path ?? given), "EmulatorStateFileNotFound", ErrorCategory.ObjectNotFound, path ?? given));
                return;
            }
            if (!this.Confirm(EmulatorName, $"Replace the whole state with {path}", Force)) return;
            Run(() => Admin.RestoreState(path), path);
        }
    }
}
